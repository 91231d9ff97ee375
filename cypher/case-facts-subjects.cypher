// The officers who are subjects of the given cases, with the role and legal status the SUBJECT_OF relationship gives.
// Parameters:
//   $caseIds: list of string
UNWIND $caseIds AS caseId
MATCH (officer:Officer)-[s:SUBJECT_OF]->(c:Case {id: caseId})
RETURN c.id AS caseId, officer, s.role AS role, s.legalStatus AS legalStatus
ORDER BY s.id
