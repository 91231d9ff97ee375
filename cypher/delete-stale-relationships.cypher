// Deletes every relationship between graph nodes whose id the dataset no longer has (or that has no id).
// Runs before delete-stale-nodes so that the count names only relationships, not those a node takes along.
// Parameters:
//   $ids: list of string, every relationship id in the dataset
MATCH (:Entity)-[r]->(:Entity)
WHERE r.id IS NULL OR NOT r.id IN $ids
DELETE r
RETURN count(*) AS deleted
