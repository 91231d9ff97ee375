// Where an officer served: each force or unit, with the force itself or the force the unit is part of.
// Parameters:
//   $officerId: string
MATCH (:Officer {id: $officerId})-[:SERVED_IN]->(place:Entity)
OPTIONAL MATCH (place)-[:PART_OF]->(parent:Force)
RETURN DISTINCT place.id AS organisationId, CASE WHEN place:Force THEN place.id ELSE parent.id END AS forceId
ORDER BY organisationId, forceId
