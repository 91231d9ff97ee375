// Every case event with the nodes that acted in it (one entry per BY relationship, by actor id).
// Parameters: none.
MATCH (c:Case)-[:HAS_EVENT]->(event:Event)
OPTIONAL MATCH (event)-[:BY]->(actor:Entity)
WITH c, event, actor
ORDER BY actor.id
RETURN c.id AS caseId, event, collect(actor) AS actors
ORDER BY caseId, event.id
