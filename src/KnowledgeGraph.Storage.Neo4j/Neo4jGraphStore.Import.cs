using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j.QueryApi;

namespace KnowledgeGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private const int IndexWaitSeconds = 300;

    /// <summary>
    /// Applies the schema, then writes the whole dataset in one explicit transaction: stale relationships and nodes
    /// deleted, nodes upserted per label and relationships per type, <see cref="Neo4jOptions.BatchSize"/> rows per
    /// statement. Each statement reports per row whether it created or changed something, so a second import of the
    /// same data reports nothing created or updated. Any failure rolls the transaction back and names the batch.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await ApplySchemaAsync(cancellationToken);

        var (transaction, first) = await client.BeginAsync(CypherStatements.Get("delete-stale-relationships"),
            Parameters([("ids", dataset.Relationships.Select(r => r.Id).ToArray())]), cancellationToken);
        await using (transaction)
        {
            var deletedRelationships = first.Rows.Sum(r => r.Int("deleted"));
            progress?.Report(new ImportProgress("deleting", 1, 2));
            var deletedNodes = (await transaction.RunAsync(CypherStatements.Get("delete-stale-nodes"),
                Parameters([("ids", dataset.Nodes.Select(n => n.Id).ToArray())]), cancellationToken)).Rows.Sum(r => r.Int("deleted"));
            progress?.Report(new ImportProgress("deleting", 2, 2));

            var nodeBatches = Batches(dataset.Nodes, n => n.Label, "node", n => n.Id, n => new Dictionary<string, object?>
            {
                ["id"] = n.Id,
                ["properties"] = Neo4jValues.StoredProperties(n),
            });
            var nodes = await WriteAsync(transaction, nodeBatches, "nodes", dataset.Nodes.Count, progress, cancellationToken);

            var relationshipBatches = Batches(dataset.Relationships, r => r.Type, "rel", r => r.Id, r => new Dictionary<string, object?>
            {
                ["id"] = r.Id,
                ["from"] = r.From,
                ["to"] = r.To,
                ["properties"] = Neo4jValues.StoredProperties(r),
            });
            var relationships = await WriteAsync(transaction, relationshipBatches, "relationships", dataset.Relationships.Count, progress,
                cancellationToken);

            await WriteFactNotesAsync(transaction, dataset, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportSummary(nodes with { Deleted = deletedNodes }, relationships with { Deleted = deletedRelationships });
        }
    }

    /// <summary>Creates constraints and indexes (idempotent) and waits until they are online.</summary>
    public async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in CypherStatements.GetAll("schema"))
            await client.RunAsync(statement, null, cancellationToken);
        await RunAsync("await-indexes", cancellationToken, ("timeoutSeconds", IndexWaitSeconds));
    }

    /// <summary>One batch: the statement for its label or type, its ids in order and its rows.</summary>
    internal sealed record Batch(string Statement, string What, int Number, int Of, IReadOnlyList<string> Ids, IReadOnlyList<Dictionary<string, object?>> Rows);

    private List<Batch> Batches<T>(IReadOnlyList<T> items, Func<T, string> group, string kind, Func<T, string> id,
        Func<T, Dictionary<string, object?>> row)
    {
        var batches = new List<Batch>();
        foreach (var byGroup in items.GroupBy(group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var chunks = byGroup.Chunk(options.BatchSize).ToList();
            var statement = $"import-{kind}-{StatementSuffix(byGroup.Key)}";
            for (var i = 0; i < chunks.Count; i++)
                batches.Add(new Batch(statement, kind == "node" ? $"{byGroup.Key} nodes" : $"{byGroup.Key} relationships", i + 1, chunks.Count,
                    chunks[i].Select(id).ToList(), chunks[i].Select(row).ToList()));
        }
        return batches;
    }

    /// <summary>Officer → officer, VictimRole → victim-role, SERVED_IN → served-in (the cypher/ file names).</summary>
    internal static string StatementSuffix(string labelOrType) =>
        labelOrType.Contains('_') || labelOrType.All(c => !char.IsLower(c))
            ? labelOrType.ToLowerInvariant().Replace('_', '-')
            : string.Concat(labelOrType.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    private static async Task<ImportCounts> WriteAsync(QueryTransaction transaction, IReadOnlyList<Batch> batches, string stage, int total,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0, done = 0;
        foreach (var batch in batches)
        {
            QueryResult result;
            try
            {
                result = await transaction.RunAsync(CypherStatements.Get(batch.Statement), new Dictionary<string, object?> { ["rows"] = batch.Rows },
                    cancellationToken);
            }
            catch (Neo4jException ex)
            {
                var entity = batch.Ids.FirstOrDefault(id => ex.Message.Contains(id, StringComparison.Ordinal));
                throw new Neo4jImportException(
                    $"batch {batch.Number} of {batch.Of} of {batch.What} ({batch.Ids[0]} … {batch.Ids[^1]}) failed" +
                    (entity is null ? "" : $" at {entity}") + $"; nothing was written: {ex.Message}", entity, ex);
            }

            var written = result.Rows.Select(r => r.RequiredString("id")).ToHashSet(StringComparer.Ordinal);
            if (batch.Ids.FirstOrDefault(id => !written.Contains(id)) is { } missing)
                throw new Neo4jImportException(
                    $"batch {batch.Number} of {batch.Of} of {batch.What} failed at {missing}: it was not written (an end node is missing?); nothing was written",
                    missing, new Neo4jException($"{batch.Statement} returned no row for {missing}", null, batch.Statement));

            foreach (var row in result.Rows)
                if (row.Bool("created")) created++;
                else if (row.Bool("updated")) updated++;
                else unchanged++;
            done += batch.Ids.Count;
            progress?.Report(new ImportProgress(stage, done, total));
        }
        return new ImportCounts(created, updated, unchanged, 0);
    }
}
