"""Front matter: YAML (``---``), TOML (``+++``) and JSON (``{ ... }``) at the top
of an article, read with real parsers (PyYAML, tomllib, json).

Front matter is never prose: the parser blanks it out (keeping every line
ending, so no line or column moves) before the body is read. Which fields hold
the headline, the publication date and the description is configurable
(:class:`FrontMatterFields`); a date in the file name (``2024-05-04-slug.md``)
stands in when the front matter has none.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath

from copydesk.document import Block, ProseBuilder

_DELIMITERS = {"---": "yaml", "+++": "toml"}
_YAML_CLOSERS = ("---", "...")
_FILE_NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[-_.T]|$)")


@dataclass(frozen=True)
class FrontMatterFields:
    """Field names tried in order for each role (the config's ``front-matter`` table)."""

    headline: tuple[str, ...] = ("title",)
    date: tuple[str, ...] = ("date",)
    # Every one of these that the article has is prose a reader sees (a teaser, a
    # search result's snippet) and is linted; the first is the description.
    description: tuple[str, ...] = ("description", "summary", "excerpt")


DEFAULT_FIELDS = FrontMatterFields()


@dataclass(frozen=True)
class FrontMatter:
    kind: str  # yaml, toml or json
    start: int  # offsets of the whole block, delimiters included
    end: int
    body_start: int  # offsets of the data between the delimiters
    body_end: int
    data: dict
    # YAML's composed document, whose marks place each value in the source (None for TOML and JSON).
    node: object = field(default=None, compare=False, repr=False)


def _line_end(source: str, start: int) -> tuple[int, int]:
    """(end of the line's content, start of the next line)."""
    newline = source.find("\n", start)
    if newline == -1:
        return len(source), len(source)
    content_end = newline - 1 if newline > start and source[newline - 1] == "\r" else newline
    return content_end, newline + 1


def find_front_matter(source: str) -> FrontMatter | None:
    """The front matter at the very top of ``source``, or None."""
    first_end, body_start = _line_end(source, 0)
    opener = source[:first_end].rstrip()
    if opener in _DELIMITERS:
        kind = _DELIMITERS[opener]
        closers = _YAML_CLOSERS if kind == "yaml" else ("+++",)
        position = body_start
        while position < len(source):
            content_end, next_start = _line_end(source, position)
            if source[position:content_end].rstrip() in closers:
                return FrontMatter(kind, 0, content_end, body_start, position,
                                   *_load(kind, source[body_start:position]))
            position = next_start
        return None
    if opener == "{":
        # JSON front matter (Hugo): ends at the first line that is a lone "}".
        position = body_start
        while position < len(source):
            content_end, next_start = _line_end(source, position)
            if source[position:content_end].rstrip() == "}":
                text = source[:content_end]
                try:
                    data = json.loads(text)
                except ValueError:
                    return None  # not JSON: leave the text to the Markdown parser
                return FrontMatter("json", 0, content_end, body_start, position,
                                   data if isinstance(data, dict) else {})
            position = next_start
    return None


def _load(kind: str, text: str) -> tuple[dict, object]:
    """The parsed data (a block that does not parse is still front matter, with no
    data) and, for YAML, the composed document the data was built from: the
    description fields are placed by its marks, so it is composed once."""
    node = None
    if kind == "yaml":
        import yaml  # here, not at the top: only an article with YAML front matter needs it

        try:
            node, data = _yaml_load(text)
        except (yaml.YAMLError, ValueError):
            return {}, None
    else:
        try:
            data = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, ValueError):
            return {}, None
    return ({str(key): value for key, value in data.items()} if isinstance(data, dict) else {}), node


def _yaml_load(text: str) -> tuple[object, object]:
    """``yaml.safe_load`` in its two steps, keeping the composed node: (node, data)."""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def blank(source: str, start: int, end: int) -> str:
    """``source`` with [start, end) replaced by spaces, line endings kept."""
    piece = re.sub(r"[^\r\n]", " ", source[start:end])
    return source[:start] + piece + source[end:]


def first_value(data: dict, names: tuple[str, ...]):
    for name in names:
        value = data.get(name)
        if value not in (None, ""):
            return name, value
    return None, None


