#!/usr/bin/env bash
# Fuzz the wire protocol's readers (a separate command, not part of check.sh): hypothesis-driven cases
# for the envelope reader, the receipt parser, the message reader and mailbox requests, at least
# 100,000 in all (tests/fuzz; the normal suite runs a smoke slice of each). Arguments go to pytest,
# e.g. `scripts/fuzz.sh -k envelope`. Only the documented errors may come out of a reader.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export UNDERRET_FUZZ=1
# A run of the whole folder must reach the minimum; a selection (-k, a file) only reports its count.
if [ $# -eq 0 ]; then export UNDERRET_FUZZ_MIN=100000; fi
exec .venv/bin/python -m pytest -q -o timeout=7200 tests/fuzz "$@"
