"""The statements a sentence is read for, one reader per family of claim patterns.

* **Offices**: a person holds the office whose title stands before their name
  ("Indian President Modi", "Xi Jinping, China's president"); "former", "the late",
  "a successor to" put it in the past.
* **Accessions**: a state becomes (is declared, joins) a member, observer or dialogue
  partner of an organisation; with a year in the past, it joined in that year.
* **States**: a state is (was, is not) a member, observer, dialogue partner, founding
  member of an organisation, or a party to a treaty.
* **Lists**: "members include A, B and C", "the SCO expanded to include A and B",
  "admitted A and B as members".
* **Foundings**: an organisation was founded in a year (by its founders).
* **Counts**: an organisation has N members (of a region, or founding members).
* **Summit days**: an SCO summit took place on a day.

Each family runs only when the masked sentence holds what its patterns need (a hint).
"""

from __future__ import annotations

import itertools

import pandas as pd

from ..patterns import claims as P
from ..text import fold
from .facts import ReferenceFacts
from .kinds import MEMBERSHIPS_ORG
from .sentence import ArticleState, ClaimMaker, mask


def sentence_claims(s, mentions: list[dict], article: ArticleState, ref: ReferenceFacts) -> list[dict]:
    """Return the claims of sentence `s` (a row of the sentences table) as dicts of CLAIM_COLUMNS, claim_id empty.

    `mentions` are its entity mentions (dicts; each gets its sentence offsets ``a`` and
    ``b``), `article` what its article brings.
    """
    for m in mentions:
        m["a"], m["b"] = int(m["start"]) - int(s.start), int(m["end"]) - int(s.start)
    masked = mask(fold(s.text), mentions)
    maker = ClaimMaker(s, masked, article, ref)
    text = masked.text
    # each pattern family needs a token or word its hint looks for; without it nothing can match
    if P.PERSON_HINT in text:
        _office_claims(maker)
    has_country = P.COUNTRY_HINT in text
    if has_country or P.COUNTRY_ANAPHOR_HINT.search(text):
        if P.ACCESSION_HINT.search(text):
            _accession_claims(maker)
        if P.STATE_HINT.search(text):
            _state_claims(maker)
    if has_country:
        _list_claims(maker)
    if P.FOUNDED_HINT.search(text):
        _founding_claims(maker)
    if P.NUMBER_HINT.search(text) and P.COUNT_HINT.search(text):
        _count_claims(maker)
    if "summit" in text:
        _summit_date_claims(maker)
    return maker.claims


def _tense_of(modal: str | None, verb: str) -> tuple[str, bool]:
    """Return (tense, hedged) from a modal ("will", "may") and a verb form."""
    if modal:
        if P.HEDGE.match(modal.strip()):
            return "future", True
        return "future", False
    first = verb.split()[0].lower()
    if first in ("became", "joined", "acceded", "was", "were", "admitted", "accepted", "welcomed", "had"):
        return "past", False
    return "present", False


def _office_claims(mk: ClaimMaker) -> None:
    before, after = P.office_patterns(mk.ref.titles)
    text = mk.masked.text
    patterns = (before, after) if P.may_hold_title(text, mk.ref.titles) else (after,)
    for pattern in patterns:
        found = P.before_name_matches(pattern, text, mk.ref.titles) if pattern is before else pattern.finditer(text)
        for m in found:
            groups = m.groupdict()
            title = groups.get("title") or groups.get("title2") or ""
            owner_token = groups.get("owner") or groups.get("owner2")
            pron = groups.get("pron")
            role = mk.masked.mention(groups.get("role"))
            if role is not None:  # "Trump, the US president": the phrase's title, the office holder's state
                ends = [t for t in mk.ref.titles if fold(role["text"]).lower().endswith(t)]
                if not ends or not role.get("country_id"):
                    continue
                title = max(ends, key=len)
            if pattern is before:
                capitalised = any(w[:1].isupper() for w in title.split())
                if not owner_token and not pron and (not capitalised or m.group("comma")):
                    continue
                if P.OTHER_OFFICE_BEFORE.search(text[:m.start("title")]):
                    continue
            person = mk.masked.mention(m.group("person"))
            owner = mk.masked.mention(owner_token)
            scope = owner["entity_id"] if owner else (role["country_id"] if role is not None else "")
            written = (groups.get("premods") or "") + " " + (groups.get("mods") or "")
            mods = {w.lower().strip("-") for w in P.MODIFIER_BREAK.split(written) if w}
            past = bool(mods & P.PAST_MODIFIERS) or bool(P.PAST_BEFORE.search(text[max(0, m.start() - 120):m.start()])) \
                or bool(P.PAST_AFTER.match(text[m.end():]))
            key = " ".join(title.lower().split())
            office, _ = mk.ref.title_offices(key, scope)
            label = " ".join(w.capitalize() if w not in ("of", "and") else w for w in key.split())
            where = mk.ref.place_phrase(scope) if scope else ""
            mk.add((m.start(), m.end()), person["entity_id"], "holds_office", office, subject_name=person["name"],
                   object_name=f"{label} of {where}" if where else label, scope=scope, qualifier=key,
                   tense="past" if past else "present")


