"""Patterns for cleaning scraped text: page debris, credits, disclaimers, abbreviations."""

from __future__ import annotations

import re

#: Abbreviations that end with a period but do not end a sentence (lower case, no final
#: period, as Punkt stores them). Titles, months, initials and common short forms.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep amb pres sec
    st ave rd blvd mt ft jr sr messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol pp fig approx est dept univ inst assn co corp inc ltd plc bros
    vs cf al
    u.s u.k u.n e.u u.s.a u.s.s.r p.m a.m e.g i.e
    """.split()
) | frozenset("abcdefghijklmnopqrstuvwxyz")

#: Characters folded for matching (never in stored text): same length, so offsets hold.
FOLD = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\u3000": " ", "\ufeff": " ", "\u200b": " ",
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2015": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
        "\u2026": ".",
    }
)

#: FOLD as (character, replacement) pairs, for folding by str.replace.
FOLD_PAIRS = tuple((chr(k), v) for k, v in FOLD.items())

#: A paragraph: a run of text between line breaks.
LINE = re.compile(r"[^\r\n]+")

#: Short lines that ask the reader to do something on the page (share, comment, subscribe...).
PAGE_PROMPT = re.compile(
    r"""^\W*(?:
        leave\s+a\s+(?:repl\w*|comment|response)
      | (?:post\s+a\s+|add\s+a\s+|\d+\s+|no\s+|view\s+|show\s+|load\s+more\s+)?comments?
      | back\s+to\s+top(?:\s+button)?
      | (?:scroll|go)\s+to\s+top
      | share(?:\s+(?:this|on|via|article|story)\b.*)?
      | (?:tweet|email|print|whatsapp|telegram|facebook|twitter|linkedin|reddit|pinterest)(?:\s+this)?
      | (?:click|tap)\s+(?:here|to)\b.*
      | (?:subscribe|sign\s+up|log\s*in|sign\s+in|register)\b.*
      | (?:read|see)\s+(?:more|also|next)\b.*
      | (?:related|recommended|trending|most\s+read|popular)(?:\s+(?:articles?|stories|posts|news|content|topics))?
      | advertisement|sponsored(?:\s+content)?|skip\s+(?:to\s+)?(?:content|ad)
      | follow\s+us\b.*
      | (?:accept|manage)\s+cookies\b.*
      | (?:previous|next)\s+(?:article|post|story|page)
      | (?:photo|image|video|gallery)s?
      | (?:you\s+may\s+also\s+like|more\s+from\s+\w+)
      | (?:tags?|topics?|categories?)\s*:.*
      | (?:updated|published|posted)\s*:?\s*$
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Lines that are only a page counter, navigation arrows or symbols ("1 / 1", "> <", "X").
NAV_DEBRIS = re.compile(r"^\s*(?:\d+\s*(?:/|of)\s*\d+|[<>|\u2039\u203a\u00ab\u00bb\u2190-\u21ff\s]+|[xX\u00d7\u2715\u2716]|\W+)\s*$")

#: A photo or image credit, inline or as a line: "(Photo: Name/Pool/AFP)", "Photo: Reuters".
CREDIT = re.compile(
    r"""(?:
        \(\s*(?:photo|image|picture|pictured|credit|source|file\s+photo|video)s?\s*(?:credit)?\s*[:\-\u2013].*?\)
      | ^\s*(?:photo|image|picture|credit|file\s+photo)s?\s*(?:credit)?\s*[:\-\u2013]
      | (?:/|\b)(?:getty\s+images|afp\s+via\s+getty|reuters\s+photo|ap\s+photo|shutterstock|epa-efe|sputnik/)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)

#: Staff credits at the foot of a story.
STAFF_CREDIT = re.compile(
    r"""(?:\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report(?:ing)?|research|writing)
      | ^\s*(?:reporting|writing|editing|additional\s+reporting|compiled)\s+by\b
      | ^\s*(?:\(|\[)?(?:editing|reporting)\s+by\b)""",
    re.IGNORECASE | re.VERBOSE,
)

#: A byline: "By Emma Burrows, Associated Press".
BYLINE = re.compile(r"^\s*by\s+(?P<who>[A-Z][^\n]{1,120})$", re.IGNORECASE)

#: Notes that the text was translated by machine or is republished automatically.
DISCLAIMER = re.compile(
    r"""(?:
        \b(?:automatic(?:ally)?|machine|programmatic(?:ally)?|computer)\b[^.]{0,80}\btranslat\w*
      | \btranslat\w*[^.]{0,80}\b(?:automatic(?:ally)?|machine|programmatic(?:ally)?|software|technology)\b
      | \b(?:does|do)\s+not\s+(?:necessarily\s+)?(?:express|reflect|represent)\s+the\s+(?:point\s+of\s+)?views?\b
      | \bnot\s+all\s+news\b[^.]{0,60}\b(?:express|reflect)
      | \bnot\s+(?:from|by)\s+a\s+human\s+editor\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)

#: Cheap necessary conditions for CREDIT, STAFF_CREDIT and DISCLAIMER (words, lower case, one
#: of which a text the pattern matches holds in any case) and GLUED_SENTENCE (a pattern).
CREDIT_WORDS = ("photo", "image", "picture", "credit", "source", "video", "getty", "shutterstock", "epa-efe", "sputnik/")
STAFF_CREDIT_WORDS = ("contributed", "reporting", "writing", "editing", "additional", "compiled")
DISCLAIMER_WORDS = ("translat", "not")
GLUED_SENTENCE_HINT = re.compile(r"[.!?][\"\u201c\u2018]?[A-Z]")

#: Two sentences glued by bad scraping: "in its favour.Although".
GLUED_SENTENCE = re.compile(r"(?<=[a-z\d)]{2}[.!?])(?=[\"\u201c\u2018]?[A-Z][a-z])")

#: Two words glued by bad scraping: "VietnamTheresa" (a lower-case run then a capital).
GLUED_WORD = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2,})")

#: Name prefixes after which a capital inside a word is normal ("McDonald", "MacArthur").
GLUE_EXEMPT_PREFIX = re.compile(r"(?:^|\b)(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O')$")

#: A character that is neither a word character nor white space (blanked in duplicate-line keys).
NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]")

