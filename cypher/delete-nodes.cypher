// Deletes a batch of graph nodes by id (found stale by list-node-ids), with any relationship still attached.
// Parameters:
//   $ids: list of string, ids of the nodes to delete
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
RETURN count(n) AS deleted
