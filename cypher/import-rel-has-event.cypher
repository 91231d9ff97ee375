// Upserts a batch of HAS_EVENT relationships by id and says, per row, whether it was created or changed.
// storedSources: the sources it had, when nothing else differs (the caller tells citations re-pointed to other rows from an update).
// A row whose end nodes are missing returns nothing, so the caller can name it.
// Parameters:
//   $rows: list of {id: string, from: string, to: string, properties: map}; properties holds id and sources too
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[existing:HAS_EVENT {id: row.id}]->(b)
WITH row, a, b, existing IS NULL AS created, existing IS NOT NULL AND properties(existing) <> row.properties AS updated,
     CASE WHEN existing IS NOT NULL AND existing {.*, sources: row.properties.sources} = row.properties THEN existing.sources END AS storedSources
MERGE (a)-[r:HAS_EVENT {id: row.id}]->(b)
SET r = row.properties
RETURN row.id AS id, created, updated, storedSources
