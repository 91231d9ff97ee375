// One page of the ids of every graph node, in id order, so an import can find stale nodes without sending every id.
// The page follows the entity_id index; the next page starts after the last id of this one.
// Parameters:
//   $after: string, the last id of the previous page ('' for the first page)
//   $limit: integer, page size
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id
ORDER BY n.id
LIMIT $limit
