"""typography.*: quotes, apostrophes, dashes, spacing and balance."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import combinations

from copydesk.document import Block, Document
from copydesk.finding import Applicability, Edit, Fix, Hit, Location
from copydesk.rules import RuleContext, check, suppressed


class _Marks:
    """A pattern for one mark (an apostrophe, a quotation mark) in its context, compiled
    for each set of its marks. The regex engine scans for one literal character several
    times faster than for a class of them, and an article holds only some of the marks
    (a plain ASCII one no curly mark): each article is searched with the pattern for the
    marks its prose holds (``in_prose``), which finds exactly what the full one finds."""

    def __init__(self, marks: str, context: str) -> None:
        self.marks = marks
        self._patterns = {"".join(held): re.compile(f"[{''.join(held)}]{context}")
                          for size in range(1, len(marks) + 1) for held in combinations(marks, size)}
        self.pattern = self._patterns[marks]  # all of them

    def in_prose(self, doc: Document) -> re.Pattern | None:
        """The pattern for the marks the article's prose holds; None when it holds none."""
        prose = _prose(doc)
        held = "".join(mark for mark in self.marks if prose.holds(mark))
        return self._patterns[held] if held else None


# Each pattern starts with the characters it looks for and checks what stands before them
# with a lookbehind after them: the regex engine then jumps from candidate to candidate
# instead of trying a lookbehind at every position (same matches, several times faster).
_APOSTROPHE = _Marks("'’", r"(?<=[^\W\d_].)(?=[^\W\d_])")  # between two letters
_DOUBLE_QUOTE = _Marks('"“”', "")
# At the start or after a space, bracket or dash:
_OPENING_SINGLE = _Marks("'‘", r"(?:(?<=^.)|(?<=[\s(\[{—–].))(?=\w)")
_EXTRA_SPACES = re.compile(r"[ \u00a0](?<=\S[ \u00a0])[ \u00a0]+(?=\S)")  # two or more between words
_SPACED_HYPHEN = re.compile(r"[ -](?:(?<=\S )-{1,2} (?=\S)|(?<=\w-)-(?=\w))")  # "a - b", "a -- b", "a--b"
_TYPOGRAPHIC = re.compile(r"[“”‘’—–…]")
_SENTENCE_END_BEFORE = re.compile(r"[.?!,:;][\"'’”]?\s+$")
_ENUMERATOR = re.compile(r"(?:^|\s)\(?\w{1,2}$")  # "a)" or "1)" in a list written inline
_SMILEY = re.compile(r"[:;=]-?$")
_BRACKET = re.compile(r"[()\[\]{}]")
BRACKETS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in BRACKETS.items()}
_CURRENCY = "$£€¥"
DASHES = {"em-spaced": " — ", "em-closed": "—", "en-spaced": " – "}


def _verbatim(doc: Document, block: Block, start: int, end: int) -> tuple[int, int] | None:
    """The source range of block.text[start:end], if the source says exactly that.

    Placeholders (code, links) and markup that was dropped between two
    characters fail this test, so no finding lands on text the author did not write.
    """
    source_start, source_end = block.source_range(start, end)
    if doc.source[source_start:source_end] == block.text[start:end]:
        return source_start, source_end
    return None


class _Prose:
    """The blocks the rules read (bylines are not prose), read once per article: each
    with where it starts in the source when it is a verbatim stretch of it (most are,
    and their matches need no check against the source), and which marks they hold."""

    def __init__(self, doc: Document) -> None:
        self.source = doc.source
        self.starts = [(block, block.verbatim_start(doc.source)) for block in doc.blocks if block.kind != "byline"]
        self.blocks = [block for block, _ in self.starts]
        self._rewritten = [block.text for block, start in self.starts if start is None]
        self._holds: dict[str, bool] = {}

    def holds(self, text: str) -> bool:
        """Whether any block holds ``text``. A verbatim block's text is in the source,
        so one search of the source answers for all of them; the others are searched."""
        held = self._holds.get(text)
        if held is None:
            held = self._holds[text] = text in self.source or any(text in other for other in self._rewritten)
        return held


