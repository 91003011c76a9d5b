"""The 18F blog (an Eleventy site: Nunjucks tags, {{ "/path/" | url }} inside links,
figures, tables, footnotes, raw HTML) end to end: every post linted without a
crash, and no finding lies in markup. Each post is rendered to plain text by the
same parser; the prose under every finding must read word for word in it."""

from __future__ import annotations

import pytest

from copydesk.parse import parse
from copydesk.parse.render import in_markup, rendered_words, shown_front_matter
from copydesk.runner import LintOptions, lint_paths
from conftest import BLOG_18F, require_corpus

pytestmark = pytest.mark.slow
POSTS = 509


@pytest.fixture(scope="module")
def blog_run():
    posts = sorted(str(path) for path in require_corpus(BLOG_18F).glob("*.md"))
    return posts, lint_paths(posts, LintOptions(jobs=2, grammar=False))


def test_every_post_is_linted(blog_run):
    posts, run = blog_run
    assert len(posts) == POSTS
    assert [(result.path, result.error) for result in run.files if result.error] == []
    assert len(run.files) == POSTS


def test_no_finding_lies_in_markup(blog_run):
    _, run = blog_run
    in_markup_findings = []
    documents = {}
    for finding in run.findings:
        if finding.path not in documents:
            with open(finding.path, encoding="utf-8") as handle:
                source = handle.read()
            doc = parse(source, finding.path)
            documents[finding.path] = (doc, rendered_words(source, finding.path, shown_front_matter(doc)))
        doc, rendered = documents[finding.path]
        if in_markup(doc, finding.offset, finding.end_offset, rendered):
            in_markup_findings.append(f"{finding.path}:{finding.line}:{finding.column} {finding.rule_id}")
    assert in_markup_findings == []
    assert len(run.findings) > 1000  # the check did look at findings
