using System.Runtime.CompilerServices;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Rows are yielded as SQLite reads them, so an export of the national graph never holds it in memory.

    public async IAsyncEnumerable<GraphNode> ExportNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.Command($"SELECT {NodeColumns} FROM nodes n ORDER BY n.id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return ReadNode(reader);
    }

    public async IAsyncEnumerable<GraphRelationship> ExportRelationshipsAsync(string? type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = type is null
            ? connection.Command($"SELECT {RelationshipColumns} FROM relationships r ORDER BY r.id")
            : connection.Command($"SELECT {RelationshipColumns} FROM relationships r WHERE r.type = $type ORDER BY r.id", ("$type", type));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return ReadRelationship(reader);
    }
}
