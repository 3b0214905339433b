// name: dyad_timeline
// description: A dyad's relations over time: one row per evidence sentence of a
//   relation between two actors (either direction), ordered by the sentence's
//   date, else its document's date (dated_by says which; 'position' when neither),
//   then position in the document; background (a sentence stating what came before
//   its document, 'for years', 'has repeatedly') by the earliest bound the text
//   gives (since), first when it gives none; with each relation type's
//   cooperation–conflict score and the running balance; provenance is 'text' or
//   the event dataset that coded the row (url: its article, when the dataset gives one).
// param a (actor, required): one actor of the dyad
// param b (actor, required): the other
// param types (relation_types): relation types to include; [] for all
// param scores (scores): relation type → score (filled from the taxonomy)
// example: actorgraph query dyad_timeline --param a=trump --param b=petro
:param a => 'donald-trump';
:param b => 'gustavo-petro';
:param types => [];
:param scores => {MEETS: 1.0, NEGOTIATES: 1.5, COOPERATES_WITH: 5.0, ALLIED_WITH: 7.0, PRAISES: 3.5, SUPPORTS: 7.0, CRITICISES: -2.0, DEMANDS: -2.5, REJECTS: -4.0, THREATENS: -6.0, SANCTIONS: -7.0, COERCES: -8.0, OPPOSES: -3.0, CONCEDES: 5.0, REPORTS_ON: 0.0, LEADS: 0.0, MEMBER_OF: 0.0};

MATCH (x:Actor {id: $a})-[r]-(y:Actor {id: $b})
WHERE x <> y AND ($types = [] OR type(r) IN $types)
UNWIND range(0, size(r.ev_doc) - 1) AS i
OPTIONAL MATCH (d:Document {id: r.ev_doc[i]})
WITH startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, r.ev_doc[i] AS doc,
     CASE WHEN d.date = '' THEN null ELSE d.date END AS doc_date,
     CASE WHEN r.ev_date[i] = '' THEN null ELSE r.ev_date[i] END AS ev_date,
     r.ev_start[i] AS start, r.ev_end[i] AS stop, r.ev_sentence[i] AS sentence,
     coalesce(r.ev_background[i], false) AS background,
     CASE WHEN r.ev_since[i] = '' THEN null ELSE r.ev_since[i] END AS since,
     coalesce(r.ev_provenance[i], 'text') AS provenance,
     CASE WHEN r.ev_url[i] = '' THEN null ELSE r.ev_url[i] END AS url
WITH *, CASE WHEN background THEN since ELSE coalesce(ev_date, doc_date) END AS at,
     CASE WHEN background THEN 'background' WHEN ev_date IS NOT NULL THEN 'evidence'
          WHEN doc_date IS NOT NULL THEN 'document' ELSE 'position' END AS dated_by
ORDER BY at IS NULL AND NOT background, coalesce(at, ''), NOT background, doc_date, doc, start, stop, source, type, target
WITH collect({at: at, dated_by: dated_by, source: source, type: type, target: target,
              score: toFloat($scores[type]), doc: doc, doc_date: doc_date, start: start, stop: stop,
              sentence: sentence, background: background, since: since, provenance: provenance, url: url}) AS rows
UNWIND range(0, size(rows) - 1) AS i
WITH i, rows[i] AS row, reduce(s = 0.0, x IN rows[0..i + 1] | s + x.score) AS balance
RETURN i + 1 AS step, row.at AS `when`, row.dated_by AS dated_by, row.source AS source, row.type AS type,
       row.target AS target, row.score AS score, balance, row.doc AS doc, row.doc_date AS doc_date,
       row.start AS start, row.stop AS `end`, row.sentence AS sentence, row.background AS background,
       row.since AS since, CASE WHEN row.background THEN row.doc_date END AS until, row.provenance AS provenance,
       row.url AS url
ORDER BY step;
