// Upserts a batch of Force nodes by id and says, per row, whether it was created or changed.
// storedSources: the sources it had, when nothing else differs (the caller tells citations re-pointed to other rows from an update).
// SET n = ... replaces every property, so a property the dataset dropped is dropped here too.
// Parameters:
//   $rows: list of {id: string, properties: map}; properties holds every stored property, id included
UNWIND $rows AS row
OPTIONAL MATCH (existing:Force {id: row.id})
WITH row, existing IS NULL AS created, existing IS NOT NULL AND properties(existing) <> row.properties AS updated,
     CASE WHEN existing IS NOT NULL AND existing {.*, sources: row.properties.sources} = row.properties THEN existing.sources END AS storedSources
MERGE (n:Entity:Force {id: row.id})
SET n = row.properties
RETURN row.id AS id, created, updated, storedSources
