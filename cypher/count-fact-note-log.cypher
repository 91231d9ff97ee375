// Right of reply: how many entries the corrections log holds from a date on (the total of every page).
// Parameters:
//   $since: string or null, a partial date; entries dated before it are not counted
MATCH (n:FactNote)
WHERE $since IS NULL OR n.date >= $since
RETURN count(n) AS total
