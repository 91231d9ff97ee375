using KnowledgeGraph.Core.Graph;
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
        var relationships = (await LoadRelationshipsByRowIdAsync(connection, chosen.Select(c => g.RowIdOf(c.Relationship)), cancellationToken))
            .Values.ToList();
        var others = (await LoadNodesByRowIdAsync(connection, chosen.Select(c => g.NodeRowIdOf(c.Other)).Distinct(), cancellationToken))
            .Values.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var refs = await LoadSourceRefsAsync(connection, NodeDetails.CitedIds(node, relationships), cancellationToken);
        return NodeDetails.Build(node, relationships, others, refs, relationshipLimit, total);
    }
}
