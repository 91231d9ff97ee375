// Every case with the cases it is related to (either direction), by id.
// Parameters: none.
MATCH (c:Case)
OPTIONAL MATCH (c)-[:RELATED_TO]-(related:Case)
WITH c, related
ORDER BY related.id
RETURN c AS case, collect(DISTINCT related) AS related
ORDER BY c.id
