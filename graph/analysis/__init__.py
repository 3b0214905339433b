"""Offline analysis of the actor graph: plain functions written once against one read interface,
:class:`graph.reader.GraphReader`.

Every function takes the graph first: a reader (the store's :class:`~graph.topology.Topology`,
fastest to load, or ``GraphStore.reader()``), a :class:`~graph.store.GraphStore` or the store's
networkx MultiDiGraph (see :func:`graph.analysis.views.reader`), and returns plain rows (dicts) in
a stable order, so the CLI can print them and the tests can compare them with the answers of the
Cypher library in ``queries/``.

>>> import networkx as nx
>>> from graph.analysis import shortest_path
>>> g = nx.MultiDiGraph()
>>> for n in "abc":
...     g.add_node(n, name=n.upper(), kind="person")
>>> g.add_edge("a", "b", key="PRAISES", type="PRAISES", evidence=[])
'PRAISES'
>>> g.add_edge("b", "c", key="SANCTIONS", type="SANCTIONS", evidence=[])
'SANCTIONS'
>>> shortest_path(g, "a", "c")["nodes"]
['a', 'b', 'c']
"""

from graph.analysis.centrality import MEASURES, brokers, centrality, most_targeted
from graph.analysis.communities import communities
from graph.analysis.neighbours import neighbours
from graph.analysis.paths import all_shortest_paths, shortest_path
from graph.analysis.relations import actors_by_kind, relations_citing, relations_of_type
from graph.analysis.stats import stats
from graph.analysis.timeline import timeline

__all__ = [
    "MEASURES",
    "actors_by_kind",
    "all_shortest_paths",
    "brokers",
    "centrality",
    "communities",
    "most_targeted",
    "neighbours",
    "relations_citing",
    "relations_of_type",
    "shortest_path",
    "stats",
    "timeline",
]
