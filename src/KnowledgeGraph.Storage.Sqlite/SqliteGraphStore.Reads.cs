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

        // Only the relationships shown are read: the topology picks them in NodeDetails' order and counts them all.
        var g = Topology().Graph;
        var at = g.IndexOf(id);
        var (chosen, total) = at < 0 ? ([], 0) : TopologyNeighbourhood.RelationshipsOf(g, at, relationshipLimit);
        var relationships = (await LoadRelationshipsByRowIdAsync(connection, chosen.Select(g.RowIdOf), cancellationToken)).Values.ToList();
        var others = await LoadNodesAsync(connection, relationships.Select(r => r.From == id ? r.To : r.From), cancellationToken);
        var refs = await LoadSourceRefsAsync(connection, NodeDetails.CitedIds(node, relationships), cancellationToken);
        return NodeDetails.Build(node, relationships, others, refs, relationshipLimit, total);
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

    public async Task<SourceEvidence?> GetSourceEvidenceAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var source = await LoadNodeAsync(connection, sourceId, cancellationToken);
        if (source is null || source.Label != Labels.Source) return null;
        var refs = await LoadSourceRefsAsync(connection, [sourceId], cancellationToken);

        var citingNodes = await connection.QueryAsync(
            $"SELECT {NodeColumns} FROM nodes n WHERE EXISTS (SELECT 1 FROM json_each(n.sources) WHERE value = $id) ORDER BY n.id",
            r => ReadNode(r), cancellationToken, ("$id", sourceId));
        var citingRels = await connection.QueryAsync(
            $"SELECT {RelationshipColumns} FROM relationships r WHERE EXISTS (SELECT 1 FROM json_each(r.sources) WHERE value = $id) ORDER BY r.id",
            r => ReadRelationship(r), cancellationToken, ("$id", sourceId));
        var ends = await LoadNodesAsync(connection, citingRels.SelectMany(r => new[] { r.From, r.To }), cancellationToken);

        return new SourceEvidence(refs[sourceId], source, citingNodes.Select(NodeRef.Of).ToList(),
            citingRels.Select(r => new CitedRelationship(r.Id, r.Type, NodeRef.Of(ends[r.From]), NodeRef.Of(ends[r.To]), r.Properties,
                r.Properties.LegalStatus(), r.Sources)).ToList());
    }

    public async Task<Dataset> ExportAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var nodes = await connection.QueryAsync($"SELECT {NodeColumns} FROM nodes n ORDER BY n.id", r => ReadNode(r), cancellationToken);
        var rels = await connection.QueryAsync($"SELECT {RelationshipColumns} FROM relationships r ORDER BY r.id", r => ReadRelationship(r), cancellationToken);
        return new Dataset(nodes, rels);
    }
}
