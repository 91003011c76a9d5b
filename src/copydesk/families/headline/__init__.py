"""headline.*: case style, consistency, length, punctuation, capitals,
clickbait and figures of headlines and subheads, one module per rule.

Case is judged word by word against a style table (tables.py); no share of
matching words lets a wrong one through. Acronyms, words with digits,
mixed-case words (iPhone), addresses (example.com, #tag) and names are left
alone; evidence.py decides what is a name.
"""

from copydesk.families.headline import (  # noqa: F401  (each module registers its rule)
    all_caps, case_style, clickbait, consistency, figure_mismatch, length, punctuation,
)
from copydesk.families.headline.casing import HeadlineStyle, Violation, corrected, expected_case, violations
from copydesk.families.headline.evidence import BodyWords, NameEvidence
from copydesk.families.headline.punctuation import comma_splice
from copydesk.families.headline.tokens import Word, words

__all__ = ["BodyWords", "HeadlineStyle", "NameEvidence", "Violation", "Word", "comma_splice", "corrected",
           "expected_case", "violations", "words"]
