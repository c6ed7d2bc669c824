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
#: Double marks whose direction depends on context (straight ", fullwidth ", and the double prime
#: ″ that scraped pages carry where an editor turned a closing " into an inch mark).
DOUBLE_EITHER = frozenset('"\uff02\u2033')
#: Single marks that open a quotation (‘ ‚ ‛).
SINGLE_OPEN = frozenset("\u2018\u201a\u201b")
#: Single marks that close a quotation or write an apostrophe (’).
SINGLE_CLOSE = frozenset("\u2019")
#: The straight single mark: apostrophe, opening or closing by context.
SINGLE_EITHER = frozenset("'")

DOUBLE_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_EITHER
SINGLE_MARKS = SINGLE_OPEN | SINGLE_CLOSE | SINGLE_EITHER

#: Two single marks written for one double mark (’’ '' ‘‘ ``), and what each stands for.
DOUBLED_SINGLES = {"\u2019\u2019": "\u201d", "''": '"', "\u2018\u2018": "\u201c", "``": "\u201c"}

#: Any character that may be a quotation mark, or a doubled single mark (matched first).
QUOTE_MARK = re.compile(
    "|".join(re.escape(d) for d in DOUBLED_SINGLES)
    + "|[" + re.escape("".join(sorted(DOUBLE_MARKS | SINGLE_MARKS))) + "]"
)

#: A paragraph that opens with a dash and no quotation mark: the dialogue dash of a quotation
#: whose attribution ends the paragraph ("- We are ready. ..., the minister said.").
DASH_OPENING = re.compile(r"^\s*(?P<dash>--?|[\u2012\u2013\u2014\u2015])\s+(?=[A-Z\u00c0-\u00de])")

#: Characters after which a mark opens a quotation (besides start of text and white space).
OPENING_CONTEXT = frozenset("([{/-\u2013\u2014:") | DOUBLE_MARKS | SINGLE_MARKS
#: Characters before which a mark closes a quotation (besides end of text and white space).
CLOSING_CONTEXT = frozenset(".,;:!?)]}-\u2013\u2014\u2026") | DOUBLE_MARKS | SINGLE_MARKS

#: Stands in for a quotation (marks and text) when the reporter's words around it are read.
MASK = "\ue000"

#: Dashes that put a speaker's name after a quotation ("“...” – Lukashenko").
DASHES = frozenset("-\u2013\u2014\u2015")

#: Characters between a closing mark and an inverted cue ("“...,” said X", "“...,” - said X").
INVERSION_GLUE = " \t,\u2013\u2014-"

