// How many relationships each node has, in both directions (a path through a node with many says little: a hub).
// Parameters:
//   $ids: list of string, node ids
UNWIND $ids AS nodeId
MATCH (n:Entity {id: nodeId})
RETURN n.id AS id, COUNT { (n)--() } AS degree
