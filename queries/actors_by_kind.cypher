// name: actors_by_kind
// description: Actors of the given kinds (all when the list is empty), by kind then
//   id, with how many documents mention them and how many relations they have.
// param kinds (kinds): actor kinds (person, state, armed_group, ...); [] for all
// example: actorgraph query actors_by_kind --param kinds=person,armed_group
:param kinds => [];

MATCH (a:Actor)
WHERE $kinds = [] OR a.kind IN $kinds
RETURN a.id AS id, a.name AS name, a.kind AS kind, size(coalesce(a.documents, [])) AS documents,
       COUNT { (a)-[]->(:Actor) } + COUNT { (a)<-[]-(:Actor) } AS relations,
       COLLECT { UNWIND coalesce(a.aliases, []) AS alias RETURN alias ORDER BY alias } AS aliases
ORDER BY kind, id;
