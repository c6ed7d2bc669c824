"""Words of titles and role phrases: acronyms of titles, role synonyms, phrases as speaker names."""

from __future__ import annotations

from ..patterns import quotes as P


def acronym_in(acronym: str, runs: list[str], *, role_last: bool) -> bool:
    """True when `acronym` gives the initials of consecutive words of one of the capitalised `runs`
    (small words skipped); with `role_last`, only when its last word is a role ("Minister")."""
    for run in runs:
        big = [w for w in run.split() if w.lower() not in P.TITLE_SMALL_WORDS]
        initials = "".join(w[0] for w in big)
        i = initials.find(acronym)
        if i >= 0 and (not role_last or big[i + len(acronym) - 1].lower() in P.PERSON_HEADS | P.TITLES):
            return True
    return False


def phrase_name(text: str) -> str:
    """A phrase as a speaker: "The declaration" opening a sentence → "the declaration"."""
    words = text.split(" ", 1)
    if words[0].lower() in P.DETERMINERS:
        words[0] = words[0].lower()
    return " ".join(words)


def role_word(word: str) -> str:
    """A role word as titles write it ("spokeswoman" → "spokesman")."""
    return P.ROLE_SYNONYMS.get(word, word)


#: How far (characters) around a name its title is read.
TITLE_REACH = 80
