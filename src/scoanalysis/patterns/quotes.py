"""Patterns for quotations: quote marks, cue verbs, pronouns, source nouns, titles.

Everything here is compiled or frozen once at import; ``scoanalysis.quotes`` only reads it.
Words are listed lower case, without final periods.
"""

from __future__ import annotations

import re
import string

from .text import STOPWORDS

# --- quote marks -------------------------------------------------------------------------

#: Double marks that open a quotation (“ „ ‟ «).
DOUBLE_OPEN = frozenset("\u201c\u201e\u201f\u00ab")
#: Double marks that close a quotation (” »).
DOUBLE_CLOSE = frozenset("\u201d\u00bb")
#: Double marks whose direction depends on context (straight ", fullwidth ").
DOUBLE_EITHER = frozenset('"\uff02')
#: Single marks that open a quotation (‘ ‚ ‛).
SINGLE_OPEN = frozenset("\u2018\u201a\u201b")
#: Single marks that close a quotation or write an apostrophe (’).
SINGLE_CLOSE = frozenset("\u2019")
#: The straight single mark: apostrophe, opening or closing by context.
SINGLE_EITHER = frozenset("'")

DOUBLE_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_EITHER
SINGLE_MARKS = SINGLE_OPEN | SINGLE_CLOSE | SINGLE_EITHER

#: Any character that may be a quotation mark.
QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(DOUBLE_MARKS | SINGLE_MARKS))) + "]")

#: Characters after which a mark opens a quotation (besides start of text and white space).
OPENING_CONTEXT = frozenset("([{/-\u2013\u2014:") | DOUBLE_MARKS | SINGLE_MARKS
#: Characters before which a mark closes a quotation (besides end of text and white space).
CLOSING_CONTEXT = frozenset(".,;:!?)]}-\u2013\u2014\u2026") | DOUBLE_MARKS | SINGLE_MARKS

#: Stands in for a quotation (marks and text) when the reporter's words around it are read.
MASK = "\ue000"

#: Characters that may sit between a closing mark and its attribution (", " "— ").
ATTRIBUTION_GLUE = " \t,.;:!?\u2013\u2014-" + MASK

# --- tokens ------------------------------------------------------------------------------

#: A word (letters, inner apostrophes and hyphens), a number, a masked quotation, or one
#: other character.
TOKEN = re.compile(r"[^\W\d_](?:[\w\u2019'\-]*\w)?|\d(?:[\d.,]*\d)?|\ue000+|\S")

#: A possessive ending: Russia’s, Putin's, leaders’ (the last written as word + mark).
POSSESSIVE = re.compile(r"[\u2019']s$", re.IGNORECASE)

# --- cue verbs -----------------------------------------------------------------------------

#: Reporting verbs, every form that introduces speech. Base forms are left out where they
#: are mostly something else ("to add a route", "to note", "the state"), except "say".
SPEECH_VERBS = frozenset(
    """
    say says said saying
    tells told telling
    adds added adding
    warns warned warning
    notes noted noting
    argues argued arguing
    declares declared declaring
    trumpets trumpeted trumpeting
    stresses stressed stressing
    insists insisted insisting
    explains explained explaining
    claims claimed claiming
    stated stating
    announces announced announcing
    asserts asserted asserting
    acknowledges acknowledged acknowledging
    admits admitted admitting
    urges urged urging
    asks asked asking
    writes wrote writing
    tweets tweeted tweeting
    commented commenting
    remarked remarking
    replies replied replying
    responded responding
    suggests suggested suggesting
    predicts predicted predicting
    pledges pledged pledging
    vows vowed vowing
    affirms affirmed affirming
    emphasizes emphasized emphasizing emphasises emphasised emphasising
    underlined underlining underscored underscoring
    reiterates reiterated reiterating
    recalls recalled recalling
    complains complained complaining
    laments lamented lamenting
    boasts boasted boasting
    quipped joked
    concludes concluded concluding
    continued
    agreed
    contends contended contending
    observes observed observing
    reported
    describes described describing
    believes believed
    mentions mentioned mentioning
    demands demanded demanding
    proclaims proclaimed proclaiming
    concedes conceded conceding
    cautions cautioned cautioning
    confirms confirmed confirming
    exclaimed shouted
    """.split()
)

