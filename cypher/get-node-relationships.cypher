// A node's relationships in both directions, by relationship id, with the node at the other end.
// Asks for one more than shown so the caller can tell the list was cut.
// Parameters:
//   $id: string, the node id
//   $limit: integer, how many relationships to return at most
MATCH (n:Entity {id: $id})-[r]-(other:Entity)
RETURN r AS relationship, startNode(r).id AS from, endNode(r).id AS to, other
ORDER BY r.id
LIMIT $limit
