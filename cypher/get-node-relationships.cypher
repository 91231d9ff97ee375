// At most $limit relationships of a node in both directions, with the node at the other end, in the order a node's
// detail shows them (type, then the other node's id, then relationship id), so a hub's relationships are never all sent.
// Parameters:
//   $id: string, the node id
//   $limit: integer, how many relationships to return at most
MATCH (n:Entity {id: $id})-[r]-(other:Entity)
RETURN r AS relationship, startNode(r).id AS from, endNode(r).id AS to, other
ORDER BY type(r), other.id, r.id
LIMIT $limit
