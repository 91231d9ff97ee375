// The nodes that cite a source in their sources list, by id.
// Parameters:
//   $sourceId: string
MATCH (n:Entity)
WHERE $sourceId IN n.sources
RETURN n AS node
ORDER BY n.id
