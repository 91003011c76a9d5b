"""A self-contained HTML report for editors: each article with its findings
highlighted in place, the message and its fix or suggestion beside each, a summary by
family and rule, and the readability scores.

No network, no external assets and no script: article text is escaped, and a
Content-Security-Policy forbids scripts even if something slipped through.
"""

from __future__ import annotations

from collections import Counter
from html import escape as escape_markup

from copydesk import __version__
from copydesk.formatters import printable, remedy, severity_counts
from copydesk.runner import FileResult, RunResult

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,section{max-width:1200px;margin:0 auto;padding:16px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:24px 0 8px;word-break:break-all}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
.article{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px}
pre.text{white-space:pre-wrap;word-wrap:break-word;background:#fff;border:1px solid #ddd;padding:12px;font:14px/1.6 Georgia,serif}
mark{border-radius:2px;padding:0 1px}mark.error{background:#ffc9c9}mark.warning{background:#ffe8a3}mark.info{background:#cfe3ff}
ol.findings{margin:0;padding-left:20px;font-size:13px}ol.findings li{margin-bottom:6px}
.sev{font-weight:600;text-transform:uppercase;font-size:11px;padding:0 4px;border-radius:3px}
.sev.error{background:#e03131;color:#fff}.sev.warning{background:#f59f00;color:#fff}.sev.info{background:#1c7ed6;color:#fff}
.rule{font-family:ui-monospace,monospace;font-size:12px;color:#555}.problem{color:#c92a2a}
"""


def escape(text: str, quote: bool = True) -> str:
    """HTML-escaped, with control characters from the article made visible."""
    return escape_markup(printable(text), quote=quote)


def _escape_source(text: str) -> str:
    return escape_markup(printable(text, keep="\t\n\r"))


def _highlighted(source: str, findings) -> str:
    """The source, escaped, with each finding's range wrapped in <mark>.

    One sweep over the boundaries, keeping the findings that cover the current
    piece: linear in the findings (the piece-by-piece scan of every finding it
    replaces took 21 s for 16,000 findings), apart from findings that overlap.
    """
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        if f.offset < f.end_offset:
            starting.setdefault(f.offset, []).append(i)
            ending.setdefault(f.end_offset, []).append(i)
    boundaries = sorted({0, len(source)} | {f.offset for f in findings} | {f.end_offset for f in findings})
    covering: dict[int, None] = {}  # indexes of the findings over the current piece
    parts = []
    for start, end in zip(boundaries, boundaries[1:]):
        for i in ending.get(start, ()):
            covering.pop(i, None)
        for i in starting.get(start, ()):
            covering[i] = None
        text = _escape_source(source[start:end])
        if not covering:
            parts.append(text)
            continue
        indexes = sorted(covering)
        worst = max((findings[i] for i in indexes), key=lambda f: f.severity.rank)
        ids = " ".join(f"f{i}" for i in indexes)
        title = escape(" | ".join(f"{findings[i].rule_id}: {findings[i].message}" for i in indexes), quote=True)
        parts.append(f'<mark class="{worst.severity.value}" data-findings="{ids}" title="{title}">{text}</mark>')
    return "".join(parts)


def _finding_items(file_index: int, findings) -> str:
    items = []
    for i, f in enumerate(findings):
        offer = remedy(f)
        suggestion = f" — {escape(offer)}" if offer else ""
        items.append(f'<li id="file{file_index}-f{i}"><span class="sev {f.severity.value}">{f.severity.value}</span> '
                     f'{f.line}:{f.column} <span class="rule">{escape(f.rule_id)}</span><br>{escape(f.message)}{suggestion}</li>')
    return "\n".join(items) or "<li>No findings.</li>"


def _scores(stats: dict | None) -> str:
    if not stats or not stats.get("scores"):
        return ""
    labels = {"flesch_reading_ease": "Flesch reading ease", "flesch_kincaid_grade": "Flesch-Kincaid grade",
              "gunning_fog": "Gunning fog", "coleman_liau_index": "Coleman-Liau", "automated_readability_index": "ARI",
              "dale_chall_readability_score": "Dale-Chall", "smog_index": "SMOG"}
    cells = "".join(f"<tr><th>{label}</th><td>{stats['scores'].get(key) if stats['scores'].get(key) is not None else 'n/a'}</td></tr>"
                    for key, label in labels.items())
    return (f"<table class=\"scores\"><tr><th>Words</th><td>{stats['words']}</td></tr>"
            f"<tr><th>Sentences</th><td>{stats['sentences']}</td></tr>{cells}</table>")


def _article(index: int, result: FileResult) -> str:
    heading = f"<h2>{escape(result.path)}</h2>"
    if result.error:
        return f'<section>{heading}<p class="problem">Not linted: {escape(result.error)}</p></section>'
    body = _highlighted(result.source or "", result.findings)
    return (f'<section class="file" id="file{index}">{heading}<div class="article">'
            f'<pre class="text">{body}</pre><div><ol class="findings">{_finding_items(index, result.findings)}</ol>'
            f'{_scores(result.stats)}</div></div></section>')


def _summary(result: RunResult) -> str:
    counts = severity_counts(result)
    by_rule = Counter(f.rule_id for f in result.findings)
    by_family = Counter(f.rule_id.split(".")[0] for f in result.findings)
    families = "".join(f"<tr><td>{escape(name)}</td><td>{n}</td></tr>" for name, n in sorted(by_family.items()))
    rules = "".join(f"<tr><td class=\"rule\">{escape(name)}</td><td>{n}</td></tr>" for name, n in by_rule.most_common())
    return (f"<p>{len(result.findings)} findings ({counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} info) in {_files(result)}.</p>"
            f"<table><tr><th>Family</th><th>Findings</th></tr>{families}</table>"
            f"<table><tr><th>Rule</th><th>Findings</th></tr>{rules}</table>")


def _files(result: RunResult) -> str:
    linted = sum(1 for r in result.files if not r.error)
    return f"{linted} file{'' if linted == 1 else 's'}"


def format_html(result: RunResult, **_) -> str:
    articles = "\n".join(_article(i, r) for i, r in enumerate(result.files))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>copydesk report</title><style>{STYLE}</style></head>
<body><header><h1>copydesk report</h1>{_summary(result)}<p class="rule">copydesk {__version__}</p></header>
{articles}
</body></html>
"""
