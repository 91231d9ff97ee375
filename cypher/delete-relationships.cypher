// Deletes a batch of relationships by element id (found stale by list-relationship-ids).
// Parameters:
//   $elementIds: list of string, element ids of the relationships to delete
UNWIND $elementIds AS elementId
MATCH ()-[r]->()
WHERE elementId(r) = elementId
DELETE r
RETURN count(r) AS deleted
