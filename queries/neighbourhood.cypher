// name: neighbourhood
// description: An actor's neighbourhood: every actor within $depth relations of the
//   given types, with its distance and the relation types that lead to it from
//   actors one step closer. $direction is 'both', 'out' (what the actor does, and
//   onwards) or 'in' (who acts on it); symmetric types count both ways.
// param actor (actor, required): the actor at the centre
// param depth (int): how many relations away (1 = direct neighbours)
// param types (relation_types): relation types to follow; [] for all
// param direction (direction): 'both', 'out' or 'in'
// param symmetric (symmetric): the symmetric relation types (filled from the taxonomy)
// example: actorgraph query neighbourhood --param actor=petro --param depth=2
:param actor => 'gustavo-petro';
:param depth => 1;
:param types => [];
:param direction => 'both';
:param symmetric => ['ALLIED_WITH', 'COOPERATES_WITH', 'MEETS', 'NEGOTIATES'];

MATCH (a:Actor {id: $actor})
// Breadth-first, one layer per round: each actor gets the round that first reaches it.
// (A SHORTEST path pattern per actor gives the same distances but is far slower.)
WITH a, reduce(s = {seen: [a], frontier: [a], found: []}, d IN range(1, $depth) |
  reduce(t = {seen: s.seen, frontier: [], found: s.found},
         y IN reduce(acc = [], x IN s.frontier | acc + [(x)-[r]-(y:Actor)
              WHERE ($types = [] OR type(r) IN $types)
                AND ($direction = 'both' OR type(r) IN $symmetric
                     OR ($direction = 'out' AND startNode(r) = x) OR ($direction = 'in' AND endNode(r) = x)) | y]) |
    CASE WHEN y IN t.seen THEN t
         ELSE {seen: t.seen + y, frontier: t.frontier + y, found: t.found + {node: y, distance: d}} END)) AS bfs
WITH a, bfs.found AS found
UNWIND found AS f
WITH a, found, f.node AS b, f.distance AS distance
CALL (a, found, b, distance) {
  MATCH (x:Actor)-[r]-(b)
  WHERE ($types = [] OR type(r) IN $types)
    AND ($direction = 'both' OR type(r) IN $symmetric
         OR ($direction = 'out' AND startNode(r) = x) OR ($direction = 'in' AND endNode(r) = x))
    AND ((distance = 1 AND x = a) OR (distance > 1 AND {node: x, distance: distance - 1} IN found))
  WITH DISTINCT type(r) AS t
  ORDER BY t
  RETURN collect(t) AS via
}
RETURN b.id AS id, b.name AS name, b.kind AS kind, distance, via
ORDER BY distance, id;
