// One page of the nodes that cite a source (a citation may carry a locator: "source:x#row 5"), by id, with how many there are.
// Parameters:
//   $sourceId: string
//   $skip: integer
//   $limit: integer
MATCH (n:Entity)
WHERE any(s IN n.sources WHERE s = $sourceId OR s STARTS WITH $sourceId + '#')
WITH n
ORDER BY n.id
WITH collect(n) AS citing
RETURN size(citing) AS total, citing[$skip..$skip + $limit] AS nodes