def as_date(value) -> date | None:
    """A date from a front-matter value: TOML/YAML dates and datetimes, ISO strings."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def date_from_file_name(path: str) -> date | None:
    """The Jekyll/Eleventy/Hugo convention: ``2024-05-04-slug.md``."""
    match = _FILE_NAME_DATE.match(PurePath(path).name)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def metadata(front: FrontMatter | None, path: str, fields: FrontMatterFields) -> dict:
    """The document's metadata: every field, plus ``date``, ``headline`` and
    ``description`` read through the configured field names."""
    data = dict(front.data) if front else {}
    result = dict(data)
    _, value = first_value(data, fields.date)
    when = as_date(value) or date_from_file_name(path)
    result.pop("date", None)
    if when:
        result["date"] = when
    _, headline = first_value(data, fields.headline)
    if isinstance(headline, str):
        result["headline"] = headline.strip()
    _, description = first_value(data, fields.description)
    if isinstance(description, str):
        result["description"] = description.strip()
    return result


def _value_pattern(name: str) -> re.Pattern:
    # `title: x`, `title = "x"`, `"title": "x",` with the value on the same line.
    # Greedy to the line's end (linear); the trailing comma and blanks are cut in Python.
    return re.compile(rf"[ \t]*[\"']?{re.escape(name)}[\"']?[ \t]*[:=][ \t]*(?P<value>\S.*)")


def headline_block(source: str, front: FrontMatter, fields: FrontMatterFields) -> Block | None:
    """The headline field as a block, located exactly on its source line.

    The value's source text must read as the parsed value (plain, or quoted
    without escapes); otherwise no block is made, rather than a guessed position.
    """
    name, headline = first_value(front.data, fields.headline)
    if not isinstance(headline, str) or not headline.strip():
        return None
    found = _field_value(source, front, name)
    if found is None:
        return None
    start, end = found
    raw = source[start:end]
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        start, end = start + 1, end - 1
    if source[start:end].strip() != headline.strip():
        return None
    start += len(source[start:end]) - len(source[start:end].lstrip())
    builder = ProseBuilder()
    builder.add_source(source, start, start + len(headline.strip()))
    text, starts, ends = builder.build()
    return Block("headline", text, starts, ends, level=1)


def _field_value(source: str, front: FrontMatter, name: str) -> tuple[int, int] | None:
    """Where the value of field ``name`` stands on the field's own line (quotes
    kept, a trailing comma and blanks cut), or None."""
    pattern = _value_pattern(name)
    position = front.body_start
    while position < front.body_end:
        content_end, next_start = _line_end(source, position)
        match = pattern.match(source, position, content_end)
        if match:
            start = match.start("value")
            return start, start + len(source[start:content_end].rstrip().removesuffix(",").rstrip())
        position = next_start
    return None


FRONT_MATTER_CONTAINER = "front-matter"


def description_blocks(source: str, front: FrontMatter, fields: FrontMatterFields) -> list[Block]:
    """Each description field (``description``, ``summary``, ``excerpt``...) as a
    paragraph, at exact positions: YAML from the composed node's marks, TOML and
    JSON from a value on the field's own line. A value whose source does not
    read character for character as the parsed text (escapes, block scalars,
    blank lines in a folded scalar) is skipped, never guessed."""
    wanted = [name for name in dict.fromkeys(fields.description)
              if isinstance(front.data.get(name), str) and front.data[name].strip()]
    if not wanted:
        return []
    if front.kind == "yaml":
        spans = _yaml_scalars(source, front, wanted)
    else:
        spans = {name: _one_line_value(source, front, name, front.data[name]) for name in wanted}
    blocks = []
    for name in wanted:
        built = spans.get(name)
        if built is None:
            continue
        text, starts, ends = built
        if text != front.data[name]:
            continue  # the source does not read as the value: no guessed positions
        first, last = len(text) - len(text.lstrip()), len(text.rstrip())
        blocks.append(Block("paragraph", text[first:last], starts[first:last], ends[first:last],
                            container=FRONT_MATTER_CONTAINER))
    return blocks


def _yaml_scalars(source: str, front: FrontMatter, names: list[str]) -> dict:
    """The top-level plain or quoted scalars named, each mapped to its source."""
    import yaml  # only an article with YAML front matter and a description field needs it

    root = front.node
    if not isinstance(root, yaml.MappingNode):
        return {}
    found = {}
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value in names and isinstance(value, yaml.ScalarNode):
            start = front.body_start + value.start_mark.index
            end = front.body_start + value.end_mark.index
            found[key.value] = _flow_scalar(source, start, end, value.style)
    return found


def _flow_scalar(source: str, start: int, end: int, style: str | None):
    """A flow scalar's text and source map: quotes off, each line break (and the
    blanks around it) read as one space, ``''`` as one quote in single quotes.
    None for block scalars, escapes and blank lines, whose map would not be exact."""
    if style in ("|", ">"):
        return None
    if style in ("'", '"'):
        start, end = start + 1, end - 1
        if style == '"' and "\\" in source[start:end]:
            return None
    builder = ProseBuilder()
    lines = source[start:end].split("\n")
    position = start
    previous_end = None
    for index, line in enumerate(lines):
        content = line.rstrip(" \t\r") if index < len(lines) - 1 else line
        lead = len(content) - len(content.lstrip(" \t")) if index else 0
        if index and not content.strip():
            return None  # a blank line folds to a line break, not a space
        if previous_end is not None:
            builder.add_synthetic(" ", previous_end, position + lead)
        _add_quoted(builder, source, position + lead, position + len(content), style == "'")
        previous_end = position + len(content)
        position += len(line) + 1
    return builder.build()


def _add_quoted(builder: ProseBuilder, source: str, start: int, end: int, single: bool) -> None:
    if not single:
        builder.add_source(source, start, end)
        return
    position = start
    while (quote := source.find("''", position, end)) != -1:
        builder.add_source(source, position, quote)
        builder.add_synthetic("'", quote, quote + 2)
        position = quote + 2
    builder.add_source(source, position, end)


def _one_line_value(source: str, front: FrontMatter, name: str, value: str):
    """A TOML or JSON string on its field's own line: ``name = "text"``,
    ``"name": "text",``; quotes off, no escapes."""
    found = _field_value(source, front, name)
    if found is None:
        return None
    start, end = found
    raw = source[start:end]
    if len(raw) < 2 or raw[0] != raw[-1] or raw[0] not in "\"'" or "\\" in raw:
        return None
    builder = ProseBuilder()
    builder.add_source(source, start + 1, end - 1)
    return builder.build()
