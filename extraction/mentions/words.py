"""Words and span tests that several mention passes share."""

from __future__ import annotations

import re

from spacy.tokens import Span

PLACE_PREPS = {"in", "at", "near", "across", "inside", "outside", "throughout", "around", "outskirts"}
STATE_PROXIES = {"administration", "government", "regime", "cabinet", "leadership", "authorities"}
# Lower-case particles inside place names: 'Mocímboa da Praia', 'Mar del Plata', 'Bandar-e Abbas'.
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le"}
# 'the world body' is the United Nations, whatever was named last.
WORLD_BODY = "united-nations"

HONORIFIC = re.compile(
    r"^(mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|sheikh|sheik|shaikh|emir|prince|princess|king|queen|president|"
    r"minister|senator|sen|rep|representative|governor|gov|general|gen|lt|col|maj|capt|adm|admiral|commander|"
    r"rev|pope|imam|ayatollah|mullah|cardinal|judge|justice|ambassador|amb|envoy|chancellor|premier|prime|mayor|"
    r"datuk|dato|dato'|datin|tun|councilor|councillor)\.?$",
    re.I)
# Malaysian honorifics of two words, whose second word would otherwise open the name: 'Datuk Seri X', 'Tan Sri X'.
HONORIFIC_SECOND = {"Seri", "Sri"}
HONORIFIC_FIRST = {"Datuk", "Dato", "Dato'", "Dato’", "Tan", "Tun", "Datin", "Toh"}
# Malaysian honorifics of two words, whose second word would otherwise open the name: 'Datuk Seri X', 'Tan Sri X'.
HONORIFIC_SECOND = {"Seri", "Sri"}
HONORIFIC_FIRST = {"Datuk", "Dato", "Dato'", "Dato’", "Tan", "Tun", "Datin", "Toh"}
PARTICLES = {"bin", "bint", "ibn", "al", "al-", "el", "de", "da", "do", "dos", "das", "del", "della", "di", "van",
             "von", "der", "le", "la", "abu", "ould", "ag", "ben", "y", "arap", "du"}


# Head words of associations named after their country: 'the Law Society of Kenya', 'the Bar Association of
# India' (the small NER model stops at 'of'). Not 'Assembly', 'Council' or 'Court': those of a state are its bodies.
ORG_OF_PLACE_HEADS = {"Society", "Association", "Chamber", "Federation", "Confederation", "Syndicate", "Institute",
                      "Foundation", "Academy"}


def org_of_place_end(span: Span) -> int | None:
    """Where 'the Law Society' + 'of Kenya' ends, if the span is an association's name cut before 'of PLACE'."""
    doc, end = span.doc, span.end
    if doc[end - 1].text not in ORG_OF_PLACE_HEADS or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    k = end + 1
    while k < len(doc) and doc[k].is_title and doc[k].pos_ == "PROPN":
        k += 1
    return k if k > end + 1 else None


def hyphen_based(span: Span) -> bool:
    """'a Moscow-based think tank', 'the Murmansk-based company': a place that locates something, not an actor."""
    doc, end = span.doc, span.end
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
        and doc[end + 1].lower_ in ("based", "headquartered")


def after_place_prep(span: Span) -> bool:
    """'in Turkey and Lebanon', 'from Senegal': the name (or the first of a list) follows a place preposition."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prev_i = tok.left_edge.i - 1
    doc = span.doc
    if prev_i >= 0 and doc[prev_i].lower_ == "the":
        prev_i -= 1
    return prev_i >= 0 and doc[prev_i].lower_ in PLACE_PREPS | {"from", "via", "through", "into", "toward", "towards",
                                                                  "along", "to"}


CONTEXT_KINDS = {
    "armed_group": {"guerrilla", "guerrillas", "rebel", "rebels", "militia", "militias", "militant", "militants",
                    "insurgent", "insurgents", "jihadist", "jihadists", "cartel", "gang", "paramilitary",
                    "paramilitaries", "armed"},
    "ngo": {"think", "ngo", "nonprofit", "non-profit", "charity", "watchdog", "advocacy", "rights", "humanitarian"},
    "company": {"company", "firm", "giant", "maker", "producer", "corporation", "conglomerate", "lender", "miner",
                "majors", "companies", "firms", "exporter", "exporters", "insurer", "bank", "banks"},
    "media": {"newspaper", "broadcaster", "outlet", "daily", "channel"},
    "other_org": {"party", "movement", "union", "coalition"},
}


def context_kind(span: Span) -> str | None:
    """Kind of an unknown organisation from the words around it: 'the ELN guerrilla group', 'rights group X'."""
    doc = span.doc
    # Skip a parenthesised acronym: 'the Frente Popular (FP) guerrilla group'.
    after = [t.lower_ for t in doc[span.end : min(len(doc), span.end + 5)] if not t.is_punct and not t.is_upper]
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    near = after[:3] + before[-2:]
    if not ({"group", "groups", "organisation", "organization", "tank", "faction", "network"} & set(near)
            or any(w in CONTEXT_KINDS["armed_group"] | CONTEXT_KINDS["company"] | CONTEXT_KINDS["media"]
                   for w in near)):
        return None
    for kind, cues in CONTEXT_KINDS.items():
        if cues & set(near):
            return kind
    return None
