"""The HTML report, opened in a real headless Chromium."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from copydesk.cli import main
from conftest import SEED

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = """# Budget <script>document.title = "pwned"</script>

The council met  on Monday. <img src=x onerror="document.title='pwned'">

<script>document.body.innerHTML = "pwned"</script>
"""


def report(tmp_path: Path, *articles: Path) -> Path:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["lint", "--no-grammar", "-f", "html", "-o", str(out), *map(str, articles)])
    assert result.exit_code in (0, 1), result.output
    return out


def browser(*args: str) -> subprocess.CompletedProcess:
    assert CHROMIUM, "run scripts/setup.sh: it installs Debian's chromium for this test"
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", *args],
                          capture_output=True, text=True, timeout=120)


def rendered_dom(page: Path) -> str:
    completed = browser("--dump-dom", page.as_uri())
    assert completed.returncode == 0, completed.stderr[-500:]
    return completed.stdout


def marks(dom: str) -> list[tuple[str, str]]:
    return [(cls, html.unescape(re.sub(r"<[^>]+>", "", text)))
            for cls, text in re.findall(r'<mark class="(\w+)"[^>]*>(.*?)</mark>', dom, re.S)]


def test_highlights_render_where_the_findings_are(tmp_path):
    dom = rendered_dom(report(tmp_path, SEED))
    highlighted = marks(dom)
    assert ("warning", "'") in highlighted  # the straight apostrophe of "Musk's", 7:19
    assert ("warning", "the 4th of May") in highlighted
    assert ("info", "nine days ago") in highlighted
    assert "typography.mixed-apostrophes" in dom and "7:19" in dom
    assert "Flesch-Kincaid grade" in dom  # the readability scores
    assert re.search(r"<td>figures</td><td>\d+</td>", dom)  # the summary by family


def test_article_html_is_text_and_no_script_runs(tmp_path):
    hostile = tmp_path / "hostile.md"
    hostile.write_text(HOSTILE)
    page = report(tmp_path, hostile)
    assert "<script" not in page.read_text().lower().replace("&lt;script", "")
    dom = rendered_dom(page)
    assert "<title>copydesk report</title>" in dom and "pwned" not in re.sub(r"&lt;.*?&gt;", "", dom.split("<body>")[0])
    assert "&lt;script&gt;document.title" in dom  # shown as text
    assert "<img" not in dom
    assert ("warning", "  ") in marks(dom)


def test_screenshot_of_the_seed_report(tmp_path):
    page = report(tmp_path, SEED)
    shot = tmp_path / "seed.png"
    completed = browser(f"--screenshot={shot}", "--window-size=1300,1400", page.as_uri())
    assert completed.returncode == 0, completed.stderr[-500:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
