// name: relations_by_source
// description: What one source says: every relation with evidence of the given provenance
//   ('text' for extraction from documents, or an event dataset: 'gdelt', 'polecat', 'icews',
//   'acled'), with how many of its evidence items come from that source and from all sources.
// param source (string): the provenance to keep
// param types (relation_types): relation types to list; [] for all
// example: actorgraph query relations_by_source --param source=gdelt
:param source => 'gdelt';
:param types => [];

MATCH (s:Actor)-[r]->(t:Actor)
WHERE ($types = [] OR type(r) IN $types)
  AND $source IN coalesce(r.ev_provenance, ['text'])
WITH s, r, t, size([p IN coalesce(r.ev_provenance, ['text']) WHERE p = $source]) AS from_source
RETURN s.id AS source, s.name AS source_name, type(r) AS type, t.id AS target, t.name AS target_name,
       r.date AS date, from_source, r.evidence_count AS evidence_count
ORDER BY type, source, target;
