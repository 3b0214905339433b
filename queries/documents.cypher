// name: documents
// description: The stored documents with their title, date and how many actors they
//   mention, by date then id (undated last).
// example: actorgraph query documents

MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.date AS date, d.url AS url,
       COUNT { (d)-[:MENTIONS]->(:Actor) } AS actors
ORDER BY date, id;
