// name: shortest_paths
// description: All shortest paths from one actor to another, each hop with its
//   relation type, direction and evidence. Follows relations in their direction
//   unless $undirected (symmetric types such as MEETS always count both ways).
//   Ordered by actor ids, then relation types, then hop sources; $limit = 1 gives
//   the shortest path that `actorgraph path` prints.
// param source (actor, required): where the paths start
// param target (actor, required): where they end
// param types (relation_types): relation types to follow; [] for all
// param undirected (bool): follow every relation both ways
// param symmetric (symmetric): the symmetric relation types (filled from the taxonomy)
// param limit (int): at most this many paths
// example: actorgraph query shortest_paths --param source=petro --param target=maduro
:param source => 'gustavo-petro';
:param target => 'nicolas-maduro';
:param types => [];
:param undirected => false;
:param symmetric => ['ALLIED_WITH', 'COOPERATES_WITH', 'MEETS', 'NEGOTIATES'];
:param limit => 100;

MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
// First a cheap breadth-first check that b can be reached at all: ALL SHORTEST on its
// own explores every trail before it gives up on an unreachable target.
WITH a, b, reduce(s = {seen: [a], frontier: [a]}, d IN range(1, COUNT { (:Actor) }) |
  CASE WHEN s.frontier = [] OR b IN s.seen THEN s ELSE
  reduce(t = {seen: s.seen, frontier: []},
         y IN reduce(acc = [], x IN s.frontier | acc + [(x)-[r]-(y:Actor)
              WHERE ($types = [] OR type(r) IN $types)
                AND ($undirected OR startNode(r) = x OR type(r) IN $symmetric) | y]) |
    CASE WHEN y IN t.seen THEN t ELSE {seen: t.seen + y, frontier: t.frontier + y} END) END) AS bfs
WHERE b IN bfs.seen
MATCH p = ALL SHORTEST (a)((x:Actor)-[r]-(y:Actor)
      WHERE ($types = [] OR type(r) IN $types)
        AND ($undirected OR startNode(r) = x OR type(r) IN $symmetric))+(b)
WITH p, [n IN nodes(p) | n.id] AS nodes, relationships(p) AS rels
WITH p, nodes, rels, [r IN rels | type(r)] AS types, [r IN rels | startNode(r).id] AS sources
ORDER BY nodes, types, sources
LIMIT $limit
RETURN length(p) AS length, nodes,
       [i IN range(0, size(rels) - 1) | {
          from: nodes[i], to: nodes[i + 1], source: sources[i], type: types[i],
          target: endNode(rels[i]).id, evidence_count: rels[i].evidence_count,
          evidence: [j IN range(0, size(rels[i].ev_doc) - 1) | {
             doc: rels[i].ev_doc[j], sentence: rels[i].ev_sentence[j],
             start: rels[i].ev_start[j], `end`: rels[i].ev_end[j]}]}] AS hops
ORDER BY nodes, [h IN hops | h.type], [h IN hops | h.source];
