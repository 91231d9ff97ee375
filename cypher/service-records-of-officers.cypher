// Every SERVED_IN spell of the given officers, with the force each belongs to
// (the force itself, or the first by id the unit is part of).
// Parameters:
//   $officerIds: list of string
UNWIND $officerIds AS officerId
MATCH (officer:Officer {id: officerId})-[s:SERVED_IN]->(place:Entity)
OPTIONAL MATCH (place)-[:PART_OF]->(parent:Force)
WITH officer, s, place, min(parent.id) AS parentForceId
RETURN s AS relationship, officer, place, CASE WHEN place:Force THEN place.id ELSE parentForceId END AS forceId
ORDER BY s.id
