// One page of the relationships between graph nodes, paged by their start node in id order: for each start node, the
// id (null when it has none) and element id of every relationship leaving it to a graph node.
// Parameters:
//   $after: string, the last start node id of the previous page ('' for the first page)
//   $limit: integer, start nodes per page
MATCH (n:Entity)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
OPTIONAL MATCH (n)-[r]->(:Entity)
RETURN n.id AS node, [x IN collect(r) | {id: x.id, elementId: elementId(x)}] AS relationships
ORDER BY node
