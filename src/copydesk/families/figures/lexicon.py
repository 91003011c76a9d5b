"""The words the figures reading knows: change verbs and nouns with their direction, hedges, fractions,
multipliers, relation words and attribution. Data, kept apart from the reader that uses it."""

from __future__ import annotations

# Verbs of change by direction; every inflection is generated (rose/risen are listed as irregulars).
UP_VERBS = ("rise", "increase", "grow", "climb", "jump", "surge", "soar", "gain", "rocket", "leap", "rally",
            "advance", "boost", "raise", "lift", "swell", "spike", "widen", "expand", "accelerate", "double",
            "treble", "triple", "quadruple")
DOWN_VERBS = ("fall", "decrease", "drop", "decline", "slip", "slide", "slump", "plunge", "shrink", "dip",
              "tumble", "sink", "lose", "cut", "reduce", "lower", "shed", "narrow", "contract", "ease", "halve",
              "plummet", "crash", "retreat", "sag", "collapse")
IRREGULAR = {"rose": "rise", "risen": "rise", "rising": "rise", "grew": "grow", "grown": "grow", "fell": "fall",
             "fallen": "fall", "slid": "slide", "sliding": "slide", "shrank": "shrink", "shrunk": "shrink",
             "sank": "sink", "sunk": "sink", "lost": "lose", "losing": "lose", "leapt": "leap", "cutting": "cut",
             "slipped": "slip", "slipping": "slip", "dropped": "drop", "dropping": "drop", "dipped": "dip",
             "dipping": "dip", "growth": "grow", "reduction": "reduce", "expansion": "expand", "contraction":
             "contract", "loss": "lose", "upturn": "rise", "downturn": "fall", "ran": "run"}
# Change words read as direction adverbs: "up 6% from", "down 3%".
DIRECTION_ADVERBS = {"up": 1, "down": -1, "higher": 1, "lower": -1}
# Nouns that carry a stated change after "of" or before the word: "an increase of 8%", "a 30% rise".
CHANGE_NOUNS = {"rise", "increase", "growth", "gain", "jump", "surge", "hike", "fall", "drop", "decrease",
                "decline", "cut", "reduction", "loss", "dip", "slump", "slide", "contraction", "expansion",
                "uplift", "boost"}

MULTIPLIER_WORDS = {"double": 2.0, "treble": 3.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "fifth": 0.2, "tenth": 0.1, "two-thirds": 2 / 3,
             "three-quarters": 0.75, "two-fifths": 0.4, "three-fifths": 0.6}
# "20% higher", "a third cheaper": comparatives that state a change with the figure before them.
COMPARATIVE_DIRECTIONS = {"higher": 1, "more": 1, "bigger": 1, "larger": 1, "greater": 1, "dearer": 1,
                          "lower": -1, "less": -1, "fewer": -1, "smaller": -1, "cheaper": -1}
COMPARATIVES = {"faster", "higher", "more", "larger", "bigger", "greater", "longer", "heavier", "stronger",
                "quicker", "as"}

# Hedges, longest first. "low": the figure may be below what is said ("almost 20%"); "high": above it
# ("more than 60%"); "near": either way ("about").
HEDGES = {
    "more than": "high", "greater than": "high", "at least": "high", "upwards of": "high", "over": "high",
    "above": "high", "just over": "high", "in excess of": "high",
    "less than": "low", "fewer than": "low", "under": "low", "just under": "low", "almost": "low",
    "nearly": "low", "close to": "low", "up to": "low", "as much as": "low", "as many as": "low", "below": "low",
    "about": "near", "around": "near", "roughly": "near", "approximately": "near", "some": "near",
    "an estimated": "near", "estimated": "near", "circa": "near", "c.": "near", "approx": "near",
    "almost exactly": "near", "broadly": "near", "something like": "near",
}
HEDGE_WORDS = {word for hedge in HEDGES for word in hedge.split()}  # "more", "than", "about"...


ATTRIBUTION_WORDS = {
    "said", "says", "say", "told", "tells", "according", "reported", "reports", "estimated", "estimate",
    "estimates", "warned", "warns", "expects", "expected", "forecast", "forecasts", "predicted", "predicts",
    "survey", "study", "research", "statistics", "source", "sources", "claimed", "claims", "announced",
    "confirmed", "stated", "wrote", "published", "showed", "shows", "found"}
ATTRIBUTION_PAIRS = {("figures", "from"), ("data", "from")}
SAYING_VERBS = {"said", "say", "says", "think", "thought", "believe", "believed", "agree", "agreed", "want",
                "wanted", "support", "supported", "oppose", "opposed", "felt", "feel", "expect", "expected",
                "reported", "backed", "favour", "favoured", "prefer", "preferred", "would", "had", "have", "use",
                "used", "own", "owned", "did", "do", "could", "can"}

LATER_WORDS = {"later": 1, "after": 1, "afterwards": 1, "on": 1, "earlier": -1, "before": -1, "previously": -1}


def _inflections(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + "d"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return forms


def _change_words() -> dict[str, tuple[str, int]]:
    words: dict[str, tuple[str, int]] = {}
    for direction, verbs in ((1, UP_VERBS), (-1, DOWN_VERBS)):
        for verb in verbs:
            for form in _inflections(verb):
                words[form] = (verb, direction)
    for form, verb in IRREGULAR.items():
        if verb in UP_VERBS or verb in DOWN_VERBS:
            words[form] = (verb, 1 if verb in UP_VERBS else -1)
    for noun in CHANGE_NOUNS:
        if noun not in words:
            words[noun] = (noun, 1 if noun in ("hike", "uplift", "surge", "gain", "jump", "growth") else -1)
    return words


CHANGE_WORDS = _change_words()

# Nouns that count one thing in a headline and its story: "300 jobs" and "250 posts".
SAME_THING = (
    {"job", "post", "role", "position", "redundancy"},
    {"people", "person", "resident", "individual"},
    {"home", "house", "property", "dwelling"},
    {"death", "fatality", "dead"},
    {"car", "vehicle"},
    {"pupil", "student", "child"},
    {"worker", "employee", "staff"},
)
# Words that tell of a figure that changed over time, so two values are not a contradiction.
CHANGED_OVER_TIME = {"initially", "originally", "previously", "now", "revised", "earlier", "later", "up", "down",
                     "from", "was", "estimated", "expected", "forecast", "budgeted", "overran", "rise", "rose",
                     "increased", "grew", "fell", "cut", "extra", "additional", "another", "first", "second",
                     "phase", "each", "per", "other", "new", "rival", "total"}
COST_VERBS = {"cost", "costs", "costing", "worth", "valued", "priced"}
