// A case's events with who acted in each (BY) and in what role.
// Parameters:
//   $caseId: string
MATCH (:Case {id: $caseId})-[:HAS_EVENT]->(event:Event)
OPTIONAL MATCH (event)-[by:BY]->(actor:Entity)
WITH event, by, actor
ORDER BY actor.id, by.role
RETURN event, collect(CASE WHEN actor IS NULL THEN null ELSE {node: actor, role: by.role} END) AS actors
ORDER BY event.id
