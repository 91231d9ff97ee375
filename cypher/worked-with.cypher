// WORKED_WITH relationships of an officer in either direction: a source says directly they worked together.
// Parameters:
//   $officerId: string
MATCH (a:Officer)-[w:WORKED_WITH]->(b:Officer)
WHERE a.id = $officerId OR b.id = $officerId
RETURN w AS relationship, a AS officer, b AS otherOfficer
ORDER BY w.id
