// Every relationship of a node in both directions, by relationship id, with the node at the other end.
// Parameters:
//   $id: string, the node id
MATCH (n:Entity {id: $id})-[r]-(other:Entity)
RETURN r AS relationship, startNode(r).id AS from, endNode(r).id AS to, other
ORDER BY r.id
