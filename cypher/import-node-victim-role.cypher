// Upserts a batch of VictimRole nodes by id and says, per row, whether it was created or changed.
// SET n = ... replaces every property, so a property the dataset dropped is dropped here too.
// Parameters:
//   $rows: list of {id: string, properties: map}; properties holds every stored property, id included
UNWIND $rows AS row
OPTIONAL MATCH (existing:VictimRole {id: row.id})
WITH row, existing IS NULL AS created, existing IS NOT NULL AND properties(existing) <> row.properties AS updated
MERGE (n:Entity:VictimRole {id: row.id})
SET n = row.properties
RETURN row.id AS id, created, updated
