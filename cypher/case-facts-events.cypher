// The events of the given cases with the nodes that acted in them (one entry per BY relationship, by actor id).
// Parameters:
//   $caseIds: list of string
UNWIND $caseIds AS caseId
MATCH (c:Case {id: caseId})-[:HAS_EVENT]->(event:Event)
OPTIONAL MATCH (event)-[:BY]->(actor:Entity)
WITH c, event, actor
ORDER BY actor.id
RETURN c.id AS caseId, event, collect(actor) AS actors
ORDER BY caseId, event.id
