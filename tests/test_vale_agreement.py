"""copydesk and Vale 3.21.0 on the same .vale.ini and files: the same alerts.

Needs the Vale binary (scripts/setup.sh builds it into .tools/bin when Go is
installed, or set COPYDESK_VALE); skips with the reason otherwise. The corpus
test also needs ../shared.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from copydesk.config import Config
from copydesk.runner import LintOptions, lint_paths
from copydesk.styles import read_vale_ini

ROOT = Path(__file__).resolve().parents[1]
STYLES = ROOT / "tests" / "data" / "vale" / "styles"
BBC = ROOT.parent / "shared" / "corpora" / "bbc"


def _vale() -> str | None:
    for candidate in (os.environ.get("COPYDESK_VALE"), str(ROOT / ".tools" / "bin" / "vale"), shutil.which("vale")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


VALE = _vale()
pytestmark = pytest.mark.skipif(VALE is None, reason="Vale 3.21.0 not built (scripts/setup.sh needs Go) "
                                                     "and COPYDESK_VALE not set")


def _ini(tmp_path: Path) -> Path:
    ini = tmp_path / ".vale.ini"
    ini.write_text(f"StylesPath = {STYLES}\nMinAlertLevel = suggestion\n\n[*]\n"
                   "BasedOnStyles = Microsoft, write-good, proselint\nproselint.Uncomparables = NO\n", encoding="utf-8")
    return ini


def _vale_alerts(ini: Path, target: Path) -> set[tuple[str, int, int, str]]:
    done = subprocess.run([VALE, "--config", str(ini), "--output", "JSON", "--no-exit", str(target)],
                          capture_output=True, text=True, check=True)
    return {(Path(path).name if target.is_dir() else target.name, a["Line"], a["Span"][0], "style." + a["Check"])
            for path, alerts in json.loads(done.stdout).items() for a in alerts}


def _copydesk_alerts(ini: Path, target: Path) -> set[tuple[str, int, int, str]]:
    result = lint_paths([str(target)], LintOptions(select=("style",), grammar=False, vale_config=ini, jobs=1,
                                                   config_path=None))
    return {(Path(f.path).name, f.line, f.column, f.rule_id) for f in result.findings}


ARTICLE = """\
# Budget talks resume

We are going to utilize the new process in order to finish. The plan was approved by
the council, which is very unusual. It is not clear whether the mayor will sign it.

## What happens next?

- The committee will meet on Monday -- and it will vote.
- There is a lot of work ahead, and it's impossible to say when it ends.

> In my opinion, the budget is basically fine.

Some members said that the the report, e.g. the summary, was overly long...
"""


def test_same_alerts_as_vale_on_an_article(tmp_path):
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    ini = _ini(tmp_path)
    theirs = _vale_alerts(ini, article)
    assert len(theirs) > 20
    assert _copydesk_alerts(ini, article) == theirs


def test_same_alerts_as_vale_on_plain_text(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE.replace("# ", "").replace("## ", "").replace("- ", "").replace("> ", ""),
                       encoding="utf-8")
    ini = _ini(tmp_path)
    theirs = _vale_alerts(ini, article)
    assert len(theirs) > 20
    assert _copydesk_alerts(ini, article) == theirs


HTML_AND_FRONT_MATTER = """\
---
title: "Budget talks resume"
excerpt: "We are going to utilize the new process in order to finish."
layout: post
---

<p>The plan was approved by the council, which is <em>very</em> unusual.</p>

<blockquote class="twitter-tweet"><p>In my opinion, the budget is basically fine.</p>&mdash; A member (@member)</blockquote>

<div class="note">
It is obviously a plan that was approved in order to finish.
</div>

<!-- vale off -->

It is not clear whether the mayor will sign it, which is very unusual.

<!-- vale on -->
<!-- vale Microsoft.Adverbs = NO -->

There is a lot of work ahead, and it's basically impossible to say when it ends.

<!-- vale Microsoft.Adverbs = YES -->

The budget is basically fine.
"""


def test_same_alerts_as_vale_in_raw_html_front_matter_and_under_control_comments(tmp_path):
    article = tmp_path / "article.md"
    article.write_text(HTML_AND_FRONT_MATTER, encoding="utf-8")
    ini = _ini(tmp_path)
    theirs = _vale_alerts(ini, article)
    assert len(theirs) == 30
    assert ("article.md", 3, 27, "style.write-good.TooWordy") in theirs  # "utilize" in the excerpt
    assert ("article.md", 9, 38, "style.write-good.TooWordy") in theirs  # "In my opinion" in the tweet
    assert _copydesk_alerts(ini, article) == theirs


IGNORES = """\
# Budget talks resume

The :very_obviously_bad: plan was basically approved by [[the very big council]] today.

<!-- raw -->
It is obviously a plan that was approved in order to finish.
<!-- endraw -->

There is a lot of work ahead, and it's very hard.
"""


def test_same_alerts_as_vale_with_token_and_block_ignores(tmp_path):
    article = tmp_path / "article.md"
    article.write_text(IGNORES, encoding="utf-8")
    ini = _ini(tmp_path)
    ini.write_text(ini.read_text(encoding="utf-8") + "TokenIgnores = (:[a-z_]+:), (\\[\\[[^\\]]+\\]\\])\n"
                   "BlockIgnores = (?s)(<!-- raw -->.*?<!-- endraw -->)\n", encoding="utf-8")
    theirs = _vale_alerts(ini, article)
    assert sorted(theirs) == [("article.md", 3, 31, "style.write-good.E-Prime"),
                              ("article.md", 9, 1, "style.write-good.ThereIs"),
                              ("article.md", 9, 7, "style.write-good.E-Prime"),
                              ("article.md", 9, 35, "style.write-good.E-Prime"),
                              ("article.md", 9, 40, "style.Microsoft.Adverbs"),
                              ("article.md", 9, 40, "style.proselint.Very"),
                              ("article.md", 9, 40, "style.write-good.Weasel")]
    assert _copydesk_alerts(ini, article) == theirs


@pytest.mark.skipif(not BBC.is_dir(), reason="needs ../shared/corpora/bbc")
def test_agreement_on_bbc_business(tmp_path):
    corpus = tmp_path / "business"
    corpus.mkdir()
    for path in sorted((BBC / "business").glob("*.txt"))[:60]:
        shutil.copy(path, corpus / path.name)
    ini = _ini(tmp_path)
    theirs, ours = _vale_alerts(ini, corpus), _copydesk_alerts(ini, corpus)
    assert len(theirs & ours) >= 0.95 * len(theirs)
    assert len(ours - theirs) <= 0.05 * len(theirs)


def test_config_is_shared_with_read_vale_ini(tmp_path):
    styles = read_vale_ini(_ini(tmp_path))
    assert Config(styles=styles).styles.rules_for("x.md")
    assert "proselint.Uncomparables" not in {rule.name for rule, _ in styles.rules_for("x.md")}
