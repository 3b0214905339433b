"""The mention passes, their order, and the one step that merges what each finds into the document's mentions.

The order is configuration: :data:`PASSES` lists every pass with how its mentions join those already kept. Passes
read the document's :class:`FindState` (and add actors to it); only :func:`merge` changes its mentions. Later
passes build on earlier ones: surnames on full names, pronouns on people, groups on what was named before them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from extraction.mentions import (
    acronyms,
    anaphora,
    bodies,
    groups,
    movements,
    names,
    ner,
    pronouns,
    proxies,
    quotes,
    roles,
    surnames,
)
from extraction.mentions.lookup import Lookup
from extraction.mentions.model import FindState, Mention

# How a pass's mentions join the kept ones:
#   longest  compete with those of the neighbouring 'longest' passes: the longest span wins, then the kind of
#            source (LONGEST_TIES), then the earlier one ('Colombia's Foreign Ministry' over 'Colombia');
#   free     kept in the order found where their tokens are still free;
#   add      all kept (the pass itself looked only at free tokens, or deliberately overlaps);
#   rewrite  the pass returns every mention anew (it re-points some of the kept ones);
#   claim    none is kept, but their words are taken: no later pass makes an actor of them.
Merge = Literal["longest", "free", "add", "rewrite", "claim"]
# Among spans of one length: a gazetteer name, then a state body, a role nominal, a government proxy.
LONGEST_TIES = {"name": 0, "demonym": 0, "capital": 0, "seat": 0, "body": 1, "role": 2, "proxy": 3}


@dataclass(frozen=True)
class Pass:
    name: str
    find: Callable[[Lookup, FindState], list[Mention]]
    merge: Merge


PASSES: tuple[Pass, ...] = (
    # Names of treaties, laws and operations: no piece of them is an actor ('United States' in the USMCA's name).
    Pass("not-actors", names.find_not_actors, "claim"),
    # Named actors, state bodies, role nominals and proxies compete for the same words.
    Pass("names", names.find_names, "longest"),
    Pass("bodies", bodies.find_bodies, "longest"),
    Pass("roles", roles.find_roles, "longest"),
    Pass("proxies", proxies.find_proxies, "longest"),
    # Actors the gazetteer lacks, where no known actor was found.
    Pass("acronym-definitions", acronyms.find_acronym_definitions, "free"),
    Pass("ner", ner.find_entities, "free"),
    Pass("titled-names", ner.find_titled_names, "free"),
    Pass("movements", movements.find_movements, "free"),  # 'Maoist rebels', 'the Maoists'
    Pass("party-alliances", movements.find_party_alliances, "free"),  # 'a seven-party alliance'
    Pass("acronyms", acronyms.find_acronyms, "add"),
    Pass("owning-states", movements.locate_owning_states, "rewrite"),  # "Yemen's Houthi delegation": a place
    # A state body named with no state ('the Ministry of Foreign Affairs said'): the story's state's body.
    Pass("unqualified-bodies", anaphora.repoint_unqualified_bodies, "rewrite"),
    # References back to actors named before.
    Pass("surnames", surnames.repoint_surnames, "rewrite"),
    Pass("bare-proxies", proxies.find_bare_proxies, "add"),
    Pass("state-heads", anaphora.find_state_heads, "rewrite"),  # 'the Venezuelan head of state': before the pronouns
    Pass("group-heads", anaphora.find_group_heads, "add"),  # 'the leader of the rebels' named elsewhere
    Pass("pronouns", pronouns.find_pronouns, "add"),
    Pass("groups", groups.find_groups, "add"),
    Pass("group-pronouns", groups.find_group_pronouns, "add"),
    Pass("titled-persons", anaphora.find_titled_persons, "add"),  # 'the minister said': before the quotes
    Pass("quotes", quotes.find_quoted_speakers, "add"),
    Pass("anaphora", anaphora.find_definite_anaphora, "add"),
    Pass("short-names", surnames.find_short_names, "add"),
    Pass("its", pronouns.find_its, "add"),
    Pass("it", pronouns.find_it, "add"),
)


def run(passes: Iterable[Pass], lk: Lookup, st: FindState) -> None:
    """Run ``passes`` in order over ``st``, merging after each (after a run of 'longest' passes, once for the run)."""
    order = list(passes)
    pending: list[Mention] = []
    for k, p in enumerate(order):
        found = p.find(lk, st)
        if p.merge != "longest":
            merge(st, found, p.merge)
            continue
        pending += found
        if k + 1 == len(order) or order[k + 1].merge != "longest":
            merge(st, pending, "longest")
            pending = []


def merge(st: FindState, found: list[Mention], how: Merge) -> None:
    """The one place mentions are kept: join ``found`` to ``st.spans`` as ``how`` says; spans stay sorted by start
    and ``st.taken`` holds the tokens they cover."""
    if how == "claim":
        for m in found:
            st.taken.update(range(m.start, m.end))
        return
    if how == "longest":
        found = sorted(found, key=lambda m: (-(m.end - m.start), LONGEST_TIES.get(m.via, 9), m.start))
    if how in ("longest", "free"):
        for m in found:
            if any(i in st.taken for i in range(m.start, m.end)):
                continue
            # datelines and credit lines name no actors, for later passes neither; nor does a stance ('the
            # pro-China leader', 'anti-American protests' say what someone favours, not who acts)
            if not st.doc[m.start]._.skip and not _stance(st.doc, m.start):
                st.spans.append(m)
            st.taken.update(range(m.start, m.end))
    else:
        if how == "rewrite":
            st.spans = found
        else:
            st.spans += found
        for m in found:
            st.taken.update(range(m.start, m.end))
    st.spans.sort(key=lambda m: m.start)


# Prefixes that turn a name into a stance: 'pro-Russian', 'anti-American', 'pro-Beijing'.
STANCE_PREFIXES = {"pro", "anti"}


def _stance(doc: Doc, start: int) -> bool:
    """Whether the mention at ``start`` follows 'pro-' or 'anti-' (tokenised as 'pro', '-', 'China')."""
    return start >= 2 and doc[start - 1].text in ("-", "–") and doc[start - 2].lower_ in STANCE_PREFIXES
