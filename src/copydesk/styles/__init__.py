"""House style as data: generic rule kinds read from YAML, and Vale's ``.vale.ini``.

``loader`` reads style folders and ``.vale.ini``; ``kinds`` holds the rule
kinds; ``engine`` runs them over a parsed document; ``dialect`` reads Vale's
regular expressions with Python's ``re``.
"""

from copydesk.styles.loader import StyleError, StyleSet, house_styles, read_vale_ini

__all__ = ["StyleError", "StyleSet", "house_styles", "read_vale_ini"]
