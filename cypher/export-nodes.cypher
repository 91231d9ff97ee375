// Every graph node, by id (export).
// Parameters: none.
MATCH (n:Entity)
RETURN n AS node
ORDER BY n.id
