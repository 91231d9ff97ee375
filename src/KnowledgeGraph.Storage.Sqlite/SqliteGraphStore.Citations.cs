using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    private readonly FileIndex<CitationIndex> _citationIndex;

    /// <summary>Source id → the rowids of the nodes and of the relationships citing it, each in id order. Citations with a
    /// locator (<c>source:x#row 5</c>) count for their source. Built from the file on first use; compact (rowids only).</summary>
    private sealed record CitationIndex(Dictionary<string, List<long>> Nodes, Dictionary<string, List<long>> Relationships);

    private async Task<CitationIndex> BuildCitationIndexAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        return new CitationIndex(await CitingRowsAsync(connection, "nodes", cancellationToken), await CitingRowsAsync(connection, "relationships", cancellationToken));
    }

    private static Task<Dictionary<string, List<long>>> CitingRowsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string table,
        CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        // Looked up by the id's text within the citation: a substring and a set per row were most of this build.
        var bySourceId = index.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var row in connection.Rows($"SELECT rowid, sources FROM {table} WHERE sources <> '[]' ORDER BY id", cancellationToken))
        {
            var rowid = row.GetInt64(0);
            foreach (var citation in row.List(1))
            {
                var sourceId = Citation.SourceIdOf(citation);
                if (!bySourceId.TryGetValue(sourceId, out var rows)) bySourceId[sourceId] = rows = [];
                if (rows.Count == 0 || rows[^1] != rowid) rows.Add(rowid); // a row citing a source twice is listed once
            }
        }
        foreach (var rows in index.Values) rows.TrimExcess();
        return Task.FromResult(index);
    }

    public async Task<SourceEvidence?> GetSourceEvidenceAsync(string sourceId, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var source = await LoadNodeAsync(connection, sourceId, cancellationToken);
        if (source is null || source.Label != Labels.Source) return null;
        var refs = await LoadSourceRefsAsync(connection, [sourceId], cancellationToken);
        var index = await _citationIndex.GetAsync().WaitAsync(cancellationToken);
        var nodeRows = index.Nodes.GetValueOrDefault(sourceId) ?? [];
        var relationshipRows = index.Relationships.GetValueOrDefault(sourceId) ?? [];
        var slice = EvidencePaging.Slice(nodeRows.Count, relationshipRows.Count, page);

        var nodeIds = nodeRows.GetRange(slice.NodeSkip, slice.NodeTake);
        var nodes = await connection.QueryAsync($"SELECT n.rowid, {NodeColumns} FROM nodes n WHERE n.rowid IN (SELECT value FROM json_each($rows))",
            r => (Row: r.GetInt64(0), Node: ReadNode(r, 1)), cancellationToken, ("$rows", System.Text.Json.JsonSerializer.Serialize(nodeIds)));
        var relationshipIds = relationshipRows.GetRange(slice.RelationshipSkip, slice.RelationshipTake);
        var relationships = await connection.QueryAsync(
            $"SELECT r.rowid, {RelationshipColumns} FROM relationships r WHERE r.rowid IN (SELECT value FROM json_each($rows))",
            r => (Row: r.GetInt64(0), Relationship: ReadRelationship(r, 1)), cancellationToken,
            ("$rows", System.Text.Json.JsonSerializer.Serialize(relationshipIds)));
        var ends = await LoadNodesAsync(connection, relationships.SelectMany(r => new[] { r.Relationship.From, r.Relationship.To }), cancellationToken);

        // Rows come back in rowid order; the index gives the id order.
        var nodeAt = nodes.ToDictionary(n => n.Row, n => n.Node);
        var relationshipAt = relationships.ToDictionary(r => r.Row, r => r.Relationship);
        return new SourceEvidence(refs[sourceId], source, nodeRows.Count, relationshipRows.Count, nodeRows.Count + relationshipRows.Count, slice.Next,
            nodeIds.Select(row => CitingNode.Of(nodeAt[row])).ToList(),
            relationshipIds.Select(row => relationshipAt[row])
                .Select(r => new CitedRelationship(r.Id, r.Type, NodeRef.Of(ends[r.From]), NodeRef.Of(ends[r.To]), r.Properties, r.Properties.LegalStatus(), r.Sources))
                .ToList());
    }
}