#: A sentence end inside the reporter's words: ". Tokayev" (a period, then a capital).
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")

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
    promises promised promising
    proposes proposed proposing
    appeals appealed appealing
    criticises criticised criticising criticizes criticized criticizing
    condemns condemned condemning
    denounces denounced denouncing
    slams slammed slamming
    praises praised praising
    hails hailed hailing
    lauds lauded lauding
    accuses accused accusing
    blames blamed blaming
    thanked thanking
    expresses expressed expressing
    welcomes welcomed welcoming
    reaffirms reaffirmed reaffirming
    opposes opposed
    posted
    reads
    """.split()
)

_FINITE = "|".join(sorted((v for v in SPEECH_VERBS if not v.endswith("ing")), key=len, reverse=True))
#: The attribution that ends a dash-opened paragraph: ", the minister said." / ", said Lavrov."
#: Starts at the comma that closes the quotation; no comma or sentence end inside it.
DASH_ATTRIBUTION = re.compile(
    rf",\s+(?:[^,.;:!?\n]{{1,80}}?\s+)?(?:{_FINITE})\b[^,.;:!?\n]{{0,80}}[.!?]?\s*$",
    re.IGNORECASE,
)

#: Verbs that name a term rather than report speech ("what it terms “splittism”"). They
#: attribute the term only after ``what``/``as`` and a subject: "a group called “X”" does not.
NAMING_VERBS = frozenset("terms termed calls called dubs dubbed labels labelled labeled brands branded".split())

_WORD = r"[\w\u2019'\-]+"
#: Documents that "read" ("... ,” read the declaration").
_DOCUMENTS = frozenset("declaration statement communique communiqué document resolution text charter letter message".split())
#: A cue: reporting verb, phrasal reporting verb, "according to" / "heard from" (the source
#: follows), a quoting verb whose object is the speaker ("state media quoted Xi as saying"),
#: or naming verb.
CUE = re.compile(
    rf"""\b(?:
        (?P<according>according\s+to|in\s+the\s+words\s+of|heard\s+from|learned\s+from|learnt\s+from)
      | (?P<quoting>quot(?:ed|es|ing)|cit(?:ed|es|ing)|report(?:ed|s))
        (?=(?:\s+{_WORD}){{1,8}}?\s+as\s+(?:saying|telling|stating|writing|adding|warning|calling|describing)\b)
      | (?P<call>call(?:s|ed|ing))(?:\s+{_WORD}){{0,3}}?\s+(?P<call_p>for|on)
      | (?P<refer>refer(?:s|red|ring))\s+(?P<refer_p>to)
      | (?P<point>point(?:s|ed|ing))\s+(?P<point_p>out)
      | (?P<verb>{"|".join(sorted(SPEECH_VERBS, key=len, reverse=True))}
               |read(?=\s+(?:the|a|an|its)\s+(?:[\w\-]+\s+){{0,3}}?(?:{"|".join(sorted(_DOCUMENTS))})\b))
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
#: Object pronouns that name a speaker after "according to" ("according to him"), as subject pronouns.
OBJECT_PRONOUNS = {"him": "he", "her": "she"}
#: Pronouns that point back to the person being quoted when used inside a quotation.
FIRST_PERSON = frozenset({"i", "we"})
#: Pronouns resolved to a person (with gender agreement).
PERSONAL_PRONOUNS = frozenset({"he", "she"})
#: Pronouns resolved to the subject of their clause (a state, an organisation).
NONPERSONAL_PRONOUNS = frozenset({"it"})

#: Determiners of a phrase that names one known person by role ("the minister", "his spokesman").
DEFINITE = frozenset("the this that his her its their".split())

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
    delegation delegations service secretariat presidency administration mission
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

#: Adverbs that open a sentence before a comma ("Separately, Pezeshkian ..."); words ending in -ly count too.
SENTENCE_ADVERBS = frozenset(
    "elsewhere meanwhile separately earlier later instead indeed moreover besides overall today yesterday "
    "now then here there again first second third finally previously accordingly nonetheless nevertheless "
    "however still also thus hence otherwise likewise similarly alternatively additionally".split()
)

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

# --- what a quotation is when no one says it -------------------------------------------------

#: The words just before a quotation that make it a term, a name or a title rather than speech
#: ("what it terms “X”", "so-called “X”", "under the slogan “X”", "a summit titled “X”",
#: "a group called “X”", but not "he has called a “X”"). Matched against the reporter's text
#: ending at the opening mark.
TERM_BEFORE = re.compile(
    r"""(?:\bso-called
        | \bwhat\s+[\w\u2019'\-]+(?:\s+[\w\u2019'\-]+)?\s+
          (?:terms?|termed|calls?|called|dubs?|dubbed|labels?|labell?ed|brands?|branded|describes\s+as|described\s+as)
        | \b(?:slogan|motto|theme|term|word|phrase|banner|title|name|headline|hashtag|label|catchphrase|tagline
             |code-?name|nickname)s?(?:\s+of)?
        | \b(?:dubbed|named|titled|entitled|nicknamed|labell?ed|branded|code-?named|christened|known\s+as|billed\s+as|styled)
        | (?<!\bhas\s)(?<!\bhad\s)(?<!\bhave\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bthey\s)(?<!\bwe\s)(?<!\bit\s)\bcalled
    )\s*[,:]?\s*(?:the\s+|a\s+|an\s+)?$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Words before a quotation that make it a modifier of the noun after it ("an “all-weather”
#: partnership", "the “Central Asia plus” format", "a more “multipolar” world").
PREMODIFIER_BEFORE = frozenset(
    "a an the this that these those its his her their our my your every each another more most less "
    "so very new first second third".split()
)

#: Past and present verb forms that may follow a quoted noun phrase without being a noun ("the
#: “big club” grew"); a quotation before one of these is not a modifier.
NOT_NOUNS = frozenset(
    """
    grew grows met meets went goes came comes took takes made makes gave gives held holds left leaves began
    begins became becomes saw sees won wins lost loses rose rises fell falls sent sends kept keeps brought
    brings stood stands ran runs led leads got gets put puts set sets cut cuts hit hits let lets remains
    remained seems seemed looks looked appears appeared emerged emerges exists existed lies lay
    """.split()
)

#: The lower-case word right after a quotation's closing mark (the noun a quotation may modify).
NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z\-]*)\b")

#: Short words that stay lower case in a title ("House of Friendship", "Roads Across the Steppe").
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as vs nor but into".split())

#: Head nouns of a phrase that names an outlet or a publication (a headline quoted from one is no speech).
MEDIA_HEADS = frozenset(
    "report reports media newspaper newspapers paper papers daily dailies tabloid outlet outlets website "
    "broadcaster channel television tv editorial agency magazine weekly".split()
)

#: Head nouns of a document that speaks for those who adopted it.
DOCUMENT_HEADS = frozenset(
    "declaration declarations statement statements communique communiqué communiques document documents "
    "resolution resolutions charter treaty memorandum agreement accord".split()
)

#: Head nouns of a phrase naming one person by role ("the Kremlin official", "the head of the MEA").
PERSON_HEADS = frozenset(
    """
    official source diplomat spokesperson spokesman spokeswoman analyst expert observer commentator aide
    adviser advisor envoy ambassador minister leader president premier chancellor secretary chief head
    director chairman chairwoman chair representative delegate negotiator lawmaker senator officer
    commander general researcher scholar professor fellow economist academic historian speaker
    """.split()
)
#: Role heads too general to match a person's title by themselves ("the official" needs a modifier).
GENERIC_PERSON_HEADS = frozenset("official source head chief representative officer delegate expert analyst".split())
#: The titles a role word covers: "the diplomat" may be the foreign minister named before.
ROLE_COVERS = {
    "diplomat": frozenset("diplomat foreign ambassador envoy".split()),
    "official": frozenset("official aide adviser spokesman minister secretary director deputy".split()),
    "leader": frozenset("leader president premier chancellor king emir".split()),
    "president": frozenset({"president"}),
    "premier": frozenset({"premier"}),
    "minister": frozenset({"minister"}),
    "head_of_state": frozenset("president king emir sultan".split()),
    "head_of_government": frozenset("premier chancellor".split()),
    "source": frozenset(),
    "representative": frozenset(),
    "expert": frozenset(),
    "analyst": frozenset(),
}
#: What "the head of ..." may be the head of, as a role ("the head of state noted").
HEAD_OF_WHAT = frozenset({"state", "government"})
#: Role phrases of more than one word, and the role they stand for.
ROLE_PHRASES = {"head of state": "head_of_state", "head of government": "head_of_government",
                "prime minister": "premier"}
#: Role words written for one another in titles.
ROLE_SYNONYMS = {
    "spokesperson": "spokesman", "spokeswoman": "spokesman", "advisor": "adviser", "chairwoman": "chairman",
    "chair": "chairman", "pm": "premier", "prime": "premier",
}

#: Verbs and nouns of a stance in the reporter's words ("Lukashenko expressed ...", "Wang held
#: to the line that ...", "a communique containing a call for ..."): with one of these
#: between a person or a document and a quotation that has no cue, the quotation is theirs.
STANCE_WORDS = frozenset(
    """
    expressed expresses expressing thanked voiced conveyed reiterated stressed emphasised emphasized
    highlighted opposes opposed opposing supports supported backs backed rejects rejected condemns
    condemned welcomes welcomed advocated advocates championed champions defended defends pushed pressed
    sought insisted urged called calls calling contains contained containing reads read spoke speaks
    talked described describes referred refers pledged vowed promised proposed warned
    line position stance view views call appeal warning message remarks remark speech address words
    demand demands proposal proposals pledge promise assurance assurances claim opposition support
    reference criticism praise commitment vision concern concerns
    """.split()
)

#: A dateline that opens a sentence: "ISLAMABAD:", "ASTANA, July 3 (Reuters) -", "MINSK, June 14. /BELTA/.".
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.\-]+(?:\s+[A-Z][A-Z.\-]+)*(?:\s*\([^)]{1,30}\))?"
    r"(?:\s*,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:\s*,\s*\d{4})?\.?)?(?:\s*\([^)]{1,30}\))?"
    r"(?:\s*/[^/\s][^/]{0,29}/\.?|\s*(?::|\u2013|\u2014|--?))\s+"
)

#: Words of a time adverbial that may stand between a speaker and the cue ("Xi on Monday said").
TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week month
    year weekend january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
#: Words that open such an adverbial ("on Monday", "last week", "earlier this month").
TIME_OPENERS = frozenset("on last this earlier early late later next in at".split())

# --- titles around a name (whom a role phrase names) ------------------------------------------

_TITLE_TOKEN = r"(?:[A-Z][\w\u2019'\-]*\.?|of|the|for|and|on|foreign|prime|deputy|vice|first|senior|chief|" + "|".join(
    sorted(SOURCE_HEADS | TITLES, key=len, reverse=True)) + r")"
#: The title right before a name: capitalised and role words, optionally closed by a comma
#: ("Kremlin aide ", "Chinese President ", "the Minister of External Affairs of India, ").
TITLE_BEFORE_NAME = re.compile(rf"(?:(?<=\s)|^)(?:{_TITLE_TOKEN}\s+)*{_TITLE_TOKEN}\s*,?\s*$")
#: An appositive right after a name: ", the Kremlin aide," (group 1 holds its words).
APPOSITIVE_AFTER_NAME = re.compile(r"\s*,\s*((?:an?|the)\s+[^,.;:!?()]{1,60}?)\s*(?:[,.;:!?()]|\s+to\s|$)")
#: A word of a title.
TITLE_WORD = re.compile(r"[^\W\d_][\w\u2019'\-]*")
#: A run of capitalised words, small words inside ("Minister of External Affairs of India").
CAPITAL_RUN = re.compile(r"[A-Z][\w\-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w\-]*)*")
