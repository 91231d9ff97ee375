using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j.QueryApi;

namespace KnowledgeGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private const int IndexWaitSeconds = 300;

    private const string Unfinished =
        "the batches before it are committed and nothing stale was deleted; the graph stays readable and running the import again finishes it";

    /// <summary>
    /// Applies the schema, then writes the dataset in bounded transactions: every batch of
    /// <see cref="Neo4jOptions.BatchSize"/> rows (nodes per label, then relationships per type) is its own auto-commit
    /// request, built only when it is sent, so neither the server's transaction memory nor this process grows with the
    /// graph. Only after every upsert succeeded are stale relationships, then stale nodes, found page by page and
    /// deleted in committed batches. A failure stops the import: batches already committed stay (each is a complete
    /// upsert, so the graph stays readable, partly old and partly new, never an orphaned relationship), nothing stale
    /// is deleted, and the next run (upserts are idempotent) finishes the job. Counts are exact against the graph as
    /// the run found it: each statement reports per row whether it created or changed something.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await ApplySchemaAsync(cancellationToken);

        var nodes = await WriteAsync(Batches(dataset.Nodes, n => n.Label, "node", n => n.Id, n => new Dictionary<string, object?>
        {
            ["id"] = n.Id,
            ["properties"] = Neo4jValues.StoredProperties(n),
        }), "nodes", dataset.Nodes.Count, progress, cancellationToken);

        var relationships = await WriteAsync(Batches(dataset.Relationships, r => r.Type, "rel", r => r.Id, r => new Dictionary<string, object?>
        {
            ["id"] = r.Id,
            ["from"] = r.From,
            ["to"] = r.To,
            ["properties"] = Neo4jValues.StoredProperties(r),
        }), "relationships", dataset.Relationships.Count, progress, cancellationToken);

        var deletedRelationships = await DeleteStaleRelationshipsAsync(dataset, progress, cancellationToken);
        var deletedNodes = await DeleteStaleNodesAsync(dataset, progress, cancellationToken);
        await WriteFactNotesAsync(dataset, cancellationToken);
        return new ImportSummary(nodes with { Deleted = deletedNodes }, relationships with { Deleted = deletedRelationships });
    }

    /// <summary>Relationships whose id the dataset does not hold (or that have none), listed by start node and deleted
    /// in batches as they are found.</summary>
    private async Task<int> DeleteStaleRelationshipsAsync(Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var wanted = dataset.Relationships.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var stale = new List<string>();
        var deleted = 0;
        var after = "";
        while (true)
        {
            var page = await RunAsync("list-relationship-ids", cancellationToken, ("after", after), ("limit", options.BatchSize));
            foreach (var row in page.Rows)
                foreach (var relationship in row["relationships"].EnumerateArray())
                    if (Neo4jValues.Text(relationship, "id") is not { } id || !wanted.Contains(id))
                        stale.Add(Neo4jValues.Text(relationship, "elementId")!);
            while (stale.Count >= options.BatchSize || (stale.Count > 0 && page.Rows.Count < options.BatchSize))
                deleted += await DeleteBatchAsync(CypherStatements.Get("delete-relationships"), "elementIds", stale, cancellationToken);
            progress?.Report(new ImportProgress("deleting relationships", deleted, deleted));
            if (page.Rows.Count < options.BatchSize) return deleted;
            after = page.Rows[^1].RequiredString("node");
        }
    }

    private async Task<int> DeleteStaleNodesAsync(Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var wanted = dataset.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var stale = new List<string>();
        var deleted = 0;
        var after = "";
        while (true)
        {
            // Deleting as we go never skips a node: pages move forward by id, and only ids already passed are deleted.
            var page = await RunAsync("list-node-ids", cancellationToken, ("after", after), ("limit", options.BatchSize));
            stale.AddRange(page.Rows.Select(r => r.RequiredString("id")).Where(id => !wanted.Contains(id)));
            while (stale.Count >= options.BatchSize || (stale.Count > 0 && page.Rows.Count < options.BatchSize))
                deleted += await DeleteBatchAsync(CypherStatements.Get("delete-nodes"), "ids", stale, cancellationToken);
            progress?.Report(new ImportProgress("deleting nodes", deleted, deleted));
            if (page.Rows.Count < options.BatchSize) return deleted;
            after = page.Rows[^1].RequiredString("id");
        }
    }

    /// <summary>Deletes up to one batch from the front of <paramref name="pending"/> in its own transaction.</summary>
    private async Task<int> DeleteBatchAsync(CypherStatement statement, string parameter, List<string> pending, CancellationToken cancellationToken)
    {
        var take = Math.Min(options.BatchSize, pending.Count);
        var batch = pending.GetRange(0, take).ToArray();
        pending.RemoveRange(0, take);
        var result = await client.RunAsync(statement, Parameters([(parameter, batch)]), cancellationToken);
        return result.Rows.Sum(r => r.Int("deleted"));
    }

    /// <summary>Creates constraints and indexes (idempotent) and waits until they are online.</summary>
    public async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in CypherStatements.GetAll("schema"))
            await client.RunAsync(statement, null, cancellationToken);
        await RunAsync("await-indexes", cancellationToken, ("timeoutSeconds", IndexWaitSeconds));
    }

    /// <summary>One batch: the statement for its label or type, its ids in order and its rows.</summary>
    internal sealed record Batch(string Statement, string What, int Number, int Of, IReadOnlyList<string> Ids, IReadOnlyList<Dictionary<string, object?>> Rows)
    {
        private Dictionary<string, int>? _rowOf;

        /// <summary>The sources a row of this batch writes (rows hold them in their stored properties).</summary>
        public IReadOnlyList<string> SourcesOf(string id)
        {
            _rowOf ??= Ids.Select((rowId, i) => (rowId, i)).ToDictionary(x => x.rowId, x => x.i, StringComparer.Ordinal);
            return (string[])((Dictionary<string, object?>)Rows[_rowOf[id]]["properties"]!)["sources"]!;
        }
    }

    /// <summary>Batches in label (type) order, each one's rows built only when it is reached, so one batch is in memory at a time.</summary>
    private IEnumerable<Batch> Batches<T>(IReadOnlyList<T> items, Func<T, string> group, string kind, Func<T, string> id,
        Func<T, Dictionary<string, object?>> row)
    {
        foreach (var byGroup in items.GroupBy(group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = byGroup.ToList();
            var of = (members.Count + options.BatchSize - 1) / options.BatchSize;
            var statement = $"import-{kind}-{StatementSuffix(byGroup.Key)}";
            for (var i = 0; i < of; i++)
            {
                var chunk = members.GetRange(i * options.BatchSize, Math.Min(options.BatchSize, members.Count - i * options.BatchSize));
                yield return new Batch(statement, kind == "node" ? $"{byGroup.Key} nodes" : $"{byGroup.Key} relationships", i + 1, of,
                    chunk.Select(id).ToList(), chunk.Select(row).ToList());
            }
        }
    }

    /// <summary>Officer → officer, VictimRole → victim-role, SERVED_IN → served-in (the cypher/ file names).</summary>
    internal static string StatementSuffix(string labelOrType) =>
        labelOrType.Contains('_') || labelOrType.All(c => !char.IsLower(c))
            ? labelOrType.ToLowerInvariant().Replace('_', '-')
            : string.Concat(labelOrType.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    private async Task<ImportCounts> WriteAsync(IEnumerable<Batch> batches, string stage, int total,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0, repointed = 0, done = 0;
        foreach (var batch in batches)
        {
            QueryResult result;
            try
            {
                result = await client.RunAsync(CypherStatements.Get(batch.Statement), new Dictionary<string, object?> { ["rows"] = batch.Rows },
                    cancellationToken);
            }
            catch (Neo4jException ex)
            {
                var entity = batch.Ids.FirstOrDefault(id => ex.Message.Contains(id, StringComparison.Ordinal));
                throw new Neo4jImportException(
                    $"batch {batch.Number} of {batch.Of} of {batch.What} ({batch.Ids[0]} … {batch.Ids[^1]}) failed" +
                    (entity is null ? "" : $" at {entity}") + $"; {Unfinished}: {ex.Message}", entity, ex);
            }

            var written = result.Rows.Select(r => r.RequiredString("id")).ToHashSet(StringComparer.Ordinal);
            if (batch.Ids.FirstOrDefault(id => !written.Contains(id)) is { } missing)
                throw new Neo4jImportException(
                    $"batch {batch.Number} of {batch.Of} of {batch.What} failed at {missing}: it was not written (an end node is missing?); {Unfinished}",
                    missing, new Neo4jException($"{batch.Statement} returned no row for {missing}", null, batch.Statement));

            foreach (var row in result.Rows)
                if (row.Bool("created")) created++;
                else if (!row.Bool("updated")) unchanged++;
                // storedSources is given only when nothing but the sources differs.
                else if (row.StringList("storedSources") is { } stored && Citation.OnlyLocatorsDiffer(stored, batch.SourcesOf(row.RequiredString("id"))))
                    repointed++;
                else updated++;
            done += batch.Ids.Count;
            progress?.Report(new ImportProgress(stage, done, total));
        }
        return new ImportCounts(created, updated, unchanged, 0, repointed);
    }
}
