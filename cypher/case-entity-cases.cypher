// For each entity one case is made of, every case sharing it (CaseConnectionRule.EntitiesOf): starting from the
// entities, never from all cases. Each case comes with its name, legal status and dates, so the store can rank the
// members of a hub without loading them; the caller decides which entities are hubs.
// Parameters:
//   $caseId: string
//   $officerIds: list of string
//   $unitIds: list of string
//   $forceIds: list of string
//   $institutionIds: list of string
//   $sourceIds: list of string
//   $categories: list of string
CALL {
  MATCH (:Case {id: $caseId})-[:RELATED_TO]-(c:Case)
  RETURN 'related' AS kind, $caseId AS entityId, c
  UNION ALL
  UNWIND $officerIds AS entityId
  MATCH (:Officer {id: entityId})-[:SUBJECT_OF]->(c:Case)
  RETURN 'officer' AS kind, entityId, c
  UNION ALL
  UNWIND $unitIds AS entityId
  MATCH (:Unit {id: entityId})<-[:SERVED_IN]-(:Officer)-[:SUBJECT_OF]->(c:Case)
  RETURN 'unit' AS kind, entityId, c
  UNION ALL
  UNWIND $forceIds AS entityId
  MATCH (:Force {id: entityId})<-[:PART_OF*0..1]-(:Entity)<-[:SERVED_IN]-(:Officer)-[:SUBJECT_OF]->(c:Case)
  RETURN 'force' AS kind, entityId, c
  UNION ALL
  UNWIND $institutionIds AS entityId
  MATCH (:Entity {id: entityId})<-[:BY]-(:Event)<-[:HAS_EVENT]-(c:Case)
  RETURN 'institution' AS kind, entityId, c
  UNION ALL
  UNWIND $sourceIds AS entityId
  MATCH (:Source {id: entityId})-[:REPORTS_ON|COMMENTS_ON]->(c:Case)
  RETURN 'source' AS kind, entityId, c
  UNION ALL
  UNWIND $sourceIds AS entityId
  MATCH (c:Case)
  WHERE any(s IN c.sources WHERE s = entityId OR s STARTS WITH entityId + '#')
  RETURN 'source' AS kind, entityId, c
  UNION ALL
  UNWIND $categories AS entityId
  MATCH (c:Case)
  WHERE entityId IN c.categories
  RETURN 'category' AS kind, entityId, c
}
WITH DISTINCT kind, entityId, c
OPTIONAL MATCH (c)-[:HAS_EVENT]->(e:Event)
WITH kind, entityId, c, collect(e.date) AS eventDates
RETURN kind, entityId, c.id AS caseId, c.name AS name, c.legalStatus AS legalStatus, c.date AS date, eventDates
ORDER BY kind, entityId, caseId
