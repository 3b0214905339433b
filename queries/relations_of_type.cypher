// name: relations_of_type
// description: Who does what to whom: every relation of the given types (all types
//   when the list is empty), optionally only those of one actor, with its date,
//   confidence, number of evidence sentences and provenance ("text", "gdelt;text", ...).
// param types (relation_types): relation types to list; [] for all
// param actor (actor): only relations of this actor; null for everyone
// example: actorgraph query relations_of_type --param types=SANCTIONS,THREATENS
:param types => [];
:param actor => null;

MATCH (s:Actor)-[r]->(t:Actor)
WHERE ($types = [] OR type(r) IN $types)
  AND ($actor IS NULL OR $actor IN [s.id, t.id])
WITH s, r, t, COLLECT { UNWIND coalesce(r.ev_provenance, ['text']) AS p RETURN DISTINCT p ORDER BY p } AS provs
RETURN s.id AS source, s.name AS source_name, type(r) AS type, t.id AS target, t.name AS target_name,
       r.date AS date, r.confidence AS confidence, r.evidence_count AS evidence_count,
       reduce(joined = head(provs), p IN tail(provs) | joined + ';' + p) AS provenance
ORDER BY type, source, target;