def _prose(doc: Document) -> _Prose:
    prose = doc.cache.get("typography-prose")
    if prose is None:
        prose = doc.cache["typography-prose"] = _Prose(doc)
    return prose


def _prose_blocks(doc: Document) -> list[Block]:
    return _prose(doc).blocks


def _occurrences(doc: Document, pattern: re.Pattern | None,
                 needle: str = "") -> Iterator[tuple[Block, re.Match, tuple[int, int]]]:
    """Each match of ``pattern`` in the prose whose text the source says exactly
    (see _verbatim), with its source range. A block without ``needle``, which every
    match holds, is not searched (a substring test is far faster than a scan)."""
    if pattern is None:
        return
    for block, start in _prose(doc).starts:
        if needle not in block.text:
            continue
        if start is not None:
            for match in pattern.finditer(block.text):
                yield block, match, (start + match.start(), start + match.end())
            continue
        for match in pattern.finditer(block.text):
            span = _verbatim(doc, block, match.start(), match.end())
            if span:
                yield block, match, span


def _replace(start: int, end: int, replacement: str, title: str,
             applicability: Applicability = Applicability.SAFE) -> tuple[Fix, ...]:
    return (Fix(title, (Edit(start, end, replacement),), applicability),)


def _majority_style(curly: int, straight: int, preferred: str) -> str | None:
    """The style to hold the article to, or None when it is consistent."""
    if preferred in ("curly", "straight"):
        return preferred
    if not curly or not straight:
        return None
    return "straight" if straight > curly else "curly"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _inconsistency(minority: list[tuple[int, int, str]], style: str, majority: int, noun: str,
                   configured: bool) -> Hit:
    """One finding for one inconsistency: anchored at the first occurrence of the
    minority style, the others carried as related locations, and one fix that
    converts them all (one decision for the editor, not one per mark).

    ``minority`` holds (source start, source end, replacement) in source order.
    """
    (start, end, wanted), others = minority[0], minority[1:]
    other_style = "straight" if style == "curly" else "curly"
    found = _plural(len(minority), f"{other_style} {noun}")
    if configured:
        message = f"{found}; the house style is {style} ones"
    else:
        message = f"{found} in an article that uses {_plural(majority, style + ' one')}"
    if len(minority) > 1:
        message += f"; use {style} ones throughout (the fix changes all {len(minority)})"
    else:
        message += f"; use {wanted}"
    edits = tuple(Edit(s, e, replacement) for s, e, replacement in minority)
    related = tuple(Location(s, e, f"{other_style.capitalize()} {noun}; use {replacement}")
                    for s, e, replacement in others)
    fix = Fix(f"Use {style} {noun}s throughout" if others else f"Use the {style} {noun} {wanted}", edits,
              Applicability.SAFE)
    return Hit(start, end, message, wanted, fixes=(fix,), related=related)


def _apostrophe_style(char: str) -> str:
    return "curly" if char == "’" else "straight"


def _quote_style(char: str) -> str:
    return "straight" if char in "\"'" else "curly"


def _unsuppressed(doc: Document, context: RuleContext,
                  marks: list[tuple[Block, re.Match, tuple[int, int]]]) -> list[tuple[Block, re.Match, tuple[int, int]]]:
    """The marks on lines where inline comments leave this rule on. The rule
    reports one finding for many marks, so a mark whose line is switched off
    must leave the count and the fix here, not with the finding afterwards."""
    if not doc.directives:
        return marks
    kept = []
    for mark in marks:
        line, column = doc.position(mark[2][0])
        if not suppressed(context.spec.id, line, doc.directives, column, mark[1].group()):
            kept.append(mark)
    return kept


