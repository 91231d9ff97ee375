// The units that are part of the given forces.
// Parameters:
//   $forceIds: list of string
UNWIND $forceIds AS forceId
MATCH (unit:Unit)-[:PART_OF]->(:Force {id: forceId})
RETURN DISTINCT unit.id AS id
ORDER BY id
