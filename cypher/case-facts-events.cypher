// Every case event with the nodes that acted in it.
// Parameters: none.
MATCH (c:Case)-[:HAS_EVENT]->(event:Event)
OPTIONAL MATCH (event)-[:BY]->(actor:Entity)
WITH c, event, actor
ORDER BY actor.id
RETURN c.id AS caseId, event, collect(DISTINCT actor) AS actors
ORDER BY caseId, event.id
