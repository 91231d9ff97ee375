using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Secondary indexes a load into an empty store drops and rebuilds: one sorted build is far cheaper than keeping them
    // current row by row. They are recreated from SqliteSchema.sql (CREATE INDEX IF NOT EXISTS), so the definitions
    // stay in one place.
    private static readonly string[] SecondaryIndexes = ["nodes_by_label", "relationships_by_from", "relationships_by_to", "relationships_by_type"];

    private const int ProgressEvery = 1000;

    // For an importing connection only: a bigger page cache, and in WAL mode NORMAL syncs at checkpoints rather than at
    // every commit, which still never corrupts the file (a power cut can lose only the last commit, i.e. this import,
    // which the next start then repeats).
    private const string ImportPragmas = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;";

    /// <summary>
    /// Writes the dataset in one transaction: upsert by id, compare the stored row to tell updated from unchanged,
    /// delete what the dataset no longer holds. Any failure rolls everything back, so the file is never half-written.
    /// An empty store takes the bulk path (plain inserts, indexes built once at the end) inside the same transaction.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        Execute(connection, ImportPragmas);
        // An import replaces the whole graph, so a dataset whose relationships all join its own nodes cannot break a
        // foreign key: checked here once instead of by SQLite on every row (two index lookups per relationship, a tenth
        // of a national load). The pragma cannot change inside a transaction, hence before it.
        var selfContained = IsSelfContained(dataset);
        if (selfContained) Execute(connection, "PRAGMA foreign_keys = OFF;");
        await using var transaction = connection.BeginTransaction();

        var summary = IsEmpty(connection) && selfContained
            ? BulkLoad(connection, dataset, progress, cancellationToken)
            : Upsert(connection, dataset, progress, cancellationToken);
        // Replies and corrections are written in the same transaction, so they never disagree with the facts.
        await WriteFactNotesAsync(connection, dataset, cancellationToken);

        await CommitImportAsync(connection, transaction, cancellationToken);
        return summary;
    }

    private static bool IsEmpty(SqliteConnection connection)
    {
        using var command = connection.Command("SELECT NOT EXISTS (SELECT 1 FROM nodes) AND NOT EXISTS (SELECT 1 FROM relationships)");
        return Convert.ToBoolean(command.ExecuteScalar());
    }

    // A dataset from the validator never repeats an id and never names a node it lacks; one built otherwise might, and
    // then the upsert path counts the repeats and SQLite's foreign keys refuse a dangling relationship.
    private static bool IsSelfContained(Dataset dataset)
    {
        var ids = new HashSet<string>(dataset.Nodes.Count, StringComparer.Ordinal);
        if (dataset.Nodes.Any(n => !ids.Add(n.Id))) return false;
        if (dataset.Relationships.Any(r => !ids.Contains(r.From) || !ids.Contains(r.To))) return false;
        var relationshipIds = new HashSet<GraphRelationship>(dataset.Relationships.Count, GraphRelationship.IdComparer);
        return dataset.Relationships.All(relationshipIds.Add);
    }

    private static ImportSummary BulkLoad(SqliteConnection connection, Dataset dataset, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var writer = new BulkWriter(connection, progress, cancellationToken);
        writer.Write(dataset.Nodes, dataset.Relationships, dataset.Nodes.Count, dataset.Relationships.Count);
        return writer.Finish();
    }

    /// <summary>
    /// The bulk path's writing, for an empty store inside the caller's transaction: secondary indexes dropped, plain
    /// inserts (nodes numbered in the order written), and the indexes built once at the end (<see cref="Finish"/>).
    /// </summary>
    private sealed class BulkWriter : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly IProgress<ImportProgress>? _progress;
        private readonly CancellationToken _cancellationToken;
        private readonly Statement _insertNode, _insertRelationship;
        private int _nodes, _relationships;

        public BulkWriter(SqliteConnection connection, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            (_connection, _progress, _cancellationToken) = (connection, progress, cancellationToken);
            foreach (var index in SecondaryIndexes) Execute(connection, $"DROP INDEX IF EXISTS {index}");
            _insertNode = new Statement(connection,
                "INSERT INTO nodes (rowid, id, label, name, aliases, properties, sources) VALUES ($rowid, $id, $label, $name, $aliases, $properties, $sources)",
                "$rowid", "$id", "$label", "$name", "$aliases", "$properties", "$sources");
            _insertRelationship = new Statement(connection,
                "INSERT INTO relationships (id, type, from_id, to_id, properties, sources) VALUES ($id, $type, $from, $to, $properties, $sources)",
                "$id", "$type", "$from", "$to", "$properties", "$sources");
        }

        /// <summary>Writes items after those written before; progress counts against the totals given (0: not known yet).</summary>
        public void Write(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphRelationship> relationships, int totalNodes, int totalRelationships)
        {
            foreach (var node in nodes)
            {
                _nodes++;
                _insertNode.Integer(0, _nodes).Text(1, node.Id).Text(2, node.Label).Text(3, node.Name).List(4, node.Aliases)
                    .Properties(5, node.Properties).List(6, node.Sources).Step();
                Report(_progress, "nodes", _nodes, totalNodes, _cancellationToken);
            }
            foreach (var rel in relationships)
            {
                _insertRelationship.Text(0, rel.Id).Text(1, rel.Type).Text(2, rel.From).Text(3, rel.To).Properties(4, rel.Properties)
                    .List(5, rel.Sources).Step();
                Report(_progress, "relationships", ++_relationships, totalRelationships, _cancellationToken);
            }
        }

        public ImportSummary Finish()
        {
            Execute(_connection, ReadSchema());
            return new ImportSummary(new ImportCounts(_nodes, 0, 0, 0), new ImportCounts(_relationships, 0, 0, 0));
        }

        public void Dispose()
        {
            _insertNode.Dispose();
            _insertRelationship.Dispose();
        }
    }

    private ImportSummary Upsert(SqliteConnection connection, Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var nodes = Compare(connection, "SELECT id, label, name, aliases, properties, sources FROM nodes", dataset.Nodes, n => n.Id, Row);
        var rels = Compare(connection, "SELECT id, type, from_id, to_id, properties, sources FROM relationships", dataset.Relationships, r => r.Id, Row);

        // Relationships go first when deleting (they reference nodes) and last when writing.
        var deletedRels = 0;
        using (var deleteRel = new Statement(connection, "DELETE FROM relationships WHERE id = $id", "$id"))
            foreach (var id in rels.Stale)
                deletedRels += deleteRel.Run(id);

        using (var upsertNode = new Statement(connection,
                   """
                   INSERT INTO nodes (id, label, name, aliases, properties, sources) VALUES ($id, $label, $name, $aliases, $properties, $sources)
                   ON CONFLICT (id) DO UPDATE SET label = excluded.label, name = excluded.name, aliases = excluded.aliases,
                       properties = excluded.properties, sources = excluded.sources
                   """, "$id", "$label", "$name", "$aliases", "$properties", "$sources"))
        {
            for (var i = 0; i < dataset.Nodes.Count; i++)
            {
                var node = dataset.Nodes[i];
                if (nodes.NeedsWriting(i))
                {
                    var row = Row(node);
                    upsertNode.Run(node.Id, row.A, row.B, row.C, row.D, row.E);
                }
                Report(progress, "nodes", i + 1, dataset.Nodes.Count, cancellationToken);
            }
        }

        using (var upsertRel = new Statement(connection,
                   """
                   INSERT INTO relationships (id, type, from_id, to_id, properties, sources) VALUES ($id, $type, $from, $to, $properties, $sources)
                   ON CONFLICT (id) DO UPDATE SET type = excluded.type, from_id = excluded.from_id, to_id = excluded.to_id,
                       properties = excluded.properties, sources = excluded.sources
                   """, "$id", "$type", "$from", "$to", "$properties", "$sources"))
        {
            for (var i = 0; i < dataset.Relationships.Count; i++)
            {
                var rel = dataset.Relationships[i];
                if (rels.NeedsWriting(i))
                {
                    var row = Row(rel);
                    upsertRel.Run(rel.Id, row.A, row.B, row.C, row.D, row.E);
                }
                Report(progress, "relationships", i + 1, dataset.Relationships.Count, cancellationToken);
            }
        }

        var deletedNodes = 0;
        using (var deleteNode = new Statement(connection, "DELETE FROM nodes WHERE id = $id", "$id"))
            foreach (var id in nodes.Stale)
                deletedNodes += deleteNode.Run(id);

        return new ImportSummary(nodes.ToCounts(deletedNodes), rels.ToCounts(deletedRels));
    }

    private static StoredRow Row(GraphNode node) =>
        new(node.Label, node.Name, PropertyJson.WriteList(node.Aliases), PropertyJson.Write(node.Properties), PropertyJson.WriteList(node.Sources));

    private static StoredRow Row(GraphRelationship rel) =>
        new(rel.Type, rel.From, rel.To, PropertyJson.Write(rel.Properties), PropertyJson.WriteList(rel.Sources));

    /// <summary>
    /// Streams the stored rows once and compares each, as it is read, with the dataset's item of the same id, so no copy
    /// of the stored graph is held beside the dataset (a records release is half a million rows). Stored ids the dataset
    /// lacks are stale. An id the dataset repeats (only a dataset not made by the validator can) is compared, each time,
    /// with the row stored before the import.
    /// </summary>
    private static Comparison Compare<T>(SqliteConnection connection, string sql, IReadOnlyList<T> items, Func<T, string> id, Func<T, StoredRow> row)
    {
        var first = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        HashSet<string>? repeated = null;
        for (var i = 0; i < items.Count; i++)
            if (!first.TryAdd(id(items[i]), i)) (repeated ??= new(StringComparer.Ordinal)).Add(id(items[i]));

        var comparison = new Comparison(items.Count);
        Dictionary<string, StoredRow>? storedRepeats = null;
        var firstById = first.GetAlternateLookup<ReadOnlySpan<char>>();
        // Each stored row is compared as the text SQLite holds, decoded into the row's buffer; strings are made only for a
        // row that differs, is stale or is repeated (an unchanged national re-import made 7 million of them for nothing).
        foreach (var stored in connection.Rows(sql, new StringPool(4096), CancellationToken.None))
        {
            if (!firstById.TryGetValue(stored.Chars(0), out var i))
            {
                comparison.Stale.Add(stored.GetUniqueString(0));
                continue;
            }
            var wanted = row(items[i]);
            var storedId = id(items[i]);
            var repeatedHere = repeated?.Contains(storedId) is true;
            if (!repeatedHere && IsStored(stored, wanted))
            {
                comparison.Classify(i, wanted, wanted);
                continue;
            }
            var storedRow = new StoredRow(stored.GetString(1), stored.GetString(2), stored.GetString(3), stored.GetString(4), stored.GetString(5));
            comparison.Classify(i, storedRow, wanted);
            if (repeatedHere) (storedRepeats ??= new(StringComparer.Ordinal))[storedId] = storedRow;
        }
        if (storedRepeats is not null)
            for (var i = 0; i < items.Count; i++)
                if (first[id(items[i])] != i && storedRepeats.TryGetValue(id(items[i]), out var stored))
                    comparison.Classify(i, stored, row(items[i]));
        return comparison;
    }

    private static void Report(IProgress<ImportProgress>? progress, string stage, int done, int total, CancellationToken cancellationToken)
    {
        if (done % ProgressEvery != 0 && done != total) return;
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new ImportProgress(stage, done, total));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.Command(sql);
        command.ExecuteNonQuery();
    }

    /// <summary>A row's columns after its id, in table order (label or type first; the sources last).</summary>
    private sealed record StoredRow(string A, string B, string C, string D, string E);

    // Whether the stored row's five columns after the id are exactly the wanted text.
    private static bool IsStored(SqliteRow stored, StoredRow wanted) =>
        stored.Chars(1).SequenceEqual(wanted.A) && stored.Chars(2).SequenceEqual(wanted.B) && stored.Chars(3).SequenceEqual(wanted.C)
        && stored.Chars(4).SequenceEqual(wanted.D) && stored.Chars(5).SequenceEqual(wanted.E);

    private enum Verdict : byte { Created, Updated, Unchanged, Repointed }

    /// <summary>What the import does to each item of the dataset (by position), and the stored ids it deletes.</summary>
    private sealed class Comparison(int count)
    {
        // Created until a stored row with the item's id is found.
        private readonly Verdict[] _verdicts = new Verdict[count];

        public List<string> Stale { get; } = [];

        public bool NeedsWriting(int item) => _verdicts[item] != Verdict.Unchanged;

        /// <summary>The last column is the sources: a row that differs only in where its citations point is written but
        /// counted apart from updates.</summary>
        public void Classify(int item, StoredRow stored, StoredRow wanted) =>
            _verdicts[item] = stored == wanted ? Verdict.Unchanged
                : stored with { E = wanted.E } == wanted && Citation.OnlyLocatorsDiffer(PropertyJson.ReadList(stored.E), PropertyJson.ReadList(wanted.E))
                    ? Verdict.Repointed
                    : Verdict.Updated;

        public ImportCounts ToCounts(int deleted) => new(Count(Verdict.Created), Count(Verdict.Updated), Count(Verdict.Unchanged), deleted,
            Count(Verdict.Repointed));

        private int Count(Verdict verdict) => _verdicts.Count(v => v == verdict);
    }
}