def _writers_marks(marks: list[tuple[Block, re.Match, tuple[int, int]]],
                   style_of: Callable[[str], str]) -> list[tuple[Block, re.Match, tuple[int, int]]]:
    """The marks the writer set. A block quotation reproduces someone else's
    text (an e-mail, a forum post, a report) with the marks its author typed,
    and an editor leaves them so: when every mark in the article's block
    quotations is of one style, they are not counted. When the block
    quotations mix both styles among themselves (statements from several
    people pasted in, a curly quotation closed by a straight mark), the marks
    were set in this article and are held to its style like the rest.
    Code, markup and templates never reach the prose (see _verbatim)."""
    quoted = {style_of(match.group()) for block, match, _ in marks if block.container == "quote"}
    if len(quoted) == 2:
        return marks
    return [mark for mark in marks if mark[0].container != "quote"]


def _of_one_style(doc: Document, context: RuleContext, curly: str, straight: str) -> bool:
    """Whether the prose holds marks of one style at most (of ``curly`` or of ``straight``)
    while the rule takes the article's own style: then it is consistent wherever the marks
    stand, and they need not be found and counted (most articles)."""
    if context.options["style"] != "auto":
        return False
    prose = _prose(doc)
    return not any(map(prose.holds, curly)) or not any(map(prose.holds, straight))


@check("typography.mixed-apostrophes")
def mixed_apostrophes(doc: Document, context: RuleContext) -> Iterator[Hit]:
    if _of_one_style(doc, context, "’", "'"):
        return
    found = list(_occurrences(doc, _APOSTROPHE.in_prose(doc)))
    marks = _writers_marks(_unsuppressed(doc, context, found), _apostrophe_style)
    curly = sum(1 for _, match, _ in marks if match.group() == "’")
    straight = len(marks) - curly
    style = _majority_style(curly, straight, context.options["style"])
    if style is None:
        return
    wanted, unwanted = ("’", "'") if style == "curly" else ("'", "’")
    minority = [(start, end, wanted) for _, match, (start, end) in marks if match.group() == unwanted]
    if minority:
        majority = curly if style == "curly" else straight
        yield _inconsistency(minority, style, majority, "apostrophe", context.options["style"] != "auto")


@check("typography.mixed-quotes")
def mixed_quotes(doc: Document, context: RuleContext) -> Iterator[Hit]:
    if _of_one_style(doc, context, "“”‘", "\"'"):
        return
    found = [*_occurrences(doc, _DOUBLE_QUOTE.in_prose(doc)), *_occurrences(doc, _OPENING_SINGLE.in_prose(doc))]
    marks = _writers_marks(_unsuppressed(doc, context, found), _quote_style)
    curly = sum(1 for _, match, _ in marks if _quote_style(match.group()) == "curly")
    straight = len(marks) - curly
    style = _majority_style(curly, straight, context.options["style"])
    if style is None:
        return
    minority = [(start, end, _replacement_quote(block.text, match.start(), match.group(), style))
                for block, match, (start, end) in sorted(marks, key=lambda m: m[2])
                if _quote_style(match.group()) != style]
    if minority:
        majority = curly if style == "curly" else straight
        yield _inconsistency(minority, style, majority, "quotation mark", context.options["style"] != "auto")


def _replacement_quote(text: str, index: int, char: str, style: str) -> str:
    if style == "straight":
        return "'" if char in "‘’" else '"'
    single = char == "'"
    if _is_opening(text, index):
        return "‘" if single else "“"
    return "’" if single else "”"


