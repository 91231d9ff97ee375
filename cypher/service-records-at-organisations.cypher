// Every SERVED_IN spell at the given forces or units, with the force each belongs to (the force itself, or the
// first by id the unit is part of). Served together asks only for an officer's own places (and, at force scope,
// their forces and those forces' units) or for one organisation; ServedTogetherRule decides, ranks and pages.
// Parameters:
//   $organisationIds: list of string, Force or Unit ids
UNWIND $organisationIds AS organisationId
MATCH (officer:Officer)-[s:SERVED_IN]->(place:Entity {id: organisationId})
OPTIONAL MATCH (place)-[:PART_OF]->(parent:Force)
WITH officer, s, place, parent
ORDER BY parent.id
WITH officer, s, place, collect(parent)[0] AS parent
WITH officer, s, place, CASE WHEN place:Force THEN place ELSE parent END AS force
RETURN s AS relationship, officer, place, force.id AS forceId, force.name AS forceName
ORDER BY s.id
