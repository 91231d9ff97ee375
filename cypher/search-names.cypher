// Candidates for a name and alias search, through the full-text index node_names (see schema.cypher).
// Core's SearchRanking orders them, as it does for every store.
// Parameters:
//   $query: string, a Lucene query the store builds from the words typed (each word folded to lower case, as a prefix)
//   $label: string or null, only nodes with this label
//   $limit: integer, how many candidates to return at most
CALL db.index.fulltext.queryNodes('node_names', $query) YIELD node
WITH node
WHERE $label IS NULL OR $label IN labels(node)
RETURN node
ORDER BY node.id
LIMIT $limit
