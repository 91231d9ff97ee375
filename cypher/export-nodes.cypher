// One page of the export's nodes: the next $limit nodes by id after $after (keyset paging on the id constraint, so
// every page costs the same however far the export has gone).
// Parameters:
//   $after: string ("" for the first page)
//   $limit: integer
MATCH (n:Entity)
WHERE n.id > $after
RETURN n AS node
ORDER BY n.id
LIMIT $limit
