"""The shipped systemd unit and nginx example: sandboxed, and their command lines still valid."""

from __future__ import annotations

import shlex
from pathlib import Path

import intake
from intake.cli import _parser

DEPLOY = Path(intake.__file__).resolve().parent / "deploy"


def _unit() -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    text = (DEPLOY / "underret-intake.service").read_text("utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_the_systemd_unit_runs_the_intake_sandboxed_with_owner_only_files() -> None:
    unit = _unit()
    expected = {"DynamicUser": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
                "NoNewPrivileges": "yes", "UMask": "0077", "StateDirectoryMode": "0700",
                "CapabilityBoundingSet": ""}
    for key, value in expected.items():
        assert unit[key] == [value], key
    assert int(unit["LimitNOFILE"][0]) >= 65536


def test_the_unit_s_command_line_is_one_the_intake_accepts() -> None:
    [command] = _unit()["ExecStart"]
    words = shlex.split(command.replace("${STATE_DIRECTORY}", "/var/lib/underret-intake")
                        .replace("${CREDENTIALS_DIRECTORY}", "/run/credentials/underret-intake.service"))
    assert words[0].endswith("/underret-intake")
    args = _parser().parse_args(words[1:])
    assert args.command == "serve" and not args.open
    assert args.spool_dir == Path("/var/lib/underret-intake")


def test_the_nginx_example_passes_only_the_api_and_logs_no_client_address() -> None:
    text = (DEPLOY / "nginx-underret-intake.conf").read_text("utf-8")
    assert "location /v1/ {" in text and "proxy_request_buffering off;" in text
    assert "ssl_protocols TLSv1.2 TLSv1.3;" in text
    assert "$remote_addr" not in text and "combined_noip" in text


def _serve_options() -> dict[str, str | None]:
    """Every ``serve`` option and its help text."""
    import argparse

    parser = _parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    serve = sub.choices["serve"]
    return {option: action.help for action in serve._actions for option in action.option_strings
            if option.startswith("--") and option != "--help"}


def test_every_serve_option_is_explained_in_help_readme_and_unit() -> None:
    """IT sets the intake up from `serve --help`, the README and the unit example: an option missing from
    any of them (a new limit nobody can find) fails here."""
    readme = (DEPLOY.parent / "README.md").read_text("utf-8")
    unit = (DEPLOY / "underret-intake.service").read_text("utf-8")
    options = _serve_options()
    assert "--rate-per-minute" in options and "--enrol-per-hour" in options
    assert [o for o, text in options.items() if not text] == [], "options without --help text"
    assert [o for o in options if f"`{o}" not in readme and f"{o} " not in readme] == [], "not in README"
    assert [o for o in options if o not in unit] == [], "not in the systemd unit example"
