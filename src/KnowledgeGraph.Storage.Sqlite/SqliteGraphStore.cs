using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file (under data/ by default). Reads fetch rows with indexed SQL and leave
/// the deciding (served together, ordering, sentences) to Core's rules, so answers match the Neo4j store.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    private const string NodeColumns = "n.id, n.label, n.name, n.aliases, n.properties, n.sources";
    private const string RelationshipColumns = "r.id, r.type, r.from_id, r.to_id, r.properties, r.sources";

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteGraphStore(string databasePath, TimeProvider? time = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        _time = time ?? TimeProvider.System;
        _serviceIndex = NewServiceIndex();
        _caseIndex = new FileIndex<CaseIndex>(() => BuildCaseIndexAsync(CancellationToken.None));
        _citationIndex = new FileIndex<CitationIndex>(() => BuildCitationIndexAsync(CancellationToken.None));
        _nameIndex = new FileIndex<SqliteNameIndex>(() => BuildNameIndexAsync(CancellationToken.None));
        _counts = new FileIndex<GraphCounts>(() => CountAsync(CancellationToken.None));
        using var connection = Open();
        using var command = connection.Command(ReadSchema());
        command.ExecuteNonQuery();
    }

    public string DatabasePath { get; }

    /// <summary>
    /// The one place in-memory indexes learn that the file changed: each index this store keeps (built from the file on
    /// first use, so nothing can drift from it) is dropped here and rebuilt on the next read.
    /// </summary>
    private void OnImported()
    {
        _serviceIndex = NewServiceIndex();
        _caseIndex.Reset();
        _citationIndex.Reset();
        _nameIndex.Reset();
        _counts.Reset();
        _sourceRefs = new(StringComparer.Ordinal);
        ResetTopology();
    }

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>The page size a new database file is made with.</summary>
    public const int PageSize = 16384;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // A new file is made with 16 kB pages rather than SQLite's 4 kB: a national import writes and sorts a quarter as
        // many pages (first start 13.9 -> 9.6 s in one benchmark run; the answers' times within the noise). It must come
        // before journal_mode, which writes the first page; a file that has pages keeps the size it was made with.
        using var pragma = connection.Command($"PRAGMA page_size = {PageSize}; PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;");
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static string ReadSchema()
    {
        using var stream = typeof(SqliteGraphStore).Assembly.GetManifestResourceStream("SqliteSchema.sql")
            ?? throw new InvalidOperationException("SqliteSchema.sql is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A value kept beside the graph (e.g. the fingerprint of the seed files last imported).</summary>
    public async Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var rows = await connection.QueryAsync("SELECT value FROM meta WHERE key = $key", r => r.GetString(0), cancellationToken, ("$key", key));
        return rows.FirstOrDefault();
    }

    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.ExecuteAsync("INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            cancellationToken, ("$key", key), ("$value", value));
    }

    // Counted from the file once after each import: counting is a walk over every row's index entry (0.1 s a call on
    // a national graph), and /health, which asks for the counts, is polled.
    private readonly FileIndex<GraphCounts> _counts;

    /// <summary>The counts of the graph in the file; each call still reads the file, so a store that cannot be read
    /// fails here (the health check's purpose).</summary>
    public async Task<GraphCounts> GetCountsAsync(CancellationToken cancellationToken)
    {
        await using (var connection = Open())
            await connection.QueryAsync("SELECT 1 FROM nodes LIMIT 1", r => r.GetInt32(0), cancellationToken);
        return await _counts.GetAsync().WaitAsync(cancellationToken);
    }

    private async Task<GraphCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var labels = await connection.QueryAsync("SELECT label, COUNT(*) FROM nodes GROUP BY label ORDER BY label",
            r => (r.GetString(0), r.GetInt32(1)), cancellationToken);
        var types = await connection.QueryAsync("SELECT type, COUNT(*) FROM relationships GROUP BY type ORDER BY type",
            r => (r.GetString(0), r.GetInt32(1)), cancellationToken);
        return new GraphCounts(labels.ToDictionary(x => x.Item1, x => x.Item2), types.ToDictionary(x => x.Item1, x => x.Item2));
    }

    // A query reads each node or relationship once, so its id and a node's name are made as they are; the rest (labels,
    // types, the ends' ids, property keys and vocabulary) repeats from row to row and comes from the query's pool.
    private static GraphNode ReadNode(SqliteRow r, int offset = 0)
    {
        var label = r.GetString(offset + 1);
        var properties = r.Properties(offset + 4);
        // A victim role is only ever shown by its role and descriptor, whatever a row may hold.
        var name = label == Labels.VictimRole ? VictimProtection.DisplayName(properties) : r.GetUniqueString(offset + 2);
        var aliases = label == Labels.VictimRole ? [] : r.List(offset + 3);
        return new GraphNode(r.GetUniqueString(offset), label, name, aliases, properties, r.List(offset + 5));
    }

    private static GraphRelationship ReadRelationship(SqliteRow r, int offset = 0) =>
        new(r.GetUniqueString(offset), r.GetString(offset + 1), r.GetString(offset + 2), r.GetString(offset + 3),
            r.Properties(offset + 4), r.List(offset + 5));

    private static async Task<Dictionary<string, GraphNode>> LoadNodesAsync(SqliteConnection connection, IEnumerable<string> ids,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync($"SELECT {NodeColumns} FROM nodes n WHERE n.id IN (SELECT value FROM json_each($ids))",
            r => ReadNode(r), cancellationToken, ("$ids", PropertyJson.WriteList(ids.Distinct())));
        return rows.ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    private static async Task<GraphNode?> LoadNodeAsync(SqliteConnection connection, string id, CancellationToken cancellationToken) =>
        (await LoadNodesAsync(connection, [id], cancellationToken)).GetValueOrDefault(id);

    private static SourceRef ToSourceRef(string id, IReadOnlyDictionary<string, object?> p, string? publisher) =>
        new(id, p.GetValueOrDefault("title") as string ?? id, p.GetValueOrDefault("kind") as string ?? "",
            p.GetValueOrDefault("published") as string, p.GetValueOrDefault("url") as string, publisher,
            p.GetValueOrDefault("seedFile") as string ?? "");

}
