"""figures.*: the arithmetic, consistency, dates and sourcing of numbers.

Each sentence is read once (``reading``: tokens with quantities, dates, hedges), its changes and
relations once (``changes``, ``shares``, ``years``), and each rule in its own module is a pattern over
that reading, with its tolerance in its YAML. The registry imports this package, which imports every rule.
"""

from copydesk.families.figures import (  # noqa: F401  (each module registers its rule)
    age_mismatch, date_style, impossible_date, inconsistent_figure, more_than_over, multiplier, number_format,
    numeral_style, parts_exceed_total, percent_change, percentage_points, reference_bound, relative_date,
    share_of_total, shares_sum, unsourced_claim, unsourced_superlative, weekday_mismatch, year_arithmetic,
)
