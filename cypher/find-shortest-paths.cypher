// All shortest undirected paths between two nodes, avoiding excluded ids and labels in between, in a stable order
// (node ids along the path, then relationship ids). The exclusion is an inline predicate of the quantified path
// pattern, so Neo4j applies it while it searches (a node that may not be passed is never expanded), instead of
// filtering whole paths after allShortestPaths found them. The end node is always allowed.
// The hop bound must be a literal: 6 is QueryLimits.MaxHops, and $maxHops narrows it.
// Parameters:
//   $from: string, start node id
//   $to: string, end node id
//   $maxHops: integer, at most QueryLimits.MaxHops (6)
//   $excludeIds: list of string, nodes a path may not pass through
//   $excludeLabels: list of string, labels a path may not pass through
//   $limit: integer, how many paths to return at most
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a) (()-[]-(step:Entity WHERE step.id = $to
    OR (NOT step.id IN $excludeIds AND none(label IN labels(step) WHERE label IN $excludeLabels)))){1,6} (b)
WHERE length(p) <= $maxHops
RETURN p AS path
ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | r.id]
LIMIT $limit
