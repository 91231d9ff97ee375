// One page of the relationships that cite a source (a citation may carry a locator), by id, with both ends and how many there are.
// Parameters:
//   $sourceId: string
//   $skip: integer
//   $limit: integer
MATCH (a:Entity)-[r]->(b:Entity)
WHERE any(s IN r.sources WHERE s = $sourceId OR s STARTS WITH $sourceId + '#')
WITH r, a, b
ORDER BY r.id
WITH collect({relationship: r, fromNode: a, toNode: b}) AS citing
RETURN size(citing) AS total, citing[$skip..$skip + $limit] AS relationships
