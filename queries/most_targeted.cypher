// name: most_targeted
// description: Per relation type, the actors that the most other actors direct it
//   at (distinct sources; symmetric types count both partners), with the evidence
//   behind them. Ties by evidence, then id.
// param types (relation_types): relation types to rank; [] for all
// param symmetric (symmetric): the symmetric relation types (filled from the taxonomy)
// param limit (int): actors per relation type
// example: actorgraph query most_targeted --param types=CRITICISES,SANCTIONS --param limit=5
:param types => [];
:param symmetric => ['ALLIED_WITH', 'COOPERATES_WITH', 'MEETS', 'NEGOTIATES'];
:param limit => 10;

MATCH (s:Actor)-[r]-(t:Actor)
WHERE s <> t AND ($types = [] OR type(r) IN $types)
  AND (endNode(r) = t OR type(r) IN $symmetric)
WITH type(r) AS type, t, count(DISTINCT s) AS sources, sum(r.evidence_count) AS evidence
ORDER BY type, sources DESC, evidence DESC, t.id
WITH type, collect({id: t.id, name: t.name, kind: t.kind, sources: sources, evidence: evidence})[..$limit] AS top
UNWIND range(0, size(top) - 1) AS i
RETURN type, i + 1 AS rank, top[i].id AS id, top[i].name AS name, top[i].kind AS kind,
       top[i].sources AS sources, top[i].evidence AS evidence
ORDER BY type, rank;
