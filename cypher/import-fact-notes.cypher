// Right of reply: writes the dataset's notes, one FactNote node per log entry. A withholding has no factId and no
// factBase (only its reason and dates are kept); the withheld fact itself is never sent to Neo4j.
// Parameters:
//   $notes: list of {key: string, kind: string, date: string, factId: string or null, factBase: string or null,
//           entry: string (the entry as JSON)}
UNWIND $notes AS note
CREATE (n:FactNote)
SET n = note
RETURN count(n) AS written
