// name: relations_citing_document
// description: The relations that one document is evidence for, with that
//   document's sentences for each (in text order).
// param doc (document, required): the document id (see `actorgraph query documents`)
// example: actorgraph query relations_citing_document --param doc=trump-petro-summit-preview
:param doc => 'trump-petro-summit-preview';

MATCH (s:Actor)-[r]->(t:Actor)
WHERE $doc IN r.ev_doc
CALL (r) {
  UNWIND range(0, size(r.ev_doc) - 1) AS i
  WITH r, i
  WHERE r.ev_doc[i] = $doc
  WITH r, i
  ORDER BY r.ev_start[i], r.ev_end[i]
  RETURN collect(r.ev_sentence[i]) AS sentences
}
WITH s, r, t, sentences,
     COLLECT { UNWIND coalesce(r.ev_provenance, ['text']) AS p RETURN DISTINCT p ORDER BY p } AS provs
RETURN s.id AS source, s.name AS source_name, type(r) AS type, t.id AS target, t.name AS target_name,
       r.date AS date, r.confidence AS confidence, r.evidence_count AS evidence_count,
       reduce(joined = head(provs), p IN tail(provs) | joined + ';' + p) AS provenance, sentences
ORDER BY type, source, target;
