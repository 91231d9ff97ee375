// The relationships that cite a source in their sources list, by id, with both end nodes.
// Parameters:
//   $sourceId: string
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $sourceId IN r.sources
RETURN r AS relationship, a AS fromNode, b AS toNode
ORDER BY r.id
