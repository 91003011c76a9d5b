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
