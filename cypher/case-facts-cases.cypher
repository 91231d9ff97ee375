// Every case with the cases it is related to (either direction) and the sources that report or comment on it.
// Parameters: none.
MATCH (c:Case)
OPTIONAL MATCH (c)-[:RELATED_TO]-(related:Case)
WITH c, collect(DISTINCT related) AS related
OPTIONAL MATCH (source:Source)-[:REPORTS_ON|COMMENTS_ON]->(c)
RETURN c AS caseNode, related, collect(DISTINCT source.id) AS reportingSourceIds
ORDER BY c.id
