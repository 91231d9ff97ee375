// Outcome statistics input: the events of every case the filters keep (a subject who served in the force or one of
// its units; the category), by case id. Aggregated per case so each row is one case.
// Parameters:
//   $forceId: string or null
//   $category: string or null
MATCH (c:Case)
WHERE ($category IS NULL OR $category IN c.categories)
  AND ($forceId IS NULL OR EXISTS {
    MATCH (:Force {id: $forceId})<-[:PART_OF*0..1]-(:Entity)<-[:SERVED_IN]-(:Officer)-[:SUBJECT_OF]->(c)
  })
OPTIONAL MATCH (c)-[:HAS_EVENT]->(e:Event)
WITH c, e
ORDER BY e.id
WITH c, collect(e {.id, .date, .kind, .legalStatus, .misconductLevel, .sanction}) AS events
RETURN c.id AS caseId, events
ORDER BY caseId
