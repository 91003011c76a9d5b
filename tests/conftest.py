from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_bc07e470474295b6.txt"
# The corpora live beside the checkout in this project's CI (../shared/corpora); a clone
# elsewhere has none, and the corpus tests skip, naming what they looked for.
CORPORA = Path(os.environ.get("COPYDESK_CORPORA", ROOT.parent / "shared" / "corpora"))
BBC = Path(os.environ.get("COPYDESK_BBC_CORPUS", CORPORA / "bbc"))
BLOG_18F = Path(os.environ.get("COPYDESK_18F_CORPUS", CORPORA / "18f-blog"))
TOOLS = ROOT / ".tools"


def require_corpus(folder: Path) -> Path:
    """The corpus folder, or skip the test with the reason (fail instead when
    COPYDESK_REQUIRE_CORPORA is set, so a CI that has the corpora cannot skip them)."""
    if folder.is_dir():
        return folder
    reason = f"corpus not found at {folder} (set COPYDESK_CORPORA to the folder holding it)"
    if os.environ.get("COPYDESK_REQUIRE_CORPORA"):
        pytest.fail(reason)
    pytest.skip(reason)


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
