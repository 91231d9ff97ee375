// Every IDENTIFIED_AS relationship, by id (the export's victim-protection pre-pass reads these first).
// Parameters: none.
MATCH (a:VictimRole)-[r:IDENTIFIED_AS]->(b:Entity)
RETURN r AS relationship, a.id AS from, b.id AS to
ORDER BY r.id
