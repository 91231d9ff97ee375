// Deletes every graph node whose id the dataset no longer has.
// Parameters:
//   $ids: list of string, every node id in the dataset
MATCH (n:Entity)
WHERE NOT n.id IN $ids
DETACH DELETE n
RETURN count(*) AS deleted
