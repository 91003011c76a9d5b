"""The case-style tables shared by the headline rules (documented in
rules/headline/case-style.yaml)."""

from __future__ import annotations

STYLES = ("sentence", "ap-title", "chicago-title", "start")
STYLE_NAMES = {
    "sentence": "sentence case",
    "ap-title": "AP title case",
    "chicago-title": "Chicago title case",
    "start": "start case",
}
# When a headline fits several styles equally well, auto takes the first of these.
AUTO_PREFERENCE = ("ap-title", "sentence", "chicago-title", "start")

ARTICLES = {"a", "an", "the"}
# AP lower-cases articles, conjunctions and prepositions of three letters or fewer.
AP_MINOR = ARTICLES | {"and", "as", "but", "for", "if", "nor", "or", "so", "yet", "at", "by", "in", "of", "off",
                       "on", "per", "to", "up", "via", "vs", "v"}
# Chicago lower-cases prepositions of any length as well.
CHICAGO_PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before", "behind",
    "below", "beneath", "beside", "besides", "between", "beyond", "despite", "down", "during", "except", "from",
    "inside", "into", "like", "near", "onto", "outside", "over", "past", "since", "through", "throughout",
    "toward", "towards", "under", "underneath", "until", "upon", "with", "within", "without", "versus",
}
# Chicago lower-cases participles used as prepositions ("Notes regarding Apple"),
# but the same words are often verbs ("Regarding Henry"): either case passes.
PARTICIPIAL_PREPOSITIONS = {"according", "concerning", "regarding", "following", "including", "excluding",
                            "considering", "pending", "barring", "respecting", "touching", "given"}
# Small words that are often adverbs ("Not Yet Available", "Look Up"): either case passes in title styles.
EITHER_CASE = {"yet", "so", "up", "off", "down", "out"}
# Latin and other foreign phrases used as adjectives or adverbs keep lower case in
# titles by some houses and are capitalized by others: either passes, as a pair.
LATIN_PHRASES = {
    ("in", "vitro"), ("in", "vivo"), ("in", "situ"), ("in", "silico"), ("per", "capita"), ("per", "se"),
    ("per", "annum"), ("de", "facto"), ("de", "jure"), ("ad", "hoc"), ("ad", "infinitum"), ("et", "al"),
    ("vice", "versa"), ("a", "priori"), ("a", "posteriori"), ("pro", "bono"), ("pro", "rata"), ("bona", "fide"),
    ("status", "quo"), ("ex", "officio"), ("ex", "post"), ("ex", "ante"), ("inter", "alia"), ("mea", "culpa"),
}
# Chicago keeps the part after these prefixes (and after a single letter) lower
# case in a hyphenated compound: "Anti-intellectual", "E-flat"; AP capitalizes it.
PREFIXES = {"anti", "pre", "post", "non", "re", "co", "un", "sub", "semi", "multi", "pro", "inter", "intra",
            "mid", "over", "under", "counter", "extra", "hyper", "micro", "macro", "mini", "neo", "pseudo",
            "quasi", "ultra", "infra", "trans", "bi", "tri", "de", "ex", "e"}
# Suffixes joined by a hyphen ("Black-ish") stay lower case.
SUFFIXES = {"ish", "esque"}
# Abbreviations whose full stop ends no sentence.
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "v", "gov", "sen",
                 "rep", "gen", "col", "lt", "sgt", "capt", "prof", "no", "vol", "ft", "mt", "ave", "dept", "est",
                 "approx", "etc", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                 "nov", "dec", "rev", "fr", "messrs", "mme", "plc", "bros", "univ"}
# Words that never join a neighbouring name ("Putin Says", "Anna Is"): function
# words and the commonest verbs of headlines.
FUNCTION_WORDS = AP_MINOR | CHICAGO_PREPOSITIONS | {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "must", "shall", "should", "do", "does", "did", "not", "no", "it", "its", "he", "she", "we",
    "they", "you", "i", "his", "her", "him", "them", "their", "our", "my", "your", "this", "that", "these",
    "those", "who", "what", "why", "how", "when", "where", "which", "than", "then", "says", "said", "say",
}
# Nouns that end the names of institutions, programmes and events: a run of
# capitalized words ending in one is a name ("Federal Election Commission").
INSTITUTION_NOUNS = {
    "academy", "act", "administration", "agency", "alliance", "association", "authority", "awards", "bank",
    "board", "bureau", "center", "centre", "championship", "championships", "church", "club", "college",
    "commission", "committee", "company", "conference", "congress", "corporation", "council", "court", "cup",
    "department", "document", "festival", "force", "forum", "foundation", "fund", "games", "group", "guard",
    "hospital", "initiative", "institute", "league", "ministry", "museum", "network", "office", "organisation",
    "organization", "orchestra", "parliament", "party", "practice", "prize", "program", "programme", "project",
    "school", "senate", "service", "services", "society", "summit", "system", "team", "tribunal", "trust",
    "union", "university",
}
