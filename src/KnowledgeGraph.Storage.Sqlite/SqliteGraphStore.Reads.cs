using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<NodeDetail?> GetNodeAsync(string id, int relationshipLimit, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var node = await LoadNodeAsync(connection, id, cancellationToken);
        if (node is null) return null;

        // Only the relationships shown are read: the topology picks them in NodeDetails' order and counts them all.
        var g = Topology().Graph;
        var at = g.IndexOf(id);
        var (chosen, total) = at < 0 ? ([], 0) : TopologyNeighbourhood.RelationshipsOf(g, at, relationshipLimit);
        var relationships = (await LoadRelationshipsByRowIdAsync(connection, chosen.Select(c => g.RowIdOf(c.Relationship)), cancellationToken))
            .Values.ToList();
        var others = (await LoadNodesByRowIdAsync(connection, chosen.Select(c => g.NodeRowIdOf(c.Other)).Distinct(), cancellationToken))
            .Values.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var refs = await LoadSourceRefsAsync(connection, NodeDetails.CitedIds(node, relationships), cancellationToken);
        return NodeDetails.Build(node, relationships, others, refs, relationshipLimit, total);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var words = SearchRanking.Words(query.Text);
        if (words.Count == 0) return new SearchResult([], false);
        // Every word must start some word of a name or alias: "carr dav" finds David Carrick.
        var match = string.Join(" AND ", words.Select(w => $"\"{w}\"*"));
        // Names that start with the first word (FTS5's ^: the start of the column, which begins with the name) are
        // fetched first, so the best tiers of SearchRanking are among the candidates however many names match; the
        // rest fill up to the cap, which bounds the ranking's cost (a common surname matches thousands).
        var startsWith = $"^{match}";
        var cap = Math.Min(QueryLimits.MaxResults * 4, Math.Max(200, query.Limit * 4));
        await using var connection = Open();
        var candidates = new List<SearchHit>();
        foreach (var expression in new[] { startsWith, match })
        {
            // Ranking needs only ids, labels and names: the search row shares its node's rowid (one lookup, not two),
            // and properties are read only for victim roles, whose shown name is rebuilt from them.
            candidates.AddRange(await connection.QueryAsync(
                """
                SELECT n.id, n.label, n.name, n.aliases, CASE WHEN n.label = 'VictimRole' THEN n.properties END
                FROM node_names f JOIN nodes n ON n.rowid = f.rowid
                WHERE node_names MATCH $match AND ($label IS NULL OR n.label = $label)
                LIMIT $cap
                """,
                ReadSearchHit, cancellationToken, ("$match", expression), ("$label", query.Label), ("$cap", cap)));
        }
        return SearchRanking.Rank(candidates, query.Text, query.Limit);
    }

    private static SearchHit ReadSearchHit(SqliteDataReader r)
    {
        var label = r.GetString(1);
        if (label == Labels.VictimRole) return new SearchHit(r.GetString(0), label, VictimProtection.DisplayName(PropertyJson.Read(r.NullableString(4))), []);
        var aliases = r.GetString(3);
        return new SearchHit(r.GetString(0), label, r.GetString(2), aliases == "[]" ? [] : PropertyJson.ReadList(aliases));
    }
}
