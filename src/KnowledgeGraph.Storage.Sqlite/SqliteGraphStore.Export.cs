using System.Runtime.CompilerServices;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Rows are yielded as SQLite reads them, so an export of the national graph never holds it in memory. Their short text
    // (labels, types, property keys) comes from a bounded pool: not made again for every row, and not growing with the graph.
    private const int ExportPoolSize = 4096;

    public async IAsyncEnumerable<GraphNode> ExportNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open();
        foreach (var row in connection.Rows($"SELECT {NodeColumns} FROM nodes n ORDER BY n.id", new StringPool(ExportPoolSize), cancellationToken))
        {
            yield return ReadNode(row);
            await Task.CompletedTask; // SQLite reads synchronously; the caller's writes are what await
        }
    }

    public async IAsyncEnumerable<GraphRelationship> ExportRelationshipsAsync(string? type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var rows = type is null
            ? connection.Rows($"SELECT {RelationshipColumns} FROM relationships r ORDER BY r.id", new StringPool(ExportPoolSize), cancellationToken)
            : connection.Rows($"SELECT {RelationshipColumns} FROM relationships r WHERE r.type = $type ORDER BY r.id", new StringPool(ExportPoolSize),
                cancellationToken, ("$type", type));
        foreach (var row in rows)
        {
            yield return ReadRelationship(row);
            await Task.CompletedTask;
        }
    }
}