#: A word, for counting: letters or digits, with inner apostrophes, hyphens, periods.
WORD = re.compile(r"[^\W_](?:[\w'\u2019.\-]*[^\W_])?")

#: Function words left out of word counts (NLTK's stopword corpus needs a download; this does not).
STOPWORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and another any are
    around as at be because been before being below between both but by can cannot could did do does
    doing down during each either even ever every few for from further had has have having he her here
    hers herself him himself his how however i if in into is it its itself just least less like made
    make many may me might more most much must my myself near neither no nor not now of off often on
    once one only or other others our ours ourselves out over own per rather said same say says she
    should since so some such than that the their theirs them themselves then there these they this
    those though through to too toward towards under until up upon us very via was we were what when
    where whether which while who whom whose why will with within without would yet you your yours
    yourself mr ms mrs s t re ve ll d m don didn doesn isn wasn aren weren won according
    """.split()
)


#: HTML saved as text: blocks whose content is never prose, tags, comments, character references.
HTML_HINT = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<(?:p|div|span|br|meta|script)\b[^<>]*>", re.IGNORECASE)
HTML_HIDDEN_BLOCK = re.compile(r"<(script|style|head|noscript|template|svg)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|article|section|header|footer|nav|aside|title|blockquote|figure|figcaption|main|hr)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
HTML_TAG = re.compile(r"<(?:[a-zA-Z][\w:-]*(?:\s[^<>]{0,500})?|/[a-zA-Z][\w:-]*\s*|!doctype[^<>]{0,200})>", re.IGNORECASE)
HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")
