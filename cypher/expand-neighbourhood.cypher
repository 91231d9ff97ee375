// One breadth-first step: the not yet visited neighbours of the frontier, by id, through followed types only.
// Parameters:
//   $frontier: list of string, ids of the nodes reached in the previous step
//   $visited: list of string, ids already included
//   $types: list of string or null, relationship types to follow (null: all)
//   $labels: list of string or null, labels a neighbour must have (null: any)
//   $limit: integer, how many neighbours to return at most
UNWIND $frontier AS frontierId
MATCH (:Entity {id: frontierId})-[r]-(m:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($labels IS NULL OR any(label IN labels(m) WHERE label IN $labels))
  AND NOT m.id IN $visited
RETURN DISTINCT m.id AS id
ORDER BY id
LIMIT $limit
