"""What claims say: the predicates, the family each is checked in, and the statuses they name."""

from __future__ import annotations

#: What each predicate states. `scope` and `qualifier` complete some of them.
PREDICATES = {
    "member_of": "subject (a state) is a member of object (an organisation)",
    "observer_of": "subject is an observer of object",
    "dialogue_partner_of": "subject is a dialogue partner of object",
    "partner_of": "subject is an observer or a dialogue partner of object",
    "founder_of": "subject is a founding member of object",
    "party_to": "subject is a party to object (a treaty, named literally)",
    "becomes_member_of": "subject becomes (is to become, is declared) a member of object",
    "becomes_observer_of": "subject becomes an observer of object",
    "becomes_dialogue_partner_of": "subject becomes a dialogue partner of object",
    "joins": "subject joins (joined, will join) object",
    "joined_in": "subject joined the organisation `scope` in the year object",
    "holds_office": "subject (a person) holds the office object (an office value) of `scope`; qualifier is the title",
    "member_count": "subject (an organisation) has object members (of the region `scope`, or `founding`)",
    "founded_in": "subject (an organisation) was founded in the year object (`scope`: a predecessor's alias)",
    "date_is": "subject (a summit_id) took place on the day object",
}
#: The family each predicate is checked in: claims of one family may contradict each other.
FAMILY = {
    "member_of": "status", "observer_of": "status", "dialogue_partner_of": "status", "partner_of": "status",
    "becomes_member_of": "accession", "becomes_observer_of": "accession", "becomes_dialogue_partner_of": "accession",
    "joins": "accession", "joined_in": "joined_in", "founder_of": "founder", "party_to": "party",
    "holds_office": "office", "member_count": "count", "founded_in": "founded", "date_is": "date",
}
#: The statuses of memberships.csv a membership predicate names.
STATUSES = {
    "member_of": {"member"}, "observer_of": {"observer"}, "dialogue_partner_of": {"dialogue_partner"},
    "partner_of": {"observer", "dialogue_partner"}, "becomes_member_of": {"member"}, "joins": {"member"},
    "becomes_observer_of": {"observer"}, "becomes_dialogue_partner_of": {"dialogue_partner"}, "joined_in": {"member"},
}
#: The organisation memberships.csv records; other organisations' members are in `<org>_members.csv`.
MEMBERSHIPS_ORG = "sco"
