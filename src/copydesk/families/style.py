"""style.*: house rules and Vale styles, written as YAML data (see copydesk.styles)."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check


@check("style.house")
def house(doc: Document, context: RuleContext) -> Iterator[Hit]:
    from copydesk.styles.engine import run_styles
    from copydesk.styles.loader import shipped_style

    styles = context.styles
    shipped = tuple(folder for folder in map(shipped_style, context.options["shipped-styles"]) if folder)
    if shipped:
        from copydesk.styles import house_styles

        yield from run_styles(doc, house_styles(shipped))
    if styles is not None:
        yield from run_styles(doc, styles)
