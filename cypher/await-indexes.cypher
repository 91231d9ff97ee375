// Waits until every index is online, so a search right after the first import finds what it wrote.
// Parameters:
//   $timeoutSeconds: integer
CALL db.awaitIndexes($timeoutSeconds)