def _accession_claims(mk: ClaimMaker) -> None:
    last_org: str | None = None
    for m in P.ACCESSION.finditer(mk.masked.text):
        verb = m.group("become") or m.group("join")
        tense, hedged = _tense_of(m.group("modal"), verb)
        polarity = "negative" if m.group("neg") else "positive"
        year = m.group("year") or m.group("year0")
        if m.group("become"):
            if not (m.group("obj") or m.group("anaphor")) and P.UNNAMED_OBJECT.match(mk.masked.text[m.end("status"):]):
                continue  # "a member of parliament": an organisation the gazetteer does not know
            status = (m.group("status") or "").lower()
            org = mk.org(m) if (m.group("obj") or m.group("anaphor") or status) else None
            predicate = ("becomes_observer_of" if status.startswith("observer") else
                         "becomes_dialogue_partner_of" if status.startswith("dialogue") else "becomes_member_of")
            qualifier = (m.group("level") or "").lower()
        else:
            token = m.group("jobj")
            if token:
                org = mk.masked.mention(token)["entity_id"]
            elif m.group("janaphor"):
                org = mk.bloc_before(m.start())
            elif last_org and (P.ALSO.search(m.group(0)) or year):
                org = last_org  # "India joined the SCO ..., while Pakistan also joined", "... Iran joined in 2023"
            else:
                continue
            as_status = (m.group("as_status") or "").lower()
            predicate = "becomes_observer_of" if as_status.startswith("observer") else (
                "becomes_dialogue_partner_of" if as_status.startswith("dialogue") else "joins")
            qualifier = "full" if as_status.startswith("full") else ""
        if not org:
            continue
        last_org = org
        for subject in mk.subjects(m):
            if tense == "past" and year and predicate in ("joins", "becomes_member_of"):
                mk.add(m.span(), subject, "joined_in", year, object_name=year, scope=org, qualifier=qualifier,
                       polarity=polarity, tense="past", hedged=hedged)
            else:
                mk.add(m.span(), subject, predicate, org, qualifier=qualifier, polarity=polarity, tense=tense,
                       hedged=hedged)


def _state_claims(mk: ClaimMaker) -> None:
    for m in P.STATE.finditer(mk.masked.text):
        status, level = m.group("status").lower(), (m.group("level") or "").lower()
        if status.startswith(("part", "signator")):
            predicate = "party_to"
        elif status.startswith("member"):
            predicate = "founder_of" if level.startswith("found") else "member_of"
        elif status.startswith("observer"):
            predicate = "observer_of"
        else:
            predicate = "dialogue_partner_of"
        if m.group("literal"):
            org, object_name = m.group("literal"), m.group("literal")
        else:
            org, object_name = mk.org(m), ""
        if not org:
            continue
        be = m.group("be").lower()
        tense = "past" if be in ("was", "were", "remained") else "present"
        polarity = "negative" if m.group("neg") else "positive"
        subjects = mk.subjects(m) + [x["entity_id"] for x in mk.masked.all_mentions(m.group("along"), "C")]
        for subject in subjects:
            mk.add(m.span(), subject, predicate, org, object_name=object_name, qualifier=level, polarity=polarity,
                   tense=tense)


