// The relationships whose both ends are among the given nodes, by id, of the followed types.
// Parameters:
//   $ids: list of string, node ids
//   $types: list of string or null, relationship types (null: all)
UNWIND $ids AS nodeId
MATCH (a:Entity {id: nodeId})-[r]->(b:Entity)
WHERE b.id IN $ids AND ($types IS NULL OR type(r) IN $types)
RETURN r AS relationship, a.id AS from, b.id AS to
ORDER BY r.id
