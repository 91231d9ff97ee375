// The given cases with the cases they are related to (either direction) and the sources that report or comment on them.
// Parameters:
//   $caseIds: list of string
UNWIND $caseIds AS caseId
MATCH (c:Case {id: caseId})
OPTIONAL MATCH (c)-[:RELATED_TO]-(related:Case)
WITH c, collect(DISTINCT related) AS related
OPTIONAL MATCH (source:Source)-[:REPORTS_ON|COMMENTS_ON]->(c)
RETURN c AS caseNode, related, collect(DISTINCT source.id) AS reportingSourceIds
ORDER BY c.id
