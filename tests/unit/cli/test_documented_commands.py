"""The commands the READMEs list are the ones the programs have, and the documented policy example works.

A newcomer follows the README literally: a subcommand it names must exist, one the program has must be
findable there, and IT's example `intake_endpoint` must post where the reference intake (and the nginx
example in front of it) answers.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from desktop.config.pack_cli import build_parser
from desktop.outbox.transport import ENVELOPE_PATH, intake_base
from intake.cli import _parser as intake_parser

ROOT = Path(__file__).resolve().parents[3]


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(sub.choices)


def _readme_list(command: str) -> set[str]:
    """The words in parentheses after ``.venv/bin/COMMAND --help`` in the README's "Other commands"."""
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index(f".venv/bin/{command} --help")
    comment = " ".join(line.split("#", 1)[1] for line in text[start:].splitlines()[:4] if "#" in line)
    listed = comment[comment.index("(") + 1: comment.index(")")]
    return {word.strip() for word in listed.split(",")}


def test_the_readme_lists_every_intake_subcommand_and_no_other() -> None:
    assert _readme_list("underret-intake") == _subcommands(intake_parser())


def test_the_readme_lists_every_pack_subcommand_and_no_other() -> None:
    assert _readme_list("underret-pack") == _subcommands(build_parser())


def test_the_policy_example_posts_where_the_intake_and_the_nginx_example_answer() -> None:
    # packaging/README.md's policy example once named ".../api/v1/notifications": the app posted to
    # ".../api/v1/notifications/v1/envelopes", which no intake answers (404), and every notification failed.
    text = (ROOT / "packaging" / "README.md").read_text("utf-8")
    example = json.loads(re.search(r"```json\n(\{.*?\})\n```", text, re.DOTALL).group(1))  # type: ignore[union-attr]
    path = urlsplit(intake_base(example["intake_endpoint"]) + ENVELOPE_PATH).path
    assert path == "/v1/envelopes"
    nginx = (ROOT / "intake" / "deploy" / "nginx-underret-intake.conf").read_text("utf-8")
    assert "location /v1/ {" in nginx
