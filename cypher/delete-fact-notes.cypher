// Right of reply: removes every stored note (replies, corrections, withholdings) before the import writes the
// dataset's notes again. FactNote nodes carry no Entity label, so no graph query ever meets them.
// Parameters: none.
MATCH (n:FactNote)
DETACH DELETE n
RETURN count(*) AS deleted
