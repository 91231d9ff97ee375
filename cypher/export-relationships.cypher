// Every relationship between graph nodes, by id, with the ids of its ends (export).
// Parameters: none.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN r AS relationship, a.id AS from, b.id AS to
ORDER BY r.id
