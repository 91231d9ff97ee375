using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Writes the dataset in one transaction: upsert by id, compare the stored row to tell updated from unchanged,
    /// delete what the dataset no longer holds. Any failure rolls everything back, so the file is never half-written.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();

        var existingNodes = await connection.QueryAsync("SELECT id, label || '|' || name || '|' || aliases || '|' || properties || '|' || sources FROM nodes",
            r => (r.GetString(0), r.GetString(1)), cancellationToken);
        var nodeRows = existingNodes.ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var existingRels = await connection.QueryAsync("SELECT id, type || '|' || from_id || '|' || to_id || '|' || properties || '|' || sources FROM relationships",
            r => (r.GetString(0), r.GetString(1)), cancellationToken);
        var relRows = existingRels.ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

        // Relationships go first when deleting (they reference nodes) and last when writing.
        var wantedRels = dataset.Relationships.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var deletedRels = 0;
        foreach (var id in relRows.Keys.Where(id => !wantedRels.Contains(id)))
            deletedRels += await connection.ExecuteAsync("DELETE FROM relationships WHERE id = $id", cancellationToken, ("$id", id));

        var nodeCounts = new Counter();
        var done = 0;
        // Prepared once and reused: per-row parsing would dominate large imports.
        await using var upsertNode = connection.Command(
            """
            INSERT INTO nodes (id, label, name, aliases, properties, sources) VALUES ($id, $label, $name, $aliases, $properties, $sources)
            ON CONFLICT (id) DO UPDATE SET label = excluded.label, name = excluded.name, aliases = excluded.aliases,
                properties = excluded.properties, sources = excluded.sources
            RETURNING rowid
            """, ("$id", ""), ("$label", ""), ("$name", ""), ("$aliases", ""), ("$properties", ""), ("$sources", ""));
        // The search index row shares the node's rowid, so replacing it is an indexed lookup, not a scan.
        await using var replaceNames = connection.Command(
            "DELETE FROM node_names WHERE rowid = $rowid; INSERT INTO node_names (rowid, id, names) VALUES ($rowid, $id, $names)",
            ("$rowid", 0L), ("$id", ""), ("$names", ""));
        foreach (var node in dataset.Nodes)
        {
            var aliases = PropertyJson.WriteList(node.Aliases);
            var properties = PropertyJson.Write(node.Properties);
            var sources = PropertyJson.WriteList(node.Sources);
            var row = $"{node.Label}|{node.Name}|{aliases}|{properties}|{sources}";
            if (nodeCounts.Classify(nodeRows.GetValueOrDefault(node.Id), row))
            {
                Set(upsertNode, ("$id", node.Id), ("$label", node.Label), ("$name", node.Name), ("$aliases", aliases), ("$properties", properties), ("$sources", sources));
                var rowid = (long)(await upsertNode.ExecuteScalarAsync(cancellationToken))!;
                Set(replaceNames, ("$rowid", rowid), ("$id", node.Id), ("$names", string.Join(" \n ", node.Aliases.Prepend(node.Name))));
                await replaceNames.ExecuteNonQueryAsync(cancellationToken);
            }
            progress?.Report(new ImportProgress("nodes", ++done, dataset.Nodes.Count));
        }

        var relCounts = new Counter();
        done = 0;
        await using var upsertRel = connection.Command(
            """
            INSERT INTO relationships (id, type, from_id, to_id, properties, sources) VALUES ($id, $type, $from, $to, $properties, $sources)
            ON CONFLICT (id) DO UPDATE SET type = excluded.type, from_id = excluded.from_id, to_id = excluded.to_id,
                properties = excluded.properties, sources = excluded.sources
            """, ("$id", ""), ("$type", ""), ("$from", ""), ("$to", ""), ("$properties", ""), ("$sources", ""));
        foreach (var rel in dataset.Relationships)
        {
            var properties = PropertyJson.Write(rel.Properties);
            var sources = PropertyJson.WriteList(rel.Sources);
            if (relCounts.Classify(relRows.GetValueOrDefault(rel.Id), $"{rel.Type}|{rel.From}|{rel.To}|{properties}|{sources}"))
            {
                Set(upsertRel, ("$id", rel.Id), ("$type", rel.Type), ("$from", rel.From), ("$to", rel.To), ("$properties", properties), ("$sources", sources));
                await upsertRel.ExecuteNonQueryAsync(cancellationToken);
            }
            progress?.Report(new ImportProgress("relationships", ++done, dataset.Relationships.Count));
        }

        var wantedNodes = dataset.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var deletedNodes = 0;
        foreach (var id in nodeRows.Keys.Where(id => !wantedNodes.Contains(id)))
        {
            await connection.ExecuteAsync("DELETE FROM node_names WHERE rowid = (SELECT rowid FROM nodes WHERE id = $id)", cancellationToken, ("$id", id));
            deletedNodes += await connection.ExecuteAsync("DELETE FROM nodes WHERE id = $id", cancellationToken, ("$id", id));
        }

        await WriteFactNotesAsync(connection, dataset, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        OnImported();
        return new ImportSummary(nodeCounts.ToCounts(deletedNodes), relCounts.ToCounts(deletedRels));
    }

    private static void Set(Microsoft.Data.Sqlite.SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values) command.Parameters[name].Value = value;
    }

    private sealed class Counter
    {
        private int _created, _updated, _unchanged;

        /// <summary>Counts the row and says whether it needs writing.</summary>
        public bool Classify(string? stored, string wanted)
        {
            if (stored is null) _created++;
            else if (stored == wanted) { _unchanged++; return false; }
            else _updated++;
            return true;
        }

        public ImportCounts ToCounts(int deleted) => new(_created, _updated, _unchanged, deleted);
    }
}
