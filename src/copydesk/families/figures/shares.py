"""Shares of one whole across a paragraph: "Labour polled 41% of the vote, the Conservatives 33%, ...";
"Health takes 38% of the budget. Schools take 35%"; "Of those who replied, 58% were women and 47% men".

A group starts at a share of something ("41% of the vote", or after "Of those who replied,") and goes
on through percentages that name another part in the same way: a noun phrase and a figure with no verb
of their own, the same verb again, or "N% were <group>". A change, a year, a hedge, a share of another
whole, or answers to questions ("72% said ...", which may overlap) end or void the group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from copydesk.families.figures.changes import changes_of
from copydesk.families.figures.common import Sentence
from copydesk.families.figures.lexicon import CHANGE_WORDS, HEDGES, SAYING_VERBS

_NOT_A_PART_BEFORE = {"was", "is", "are", "were", "be", "been", "by", "to", "from", "at", "of", "about", "than",
                      "and", "or", "with", "on", "in", "for", "only", "just", "some", "had", "has", "have", "reached",
                      "hit", "stood", "remained", "stayed", "while", "but", "compared", "against", "whereas", "a",
                      "an", "nearly", "almost", "around", "over", "under", "below", "above", "it", "they", "this"}
_CATEGORY_VERBS = {"were", "are", "was", "is"}
_WHOLE_END = {",", ".", ";", "and", "or", "but", "who", "which", "that", "in", "on", "at", "for", "with", "to",
              "from", "said", "say", "says"}


@dataclass
class ShareGroup:
    whole: str
    members: list[tuple[Sentence, object]] = field(default_factory=list)  # (sentence, token)
    void: bool = False
    listed: bool = False  # no whole named ("Labour 41%, Conservatives 38%, ..."): one sentence, three or more

    @property
    def total(self) -> float:
        return sum(token.quantity.value for _, token in self.members)


def _whole_after(words: list[str]) -> str:
    """The whole named after "of": "the council's budget" -> "budget"."""
    whole = []
    for word in words[:5]:
        if word in _WHOLE_END or (word and not word[0].isalpha()):
            break
        whole.append(word)
    return whole[-1] if whole else ""


def _opening_whole(sentence: Sentence) -> str:
    """"Of those who replied, ..." or "Of the 1,200 staff, ...": a whole named first."""
    words = sentence.reading.words(0, 12)
    if words[:1] == ["of"] and "," in words:
        return " ".join(words[1:words.index(",")])
    return ""


def _changed(sentence: Sentence) -> set[int]:
    """Offsets of percentages that belong to a change, not to a share."""
    offsets = set()
    for change in changes_of(sentence):
        for quantity in (change.before, change.after):
            if quantity is not None:
                offsets.add(quantity.start)
        if change.stated is not None:
            offsets.add(change.stated.start)
    return offsets


def share_groups(paragraph: list[Sentence]) -> list[ShareGroup]:
    groups: list[ShareGroup] = []
    current: ShareGroup | None = None
    start_verb = ""
    for sentence in paragraph:
        if not any(q.kind == "percent" for q in sentence.quantities):
            current = None  # shares of one whole run in consecutive sentences
            continue
        reading, tokens = sentence.reading, sentence.reading.tokens
        changed = _changed(sentence)
        opening = _opening_whole(sentence)
        if opening:
            current, start_verb = ShareGroup(opening), ""
            groups.append(current)
        if any(t.quantity is not None and t.quantity.kind == "year" for t in tokens) and current is not None \
                and not opening:
            current = None  # another year, another whole
        if current is not None and current.listed:
            current = None
        for index, token in enumerate(tokens):
            quantity = token.quantity
            if quantity is None:
                if token.word in CHANGE_WORDS and current is not None and not opening:
                    current = None
                continue
            if quantity.kind != "percent":
                continue
            if quantity.value >= 100:
                current = None  # the whole itself ("bought 100% of KFB"), not a part of it
                continue
            after = reading.words(index + 1, index + 7)
            before = tokens[index - 1].word if index else ""
            hedge = HEDGES.get(reading.hedge(index), "")
            if quantity.start in changed:
                current = None
                continue
            if after[:1] == ["of"]:
                whole = _whole_after(after[1:])
                # A share of a named whole joins a group only in its own sentence: "owns 51.4% of KFB"
                # after "bought 100% of KFB" tells of another time or owner, not another part.
                if current is None or whole != current.whole or (current.members and current.members[-1][0] is not sentence):
                    current, start_verb = ShareGroup(whole), before
                    groups.append(current)
                if hedge in ("high", "low") or any(w in SAYING_VERBS for w in after[1:6]):
                    current.void = True
                current.members.append((sentence, token))
                continue
            if current is None:
                if before and before[0].isalpha() and before not in _NOT_A_PART_BEFORE and hedge == "":
                    current, start_verb = ShareGroup("", listed=True), ""
                    groups.append(current)
                    current.members.append((sentence, token))
                continue
            category = after[:1] and after[0] in _CATEGORY_VERBS and before in ("", ",", "and")
            said = any(w in SAYING_VERBS for w in after[:3])
            same_verb = before and start_verb and before.rstrip("s") == start_verb.rstrip("s")
            if said:
                current.void = True
            elif category or same_verb or (before and before[0].isalpha() and before not in _NOT_A_PART_BEFORE):
                if hedge in ("high", "low"):
                    current.void = True
                current.members.append((sentence, token))
            else:
                current = None
    return [g for g in groups if not g.void and len(g.members) >= (3 if g.listed else 2)]
