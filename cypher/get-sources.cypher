// Citations: the Source nodes with the given ids and the name of their publisher (first by id when several).
// Parameters:
//   $ids: list of string, Source ids
UNWIND $ids AS sourceId
MATCH (s:Source {id: sourceId})
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(publisher:Organisation)
WITH s, publisher
ORDER BY publisher.id
WITH s, collect(publisher.name) AS publishers
RETURN s.id AS id, s.title AS title, s.kind AS kind, s.published AS published, s.url AS url,
       publishers[0] AS publisher, s.seedFile AS seedFile
ORDER BY id
