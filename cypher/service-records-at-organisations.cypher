// Every SERVED_IN spell at the given forces or units, with the force each belongs to
// (the force itself, or the first by id the unit is part of). ServedTogetherRule decides from these.
// Parameters:
//   $organisationIds: list of string, Force or Unit ids
UNWIND $organisationIds AS organisationId
MATCH (officer:Officer)-[s:SERVED_IN]->(place:Entity {id: organisationId})
OPTIONAL MATCH (place)-[:PART_OF]->(parent:Force)
WITH officer, s, place, min(parent.id) AS parentForceId
RETURN s AS relationship, officer, place, CASE WHEN place:Force THEN place.id ELSE parentForceId END AS forceId
ORDER BY s.id
