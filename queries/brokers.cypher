// name: brokers
// description: Brokers: actors that tie together others who have no relation with
//   each other. For each actor, open_pairs counts the pairs of its neighbours
//   (either direction) with no direct relation between them — the structural holes
//   it bridges; pairs counts all pairs of its neighbours.
// param types (relation_types): relation types that count as ties; [] for all
// param limit (int): at most this many actors
// example: actorgraph query brokers --param limit=5
:param types => [];
:param limit => 10;

MATCH (b:Actor)
CALL (b) {
  MATCH (b)-[r]-(n:Actor)
  WHERE n <> b AND ($types = [] OR type(r) IN $types)
  RETURN collect(DISTINCT n) AS ns
}
WITH b, ns, size(ns) AS k
WHERE k >= 2
UNWIND range(0, k - 2) AS i
UNWIND range(i + 1, k - 1) AS j
WITH b, k, ns[i] AS x, ns[j] AS y
WHERE NOT EXISTS { MATCH (x)-[r]-(y) WHERE $types = [] OR type(r) IN $types }
WITH b, k, count(*) AS open_pairs
ORDER BY open_pairs DESC, b.id
LIMIT $limit
WITH collect({id: b.id, name: b.name, kind: b.kind, neighbours: k, open_pairs: open_pairs}) AS top
UNWIND range(0, size(top) - 1) AS i
RETURN i + 1 AS rank, top[i].id AS id, top[i].name AS name, top[i].kind AS kind,
       top[i].neighbours AS neighbours, top[i].open_pairs AS open_pairs,
       top[i].neighbours * (top[i].neighbours - 1) / 2 AS pairs
ORDER BY rank;
