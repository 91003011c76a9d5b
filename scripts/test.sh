#!/usr/bin/env bash
# Run the whole test suite (sets up first if needed). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
COPYDESK_SETUP_QUIET=1 COPYDESK_SETUP_NO_LINT=1 bash scripts/setup.sh
# pytest exits 5 when it collects no tests: that fails here too.
exec .venv/bin/python -m pytest "$@"