def _list_claims(mk: ClaimMaker) -> None:
    text = mk.masked.text
    for m in (P.LIST_OF_MEMBERS.finditer(text) if P.LIST_OF_MEMBERS_HINT.search(text) else ()):
        status, level = " ".join(m.group("status").lower().split()), (m.group("level") or "").lower()
        if "observer" in status and "dialogue" in status:
            predicate = "partner_of"
        elif status.startswith("observer"):
            predicate = "observer_of"
        elif status.startswith("dialogue"):
            predicate = "dialogue_partner_of"
        else:
            predicate = "founder_of" if level == "founding" else "member_of"
        token = m.group("org") or m.group("obj")
        org = mk.masked.mention(token)["entity_id"] if token else mk.bloc_before(m.start())
        if not org:
            continue
        for x in mk.masked.all_mentions(m.group("list"), "C"):
            mk.add(m.span(), x["entity_id"], predicate, org)
    hinted = [p for p, hint in ((P.EXPANSION, "expanded" in text), (P.INCLUSION, P.INCLUSION_HINT.search(text)),
                                 (P.ADMISSION, P.ADMISSION_HINT.search(text))) if hint]
    for pattern in hinted:
        for m in pattern.finditer(mk.masked.text):
            org = mk.bloc_before(m.start()) if pattern is P.EXPANSION else mk.org(m)
            if not org:
                continue
            if pattern is not P.ADMISSION:
                for x in mk.masked.all_mentions(m.group("list"), "C"):
                    mk.add(m.span(), x["entity_id"], "member_of", org)
                continue
            status = m.group("status").lower()
            tense, _ = _tense_of("will" if P.WILL.search(m.group(0)) else None, m.group("verb"))
            predicate = ("becomes_observer_of" if status.startswith("observer") else
                         "becomes_dialogue_partner_of" if status.startswith("dialogue") else "becomes_member_of")
            for x in mk.masked.all_mentions(m.group("list"), "C"):
                if tense == "past" and m.group("year") and predicate == "becomes_member_of":
                    mk.add(m.span(), x["entity_id"], "joined_in", m.group("year"), object_name=m.group("year"),
                           scope=org, tense="past")
                else:
                    mk.add(m.span(), x["entity_id"], predicate, org, tense=tense)


def _founding_claims(mk: ClaimMaker) -> None:
    for m in P.FOUNDED.finditer(mk.masked.text):
        token = m.group("obj")
        mention = mk.masked.mention(token)
        org = mention["entity_id"] if mention else mk.bloc_before(m.start())
        if not org:
            continue
        alias = " ".join(fold(mention["text"]).lower().split()) if mention else ""
        scope = alias if alias in P.PREDECESSOR_FOUNDING_YEARS else ""
        mk.add(m.span(), org, "founded_in", m.group("year"), object_name=m.group("year"), scope=scope, tense="past")
        founders = itertools.chain.from_iterable(mk.masked.all_mentions(m.group(g), "C") for g in ("by1", "by2", "along"))
        for x in founders:
            mk.add(m.span(), x["entity_id"], "founder_of", org, scope=scope, tense="past")


def _count_claims(mk: ClaimMaker) -> None:
    for pattern in (P.COUNT_ADJECTIVE, P.COUNT_NOUN, P.COUNT_HAS):
        for m in pattern.finditer(mk.masked.text):
            groups = m.groupdict()
            token = groups.get("obj") or groups.get("obj2")
            region = " ".join((groups.get("region") or "").lower().split())
            level = (groups.get("level") or "").lower()
            if token:
                org = mk.masked.mention(token)["entity_id"]
            elif groups.get("anaphor") or groups.get("noun") or groups.get("its") or region or level == "founding":
                org = mk.bloc_before(m.start())
            else:
                continue  # "the two members": of what is not said
            if not org:
                continue
            word = m.group("count").lower()
            n = P.NUMBER_WORDS.get(word) or int(word)
            scope = P.REGIONS[region][0] if region else ("founding" if level == "founding" else "")
            label = f"{n} {region.title() + ' ' if region else ''}{'founding ' if scope == 'founding' else ''}members"
            mk.add(m.span(), org, "member_count", str(n), object_name=label, scope=scope, qualifier=region or level)


def _summit_date_claims(mk: ClaimMaker) -> None:
    if mk.article.date is None:
        return
    summits = mk.ref.summits
    for m in P.SUMMIT_DATE.finditer(mk.masked.text):
        org = mk.masked.mention(m.group("obj") or m.group("obj2"))
        if not org or org["entity_id"] != MEMBERSHIPS_ORG:
            continue
        month = P.MONTH_NUMBERS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        years = [int(m.group("year"))] if m.group("year") else [mk.article.date.year + k for k in (0, -1, 1)]
        candidates = []
        for y in years:
            try:
                candidates.append(pd.Timestamp(year=y, month=month, day=day))
            except ValueError:
                continue
        if not candidates:
            continue
        when = min(candidates, key=lambda t: abs(t - mk.article.date))
        pool = summits[summits["year"] == when.year]
        where = mk.masked.mention(m.group("where"))
        if where is not None and len(pool):
            names = {fold(where["name"]).lower()}
            spelled = pool.apply(lambda r: {fold(x).lower() for x in [r["city"], r["country"], *r["city_aliases"]]}, axis=1)
            here = pool[spelled.map(lambda forms: bool(names & forms))]
            pool = here if len(here) else pool
        if not len(pool):
            continue
        row = pool.iloc[(pool["start"] - when).abs().argsort().iloc[0]]
        mk.add(m.span(), row["summit_id"], "date_is", when.date().isoformat(),
               subject_name=f"the {row['year']} {row['city']} summit", object_name=when.date().isoformat())