#: Verbs that name a term rather than report speech ("what it terms “splittism”"). They
#: attribute the term only after ``what``/``as`` and a subject: "a group called “X”" does not.
NAMING_VERBS = frozenset("terms termed calls called dubs dubbed labels labelled labeled brands branded".split())

_WORD = r"[\w\u2019'\-]+"
#: A cue: reporting verb, phrasal reporting verb, "according to", or naming verb.
CUE = re.compile(
    rf"""\b(?:
        (?P<according>according\s+to|in\s+the\s+words\s+of)
      | (?P<call>call(?:s|ed|ing))(?:\s+{_WORD}){{0,3}}?\s+(?P<call_p>for|on)
      | (?P<refer>refer(?:s|red|ring))\s+(?P<refer_p>to)
      | (?P<point>point(?:s|ed|ing))\s+(?P<point_p>out)
      | (?P<verb>{"|".join(sorted(SPEECH_VERBS, key=len, reverse=True))})
      | (?P<naming>{"|".join(sorted(NAMING_VERBS, key=len, reverse=True))})
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)

#: Folds case the way CUE's IGNORECASE does for its literals (all lower-case ASCII), one
#: character for one: ASCII capitals, and the four non-ASCII letters that Python's case-blind
#: matching takes for an ASCII letter (U+0130 and U+0131 for i, U+017F for s, U+212A for k).
_CASE_FOLD = str.maketrans({
    **dict(zip(string.ascii_uppercase, string.ascii_lowercase)),
    "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k",
})
#: CUE without IGNORECASE, for a text folded with _CASE_FOLD: its classes (\w, \s, \u2019, ', -)
#: have no case, so it matches there exactly where CUE matches in the text itself.
_CUE_FOLDED = re.compile(CUE.pattern, re.VERBOSE)


def find_cues(text: str):
    """Return the matches of CUE in `text`, found in a case-folded copy of the same length.

    The offsets are those of CUE's matches in `text`; read what a group holds from `text`
    by its span (the copy's letters are folded).
    """
    return _CUE_FOLDED.finditer(text.translate(_CASE_FOLD))


#: Past forms that, after a form of "be", are passive ("will be declared"): not a cue.
IRREGULAR_PAST = frozenset("said told wrote thought".split())
BE_FORMS = frozenset("be been being is was were are am".split())

#: Words that may stand between a speaker and the cue ("Putin has repeatedly said").
SKIP_BEFORE_CUE = frozenset(
    """
    has have had also later recently publicly reportedly repeatedly then again earlier previously
    once further already still often would will could did does do is was were been be not never
    only just even separately privately openly explicitly bluntly flatly simply strongly firmly
    frequently may might must should can last week yesterday today separately
    """.split()
)

# --- speakers ---------------------------------------------------------------------------------

#: Subject pronouns and their gender (``''`` when it has none or is unknown).
PRONOUNS = {"he": "m", "she": "f", "it": "", "they": "", "we": "", "i": ""}
#: Pronouns that point back to the person being quoted when used inside a quotation.
FIRST_PERSON = frozenset({"i", "we"})
#: Pronouns resolved to a person (with gender agreement).
PERSONAL_PRONOUNS = frozenset({"he", "she"})
#: Pronouns resolved to the subject of their clause (a state, an organisation).
NONPERSONAL_PRONOUNS = frozenset({"it"})

#: Words that open a noun phrase and end it to the left.
DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your one another every each no some any "
    "several many two three four five".split()
)

#: Head nouns of a phrase naming an unnamed source, a role, an institution or a document.
SOURCE_HEADS = frozenset(
    """
    official officials source sources diplomat diplomats spokesperson spokespersons spokesman spokesmen
    spokeswoman spokeswomen spokespeople analyst analysts expert experts observer observers commentator
    commentators aide aides adviser advisers advisor advisors envoy envoys ambassador ambassadors minister
    ministers ministry ministries government governments leader leaders president premier chancellor
    secretary chief head director chairman chairwoman chair representative representatives delegate
    delegates negotiator negotiators lawmaker lawmakers senator senators parliamentarian parliamentarians
    officer officers commander commanders general researcher researchers scholar scholars professor
    professors fellow economist economists academic academics historian historians critic critics
    resident residents witness witnesses people person statement statements declaration communique
    communiqué document documents report reports media newspaper newspapers paper daily tabloid outlet
    outlets agency agencies broadcaster channel television tv editorial website embassy office kremlin
    side organization organisation group bloc alliance host hosts council committee commission
    """.split()
)

#: Nouns that hold someone else's words: "the headline of one report" quotes "one report".
CONTAINER_HEADS = frozenset("headline headlines title banner caption words text slogan".split())

#: Words standing for a speaker named just before ("declared another").
ELLIPTIC = frozenset({"another", "one"})

#: Prepositions that attach a source to a noun phrase ("a source from India’s ... Ministry").
NP_PREPOSITIONS = frozenset("from at of for with in".split())

#: Personal and official titles stripped from names ("Chinese President Xi Jinping" → "Xi Jinping").
TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor president vice prime minister secretary secretary-general
    general gen premier chancellor king queen prince princess emir sheikh crown ambassador senator sen
    rep representative governor gov mayor chairman chairwoman chair leader spokesman spokeswoman director
    deputy acting interim former sir lord lady pope ayatollah sultan colonel col lt lieutenant major maj
    captain capt admiral adm commander marshal minister-president foreign defence defense interior
    """.split()
)
#: Abbreviated titles written with a period that belongs to the token ("Ms.").
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr prof gen sen rep gov col lt maj capt adm st".split())
#: Titles that tell a person's gender.
GENDER_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "king": "m", "queen": "f"}

