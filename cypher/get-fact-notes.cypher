// Right of reply: the notes about the given facts, by exact fact id or by relationship base id (the id without #key).
// Both are indexed (schema.cypher), so the planner seeks each list rather than scanning the notes.
// Parameters:
//   $ids: list of string, node or relationship ids
//   $bases: list of string, relationship ids without their #key
MATCH (n:FactNote)
WHERE n.factId IN $ids OR n.factBase IN $bases
RETURN n.entry AS entry
ORDER BY n.key
