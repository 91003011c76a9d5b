from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_bc07e470474295b6.txt"
BBC = Path(os.environ.get("COPYDESK_BBC_CORPUS", ROOT.parent / "shared" / "corpora" / "bbc"))
TOOLS = ROOT / ".tools"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def languagetool_url():
    """A real LanguageTool server for the whole test session (installed by scripts/setup.sh)."""
    from copydesk.languagetool.server import LocalServer

    server = LocalServer()
    url = server.start()
    yield url
    server.stop()


@pytest.fixture
def languagetool(languagetool_url):
    """Grammar and spelling active in this process, against the session's server."""
    from copydesk.languagetool.client import activate

    activate(languagetool_url, use_cache=False)
    yield languagetool_url
    activate(None)