def _is_opening(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


@check("typography.double-space")
def double_space(doc: Document, context: RuleContext) -> Iterator[Hit]:
    prose = _prose(doc)
    if not prose.holds("  ") and not prose.holds("\u00a0"):
        return  # no run of spaces in the prose (the common case), found without the regex engine
    for _, match, (start, end) in _occurrences(doc, _EXTRA_SPACES):
        # A no-break space in the run was put there on purpose: keep that one.
        space = "\u00a0" if "\u00a0" in match.group() else " "
        yield Hit(start, end, f"{len(match.group())} spaces between words; use one", space,
                  fixes=_replace(start, end, space, "Use one space"))


def _starts_with_figure(text: str, index: int) -> bool:
    """A digit at ``index``, perhaps after a currency sign ("$999")."""
    if text[index:index + 1] in tuple(_CURRENCY):
        index += 1
    return text[index:index + 1].isdigit()


LABEL_MAX_WORDS = 16  # a name-and-role label is a short line


def _label_separator(doc: Document, context: RuleContext, block: Block) -> tuple[int, int] | None:
    """The separator of a name-and-role label ("Cordelia Yu - Content Designer"), in block offsets."""
    if block.word_count > LABEL_MAX_WORDS:
        return None
    from copydesk.families.headline.casing import analysis
    from copydesk.families.headline.labels import name_and_role

    stripped = len(block.text) - len(block.text.lstrip())
    label = name_and_role(block.text, analysis(doc, context).evidence)
    return (label.separator[0] + stripped, label.separator[1] + stripped) if label else None


_TERM_MAX_WORDS = 6


def _list_term_separators(block: Block) -> set[tuple[int, int]]:
    """Spaced hyphens that set a list item's leading terms off from its description
    ("14:54 - How HTTPS helps", "Mirage - OASIS market research tool", "Demo - Sprint 3 -
    First wireframes"): a list convention a house may keep, not a dash inside a sentence.

    A term is short, has no verb or pronoun of a clause and no sentence end, so
    "- We shipped it - and then it broke" keeps its finding.
    """
    if block.container != "list":
        return set()
    from copydesk.families.headline.labels import is_sentence_word

    separators: set[tuple[int, int]] = set()
    term_start = 0
    for match in _SPACED_HYPHEN.finditer(block.text):
        words = block.text[term_start:match.start()].split()
        if not 0 < len(words) <= _TERM_MAX_WORDS or any(is_sentence_word(word) for word in words):
            break
        if any(word.endswith((".", "?", "!", ";")) for word in words):
            break
        separators.add(match.span())
        term_start = match.end()
    return separators


@check("typography.hyphen-as-dash")
def hyphen_as_dash(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """One finding per article: an article that sets its dashes as hyphens does so
    as a habit (a quote wall's " - Name" attributions, a typed " -- "), one
    decision for the editor, with the other places as related locations and one
    fix for them all."""
    # (The typographic marks are none of them ASCII: an ASCII text is not searched.)
    uses_typography = any(not block.text.isascii() and _TYPOGRAPHIC.search(block.text) for block in _prose_blocks(doc))
    if not uses_typography and not context.options["check-ascii-documents"]:
        return
    hyphens = _unsuppressed(doc, context, list(_occurrences(doc, _SPACED_HYPHEN, needle="-")))
    dashes = [(block, match, span) for block, match, span in hyphens if _used_as_dash(doc, context, block, match)]
    if not dashes:
        return
    dash = DASHES[context.options["dash"]]
    _, first, (start, end) = dashes[0]
    what = "A spaced hyphen" if first.group().strip() == "-" else "A double hyphen"
    message = f"{what} used as a dash; use {dash.strip()}"
    if len(dashes) > 1:
        message += f" (the article sets {len(dashes)} dashes as hyphens; the fix changes all {len(dashes)})"
    edits = tuple(Edit(s, e, dash) for _, _, (s, e) in dashes)
    related = tuple(Location(s, e, f"Hyphen used as a dash; use {dash.strip()}") for _, _, (s, e) in dashes[1:])
    # Unsafe: a hyphen between two figures-with-units ("Rs 5 - Rs 10") is a range, which takes an en dash.
    fix = Fix(f"Use a dash: {dash.strip()}", edits, Applicability.UNSAFE)
    yield Hit(start, end, message, dash, fixes=(fix,), related=related)


def _used_as_dash(doc: Document, context: RuleContext, block: Block, match: re.Match) -> bool:
    text = block.text
    if text[match.start() - 1].isdigit() and _starts_with_figure(text, match.end()):
        return False  # "5 - 3", "$500 - $999": a score, a sum or a range, not a dash
    if _label_separator(doc, context, block) == match.span() or match.span() in _list_term_separators(block):
        return False  # "Name - role", "Term - description": a label's separator is a house choice
    return True


def _following_block_opens_quote(doc: Document, block: Block) -> bool:
    blocks = doc.blocks
    index = blocks.index(block)
    following = blocks[index + 1].text.lstrip() if index + 1 < len(blocks) else ""
    return following.startswith(('"', "“"))


def _unbalanced_quote(text: str, quotes: re.Pattern) -> tuple[int, str] | None:
    """A double quotation mark without a partner, as (index, how), or None.

    ``how`` is "closed" (closed, never opened), "open" (opened and not closed
    before another quotation of its style opens or an outer one closes) or
    "open at end" (still open when the paragraph ends).

    Quotations nest: a straight pair inside a curly one ("… (\"Hey, all\") …"),
    or inside a straight one, is balanced. A quotation that runs over several paragraphs reopens each one
    without closing the last; merged paragraphs show that as a new opening
    quote of the same style after a sentence's end, which is not an error either.
    """
    open_quotes: list[tuple[str, int]] = []  # (style, index), innermost last
    for match in quotes.finditer(text):
        index, char = match.start(), match.group()
        style = "straight" if char == '"' else "curly"
        if char == "“" or (char == '"' and _is_opening(text, index)):
            if open_quotes and open_quotes[-1][0] == style and _SENTENCE_END_BEFORE.search(text[max(0, index - 64):index]):
                open_quotes.pop()  # a quotation reopened in a new paragraph, the last one left open
            open_quotes.append((style, index))  # else a quotation inside a quotation, even of the same style
        elif not open_quotes:
            return index, "closed"
        elif open_quotes[-1][0] == style or all(open_style != style for open_style, _ in open_quotes):
            # A curly quotation closed straight is a mixed-quotes finding, not an imbalance.
            open_quotes.pop()
        else:
            return open_quotes[-1][1], "open"  # an inner quotation left open before the outer one closes
    return (open_quotes[-1][1], "open at end") if open_quotes else None


@check("typography.unbalanced-quotes")
def unbalanced_quotes(doc: Document, context: RuleContext) -> Iterator[Hit]:
    quotes = _DOUBLE_QUOTE.in_prose(doc)
    if quotes is None:
        return
    for block in _prose_blocks(doc):
        unpaired = _unbalanced_quote(block.text, quotes)
        if unpaired is None:
            continue
        index, how = unpaired
        if how == "open at end" and _following_block_opens_quote(doc, block):
            continue  # a quotation running on into the next paragraph
        if how == "closed":
            message = "Quotation mark closed but never opened in this paragraph"
        else:
            message = "Quotation mark opened but not closed in this paragraph"
        span = _verbatim(doc, block, index, index + 1)
        if span:
            yield Hit(*span, message)


def _unbalanced_bracket(text: str) -> tuple[int, str] | None:
    stack: list[int] = []
    for bracket in _BRACKET.finditer(text):  # only the brackets: most paragraphs have none
        index, char = bracket.start(), bracket.group()
        if char in BRACKETS:
            stack.append(index)
        elif char in CLOSERS:
            if stack and text[stack[-1]] == CLOSERS[char]:
                stack.pop()
            elif _ENUMERATOR.search(text, 0, index) or _SMILEY.search(text, 0, index):
                continue
            else:
                return index, f"Closing {char} without a matching {CLOSERS[char]}"
    if stack:
        index = stack[-1]
        return index, f"{text[index]} opened but not closed in this paragraph"
    return None


@check("typography.unbalanced-brackets")
def unbalanced_brackets(doc: Document, context: RuleContext) -> Iterator[Hit]:
    prose = _prose(doc)
    held = [bracket for bracket in "()[]{}" if prose.holds(bracket)]
    if not held:
        return  # most articles: no bracket anywhere, found without the regex engine
    for block in prose.blocks:
        found = _unbalanced_bracket(block.text) if any(bracket in block.text for bracket in held) else None
        if found:
            index, message = found
            span = _verbatim(doc, block, index, index + 1)
            if span:
                yield Hit(*span, message)
