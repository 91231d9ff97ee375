using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<NodeDetail?> GetNodeAsync(string id, int relationshipLimit, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var node = await LoadNodeAsync(connection, id, cancellationToken);
        if (node is null) return null;

        var relationships = await LoadRelationshipsTouchingAsync(connection, [id], null, cancellationToken);
        var others = await LoadNodesAsync(connection, relationships.Select(r => r.From == id ? r.To : r.From), cancellationToken);
        var refs = await LoadSourceRefsAsync(connection, NodeDetails.CitedIds(node, relationships), cancellationToken);
        return NodeDetails.Build(node, relationships, others, refs, relationshipLimit);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var words = SearchRanking.Words(query.Text);
        if (words.Count == 0) return new SearchResult([], false);
        // Every word must start some word of a name or alias: "carr dav" finds David Carrick.
        var match = string.Join(" AND ", words.Select(w => $"\"{w}\"*"));
        await using var connection = Open();
        var candidates = await connection.QueryAsync(
            $"""
            SELECT {NodeColumns} FROM node_names f JOIN nodes n ON n.id = f.id
            WHERE node_names MATCH $match AND ($label IS NULL OR n.label = $label)
            LIMIT $cap
            """,
            r => ReadNode(r), cancellationToken, ("$match", match), ("$label", query.Label), ("$cap", QueryLimits.MaxResults * 4));
        return SearchRanking.Rank(candidates.Select(n => new SearchHit(n.Id, n.Label, n.Name, n.Aliases)), query.Text, query.Limit);
    }
}
