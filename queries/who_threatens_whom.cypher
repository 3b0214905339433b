// name: who_threatens_whom
// description: Who threatens whom: every THREATENS relation, with its date, confidence and
//   number of evidence sentences, provenance (relations_of_type with types = ['THREATENS']).
// example: actorgraph query who_threatens_whom

MATCH (s:Actor)-[r:THREATENS]->(t:Actor)
WITH s, r, t, COLLECT { UNWIND coalesce(r.ev_provenance, ['text']) AS p RETURN DISTINCT p ORDER BY p } AS provs
RETURN s.id AS source, s.name AS source_name, type(r) AS type, t.id AS target, t.name AS target_name,
       r.date AS date, r.confidence AS confidence, r.evidence_count AS evidence_count,
       reduce(joined = head(provs), p IN tail(provs) | joined + ';' + p) AS provenance
ORDER BY source, target;
