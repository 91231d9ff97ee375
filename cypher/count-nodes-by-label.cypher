// Number of nodes per label (the shared Entity label left out).
// Parameters: none.
MATCH (n:Entity)
UNWIND labels(n) AS label
WITH label
WHERE label <> 'Entity'
RETURN label, count(*) AS count
ORDER BY label
