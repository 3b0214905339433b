"""Find an actor by id, name or alias, exactly or fuzzily.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("gustavo-petro", name="Gustavo Petro", kind="person", aliases=["Petro"])
>>> resolve_actor(g, "petro")
'gustavo-petro'
>>> g.add_node("united-nations", name="United Nations", kind="igo")
>>> resolve_actor(g, "UN")
'united-nations'
"""

from __future__ import annotations

import difflib
import sys
from typing import Any

import networkx as nx
from rapidfuzz import fuzz, process

from graph.errors import ActorgraphError
from graph.model import name_key


class ActorNotFound(ActorgraphError, KeyError):
    """No actor, or more than one, matches a name; the message lists the closest candidates.

    A ``KeyError`` (as an unknown id always was), printed without KeyError's quotes.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "no such actor"


def _names(g: Any) -> dict[str, tuple[str, list[str]]]:
    """id -> (name, aliases) of a networkx graph's actors, or of a :class:`~graph.reader.GraphReader`'s."""
    if isinstance(g, nx.Graph):
        return {n: (a.get("name", ""), a.get("aliases", [])) for n, a in g.nodes(data=True)}
    return {a.id: (a.name, a.aliases) for a in g.actors()}


def _index(names: dict[str, tuple[str, list[str]]]) -> dict[str, set[str]]:
    idx: dict[str, set[str]] = {}
    for n, (name, aliases) in names.items():
        for form in (n, name, *aliases):
            k = name_key(str(form))
            if k:
                idx.setdefault(k, set()).add(n)
    return idx


# One rule for every command: a name within this similarity (rapidfuzz token-sort ratio, 0-100,
# of the normalised names, so word order does not count) of exactly one actor is taken as that
# actor, and a note on stderr says so. 'Petor' -> Petro (80), 'Petro Gustavoo' -> Gustavo Petro (96).
CLOSE_ENOUGH = 80


def note(message: str) -> None:
    """Tell the user, on stderr, that a name was taken as another (stdout stays the report)."""
    print(f"note: {message}", file=sys.stderr)


_MINOR = frozenset({"of", "and", "the", "on", "for", "in", "de", "del", "la", "y"})


def initials(key: str) -> str:
    """'united nations office on drugs and crime' -> 'unodc' (minor words skipped)."""
    words = [w for w in key.split() if w not in _MINOR]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def resolve_actor(g: Any, query: str, notes: bool = True) -> str:
    """The id of the one actor that ``query`` names; :class:`ActorNotFound` otherwise.

    Tried in order: the id; the name or an alias (case, accents and punctuation
    ignored); an acronym of a name ('UN', 'NLA'); all the query's words in one
    name ('petro'); a close spelling ('Gustavo Pedro', 'Petro Gustavoo': within
    :data:`CLOSE_ENOUGH` of one actor's name). When it guessed (an acronym or a
    close spelling) it says so on stderr, unless ``notes`` is False. ``g`` is a networkx graph of
    actors or a :class:`~graph.reader.GraphReader`.
    """
    if query in g:
        return query
    names = _names(g)
    idx = _index(names)
    key = name_key(query)
    hits = idx.get(key, set())
    if len(hits) == 1:
        return next(iter(hits))
    if len(hits) > 1:
        raise ActorNotFound(f"{query!r} is ambiguous: {_describe(names, sorted(hits))}")
    if " " not in key:
        acro = {n for k, ns in idx.items() if initials(k) == key for n in ns}
        if len(acro) == 1:
            found = next(iter(acro))
            if notes:
                note(f"{query!r} taken as {names[found][0] or found} (initials)")
            return found
    # Token containment: 'petro' in 'gustavo petro'; then spelling-tolerant matching.
    words = set(key.split())
    contains = {n for k, ns in idx.items() if words and words <= set(k.split()) for n in ns}
    if len(contains) == 1:
        return next(iter(contains))
    keys = list(idx)
    close = process.extract(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=CLOSE_ENOUGH, limit=None) if key else []
    fuzzy = {n for k, _score, _i in close for n in idx[k]}
    if len(fuzzy) == 1 and not contains:
        found = next(iter(fuzzy))
        if notes:
            note(f"{query!r} taken as {names[found][0] or found} (closest name)")
        return found
    candidates = sorted(contains | fuzzy) or sorted(
        {n for k, _s, _i in process.extract(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=50, limit=5)
         for n in idx[k]})
    if candidates:
        raise ActorNotFound(f"{query!r} matches no single actor; closest: {_describe(names, candidates[:5])}")
    if not idx:
        raise ActorNotFound(f"no actor named {query!r}: the graph is empty (run `actorgraph ingest` first)")
    # Nothing similar: still name the nearest few, so the user sees what spelling the graph uses.
    nearest = sorted(idx, key=lambda k: (-difflib.SequenceMatcher(None, key, k).ratio(), k))
    ids = list(dict.fromkeys(n for k in nearest for n in sorted(idx[k])))[:3]
    raise ActorNotFound(f"no actor named {query!r}; closest: {_describe(names, ids)} (see `actorgraph actors`)")


def actor_id(g: Any, query: str) -> str:
    """:func:`resolve_actor` on a networkx graph, a :class:`~graph.reader.GraphReader` or a
    :class:`~graph.store.GraphStore`: what the analysis functions call on the actors they are given,
    so the Python API takes the names the CLI takes.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("nicolas-maduro", name="Nicolás Maduro", kind="person")
    >>> actor_id(g, "maduro"), actor_id(g, "nicolas-maduro")
    ('nicolas-maduro', 'nicolas-maduro')
    """
    if isinstance(getattr(g, "graph", None), nx.Graph):  # a GraphStore
        g = g.graph
    return resolve_actor(g, query)


def _describe(names: dict[str, tuple[str, list[str]]], ids: list[str]) -> str:
    return ", ".join(f"{names[n][0] or n} ({n})" for n in ids)
