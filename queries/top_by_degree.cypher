// name: top_by_degree
// description: The actors taking part in the most relations of the given types
//   (degree centrality, as `actorgraph centrality --measure degree`); ties by id.
// param types (relation_types): relation types to count; [] for all
// param limit (int): at most this many actors
// example: actorgraph query top_by_degree --param types=CRITICISES --param limit=5
:param types => [];
:param limit => 10;

MATCH (a:Actor)
WITH a, COUNT { (a)-[r]->(:Actor) WHERE $types = [] OR type(r) IN $types }
      + COUNT { (a)<-[r]-(:Actor) WHERE $types = [] OR type(r) IN $types } AS score
ORDER BY score DESC, a.id
LIMIT $limit
WITH collect({id: a.id, name: a.name, kind: a.kind, score: score}) AS top
UNWIND range(0, size(top) - 1) AS i
RETURN i + 1 AS rank, top[i].id AS id, top[i].name AS name, top[i].kind AS kind, top[i].score AS score
ORDER BY rank;
