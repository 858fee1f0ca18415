"""How a Windows program splits its command line, and how Windows Installer fills in a formatted string.

The MSI's custom action runs ``underret-policy.exe`` with one command line (``WixQuietExec``); the
program's C runtime splits it into ``argv`` by Microsoft's documented rules ("Parsing C++ command-line
arguments"), implemented here so the installer's command line can be checked on Linux:

- arguments are separated by spaces or tabs; a part in double quotes may contain them;
- backslashes are literal, except right before a double quote: 2n backslashes and a quote give n
  backslashes and the quote opens or closes a quoted part; 2n+1 give n backslashes and a literal quote;
- inside a quoted part, two double quotes give one literal quote;
- the program name (the first argument) ends at the first space, or at its closing quote, and
  backslashes in it are always literal.

A stand-in for Windows, which cannot run here; ``format_msi`` does what the installer does with
``[PROPERTY]`` (its value, or nothing when the property is not set).
"""

from __future__ import annotations

import html
import re


def format_msi(template: str, properties: dict[str, str]) -> str:
    """``[NAME]`` replaced by the property's value (empty when not set), as Windows Installer formats."""
    return re.sub(r"\[([A-Za-z0-9_.]+)\]", lambda match: properties.get(match.group(1), ""), template)


def split_command_line(line: str) -> list[str]:
    """``argv`` as the C runtime makes it from ``line``."""
    arguments: list[str] = []
    position = 0
    # The program name: quoted or not, no escapes.
    if line.startswith('"'):
        end = line.find('"', 1)
        end = len(line) if end < 0 else end
        arguments.append(line[1:end])
        position = end + 1
    else:
        match = re.match(r"[^ \t]*", line)
        assert match is not None
        arguments.append(match.group(0))
        position = match.end()
    current: list[str] | None = None
    quoted = False
    while position < len(line):
        char = line[position]
        if char in " \t" and not quoted:
            if current is not None:
                arguments.append("".join(current))
                current = None
            position += 1
            continue
        if current is None:
            current = []
        if char == "\\":
            run = len(line[position:]) - len(line[position:].lstrip("\\"))
            after = position + run
            if after < len(line) and line[after] == '"':
                current.append("\\" * (run // 2))
                if run % 2:
                    current.append('"')
                    position = after + 1
                else:
                    position = after  # the quote is handled below
            else:
                current.append("\\" * run)
                position = after
            continue
        if char == '"':
            if quoted and position + 1 < len(line) and line[position + 1] == '"':
                current.append('"')
                position += 2
                continue
            quoted = not quoted
            position += 1
            continue
        current.append(char)
        position += 1
    if current is not None:
        arguments.append("".join(current))
    return arguments


def custom_action_command(wxs: str, action: str) -> str:
    """The (unescaped) command-line template that ``<SetProperty Id=action>`` gives the custom action."""
    match = re.search(rf'<SetProperty Id="{action}"[^>]*?Value="([^"]*)"', wxs, re.S)
    assert match is not None, f"no SetProperty for {action}"
    return html.unescape(match.group(1))
