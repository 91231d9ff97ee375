// Every officer who is a subject of a case, with the role and legal status the SUBJECT_OF relationship gives.
// Parameters: none.
MATCH (officer:Officer)-[s:SUBJECT_OF]->(c:Case)
RETURN c.id AS caseId, officer, s.role AS role, s.legalStatus AS legalStatus
ORDER BY s.id