#: Lower-case particles inside personal names ("Osama bin Laden", "Ursula von der Leyen").
NAME_PARTICLES = frozenset("bin ibn al el de da di du van von der la le dos".split())

#: Words that make a capitalised sequence a place, institution or thing, not a person.
NON_PERSON_WORDS = frozenset(
    """
    organization organisation council center centre institute institution university college ministry
    department press union states state republic kingdom nations asia asian korea east eastern west western
    north northern south southern central cooperation court forum summit agency news times post media bank
    fund party army sea ocean mountains dialogue security affairs war statute world global international
    national federation federal association committee commission company group parliament assembly
    congress senate house office service corporation government museum school academy foundation bureau
    station square street city region province island islands gulf bay river lake valley desert peninsula
    arabia new saudi hong sri united soviet european eurasian economic islamic pacific atlantic indo-pacific
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday images photo pool getty afp reuters
    """.split()
)

#: Words that may open a sentence with a capital without being a name ("Prior to the summit ...").
OPENERS = (
    STOPWORDS
    | frozenset(
        """
        prior following according including regarding concerning despite amid amidst given speaking
        meanwhile however instead yet finally also still earlier later last next thus therefore moreover
        furthermore nevertheless nonetheless indeed besides likewise similarly overall unlike like asked
        although though unless whereas upon toward towards across along around behind beyond inside
        outside near throughout via per beneath beside while when since because if as once after before
        """.split()
    )
) - frozenset(TITLE_ABBREVIATIONS | {"mr", "ms", "mrs"})

#: After a comma, words that open an appositive ("Harsh V. Pant, a professor ..., said").
APPOSITIVE_OPENERS = (
    DETERMINERS
    | SOURCE_HEADS
    | TITLES
    | frozenset("who which whose former senior emeritus nonresident non-resident deputy chief also now then".split())
)

#: A sentence-initial participle or gerund ("Speaking after the summit, ...") before these words.
PARTICIPLE_FOLLOWERS = frozenset(
    "to with after before on in at for from the a an his her its their that this by up out into about over "
    "of as".split()
)
