// Right of reply: one page of the public corrections log, newest first, then by key.
// Parameters:
//   $since: string or null, a partial date (YYYY, YYYY-MM or YYYY-MM-DD); entries dated before it are left out
//   $skip: integer, entries before the page
//   $limit: integer, entries in the page
MATCH (n:FactNote)
WHERE $since IS NULL OR n.date >= $since
RETURN n.entry AS entry
ORDER BY n.date DESC, n.key
SKIP $skip
LIMIT $limit
