// One page of the export's relationships: those leaving the next $limit start nodes by id after $after (keyset paging
// on the id constraint), optionally of one type. The caller pages on the last start node id it saw.
// Parameters:
//   $after: string ("" for the first page)
//   $limit: integer
//   $type: string or null
MATCH (a:Entity)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE $type IS NULL OR type(r) = $type
RETURN a.id AS start, r AS relationship, a.id AS from, b.id AS to
ORDER BY start, r.id
