"""Inline comments switch rules off in Markdown and in plain text."""

from __future__ import annotations

from copydesk.parse import parse
from copydesk.runner import lint_text

BODY = "One  space.\n\nTwo  spaces.\n\nThree  spaces.\n"


def lines_of(findings):
    return [f.line for f in findings]


def test_no_directive_reports_everything():
    assert lines_of(lint_text("# T\n\n" + BODY, path="a.md")) == [3, 5, 7]


def test_disable_next_line_by_id():
    text = "# T\n\n<!-- copydesk-disable-next-line typography.double-space -->\n" + BODY
    assert lines_of(lint_text(text, path="a.md")) == [6, 8]


def test_disable_and_enable_by_family():
    text = "# T\n\n<!-- copydesk-disable typography -->\n" + BODY + "\n<!-- copydesk-enable typography -->\n\nFour  here.\n"
    assert lines_of(lint_text(text, path="a.md")) == [12]


def test_disable_without_rule_means_all_rules():
    text = "# T\n\nOne  space.\n\n<!-- copydesk-disable -->\n\nTwo  (spaces.\n"
    assert lines_of(lint_text(text, path="a.md")) == [3]


def test_disable_of_another_rule_leaves_this_one():
    text = "# T\n\n<!-- copydesk-disable headline, typography.mixed-quotes -->\n" + BODY
    assert lines_of(lint_text(text, path="a.md")) == [4, 6, 8]


def test_plain_text_uses_the_same_comment_on_its_own_line():
    text = "Headline\n\n<!-- copydesk-disable-next-line typography -->\nOne  space.\n\nTwo  spaces.\n"
    doc = parse(text, "a.txt")
    assert all("copydesk" not in block.text for block in doc.blocks)
    assert lines_of(lint_text(text, path="a.txt")) == [6]


def test_directive_inside_code_block_is_ignored():
    text = "# T\n\n```\n<!-- copydesk-disable -->\n```\n\nOne  space.\n"
    assert lines_of(lint_text(text, path="a.md")) == [7]
