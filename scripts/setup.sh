#!/usr/bin/env bash
# Set everything up on a fresh machine, then lint the seed article.
#   - a virtual environment in .venv with copydesk and its test dependencies
#   - LanguageTool for English from Maven Central (Java 17+ and Maven), in the
#     per-user cache folder (~/.cache/copydesk), started once to prove it works
#   - Microsoft's SARIF Multitool (npm) in .tools, used by the tests
#   - Debian's chromium and neovim, for the HTML report's and the language server's tests
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
quiet=${COPYDESK_SETUP_QUIET:-}

say() { [ -n "$quiet" ] || echo "setup: $*"; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$PYTHON" -m venv .venv
fi
if ! .venv/bin/python -c "import copydesk, pytest, hypothesis, jsonschema" 2>/dev/null \
   || [ pyproject.toml -nt .venv/.installed ]; then
  say "installing copydesk and its test dependencies into .venv"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  touch .venv/.installed
fi

lt_status=$(.venv/bin/copydesk languagetool status || true)
if [[ "$lt_status" != installed:* ]]; then
  say "installing LanguageTool (copydesk languagetool install)"
  .venv/bin/copydesk languagetool install
fi

MULTITOOL=.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$MULTITOOL" ]; then
  if command -v npm >/dev/null 2>&1; then
    say "installing the SARIF Multitool into .tools"
    mkdir -p .tools
    npm install --silent --no-audit --no-fund --prefix .tools @microsoft/sarif-multitool@5.7.0 >/dev/null
    chmod u+x "$MULTITOOL"
  else
    echo "setup: npm not found; the SARIF validation tests need Node.js and npm" >&2
  fi
fi

# Vale 3.21.0, only to measure agreement with it (bench/vale_agreement.py, tests/test_vale_agreement.py);
# built from the Go module proxy when Go is installed, never committed.
if [ ! -x .tools/bin/vale ]; then
  if command -v go >/dev/null 2>&1; then
    say "building Vale 3.21.0 into .tools/bin (go install, a few minutes)"
    mkdir -p .tools/bin
    GOFLAGS=-mod=mod GOBIN="$PWD/.tools/bin" go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0 \
      || echo "setup: building Vale failed; the Vale agreement test will skip" >&2
  else
    echo "setup: go not found; the Vale agreement test will skip (it needs Vale 3.21.0)" >&2
  fi
fi

# A system tool a browser or editor test drives (Debian's package), installed when setup runs as root.
apt_tool() {  # command package what-needs-it
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing $2 (apt-get install $2) for $3"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
      echo "setup: $1 not found; $3 needs it (apt-get install $2)" >&2
    fi
  fi
}

apt_tool chromium chromium "the HTML report's browser test (headless Chromium)"
apt_tool nvim neovim "the language server's editor test (headless Neovim)"

if [ -z "${COPYDESK_SETUP_NO_LINT:-}" ]; then
  say "linting the seed article: .venv/bin/copydesk lint seeds/"
  .venv/bin/copydesk lint seeds/ || true  # exit 1 means findings, which the seed has
fi
