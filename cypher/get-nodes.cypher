// The nodes with the given ids, by id; ids that do not exist are left out.
// Parameters:
//   $ids: list of string, node ids
UNWIND $ids AS nodeId
MATCH (n:Entity {id: nodeId})
RETURN n AS node
ORDER BY n.id
