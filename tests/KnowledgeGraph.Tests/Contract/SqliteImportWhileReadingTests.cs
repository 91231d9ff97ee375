using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Testing;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Contract;

/// <summary>
/// Writing while the validator reads must leave exactly the file a plain import leaves, and keep the plain import's
/// guarantee: an invalid dataset or a failure part-way writes nothing. Every expectation comes from a plain import of
/// the same files into another store.
/// </summary>
public sealed class SqliteImportWhileReadingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static SqliteGraphStore NewStore(out string path)
    {
        path = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        return new SqliteGraphStore(path);
    }

    // Every row of every table, with rowids (nodes are numbered in the order written), and the index definitions.
    private static async Task<List<string>> DumpAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        var rows = new List<string>();
        foreach (var sql in new[]
                 {
                     "SELECT rowid, id, label, name, aliases, properties, sources FROM nodes ORDER BY rowid",
                     "SELECT id, type, from_id, to_id, properties, sources FROM relationships ORDER BY id",
                     "SELECT * FROM fact_notes ORDER BY key",
                     "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name",
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }
        return rows;
    }

    private static async Task<(ImportSummary Summary, List<string> Rows)> PlainImportAsync(string directory)
    {
        var store = NewStore(out var path);
        var summary = await store.ImportAsync(DatasetLoader.Load(directory).Dataset!, null, None);
        return (summary, await DumpAsync(path));
    }

    [Fact]
    public async Task Into_an_empty_store_it_leaves_the_same_rows_and_counts_as_a_plain_import()
    {
        var (expectedSummary, expectedRows) = await PlainImportAsync(TestPaths.Seeds);
        var store = NewStore(out var path);
        var parts = 0;

        var summary = await store.ImportWhileReadingAsync(onPart => DatasetLoader.Load(TestPaths.Seeds, onPart: p => { parts++; onPart(p); }).Dataset,
            null, None);

        Assert.True(parts > 1, "the seeds are several files, so several parts");
        Assert.Equal(expectedSummary, summary);
        Assert.Equal(expectedRows, await DumpAsync(path));
        // The in-memory indexes were dropped after the write, as after a plain import: search finds what was written.
        Assert.NotEmpty((await store.SearchAsync(new SearchQuery("connor", null, 10), None)).Hits);
    }

    [Fact]
    public async Task With_withheld_facts_it_writes_the_dataset_without_them_as_a_plain_import_does()
    {
        var directory = WithheldTestData.CreateSeedDirectory();
        var (expectedSummary, expectedRows) = await PlainImportAsync(directory);
        var store = NewStore(out var path);

        var summary = await store.ImportWhileReadingAsync(onPart => DatasetLoader.Load(directory, onPart: onPart).Dataset, null, None);

        Assert.Equal(expectedSummary, summary);
        var rows = await DumpAsync(path);
        Assert.Equal(expectedRows, rows);
        Assert.Empty(rows.SelectMany(WithheldTestData.MarkersIn));
    }

    [Fact]
    public async Task Into_a_filled_store_it_counts_as_the_upsert_does()
    {
        var directory = WithheldTestData.CreateSeedDirectory();
        var plain = NewStore(out var plainPath);
        await plain.ImportAsync(DatasetLoader.Load(TestPaths.Seeds).Dataset!, null, None);
        var expected = await plain.ImportAsync(DatasetLoader.Load(directory).Dataset!, null, None);
        var store = NewStore(out var path);
        await store.ImportAsync(DatasetLoader.Load(TestPaths.Seeds).Dataset!, null, None);

        var summary = await store.ImportWhileReadingAsync(onPart => DatasetLoader.Load(directory, onPart: onPart).Dataset, null, None);

        Assert.Equal(expected, summary);
        Assert.Equal(await DumpAsync(plainPath), await DumpAsync(path));
    }

    [Fact]
    public async Task An_invalid_dataset_writes_nothing_though_its_valid_files_were_handed_over()
    {
        var directory = WithheldTestData.CreateSeedDirectory();
        // Sorted last, so every seed file has been handed over (and written) before the error is found.
        File.WriteAllText(Path.Combine(directory, "zz-broken.json"),
            """{ "nodes": [ { "id": "officer:nobody", "label": "Officer", "name": "Nobody", "sources": ["source:does-not-exist"] } ], "relationships": [] }""");
        var store = NewStore(out var path);
        var handed = 0;
        DatasetLoadResult? loaded = null;

        var summary = await store.ImportWhileReadingAsync(onPart =>
            (loaded = DatasetLoader.Load(directory, onPart: p => { handed += p.Nodes.Count; onPart(p); })).Dataset, null, None);

        Assert.Null(summary);
        Assert.False(loaded!.IsValid);
        Assert.True(handed > 0);
        var counts = await store.GetCountsAsync(None);
        Assert.Equal(0, counts.Labels.Values.Sum() + counts.Types.Values.Sum());
        Assert.DoesNotContain(await DumpAsync(path), r => r.Contains("officer:"));
    }

    [Fact]
    public async Task A_reader_that_hands_over_a_part_after_its_last_still_leaves_the_whole_dataset()
    {
        var (expectedSummary, expectedRows) = await PlainImportAsync(TestPaths.Seeds);
        var seeds = DatasetLoader.Load(TestPaths.Seeds).Dataset!;
        var store = NewStore(out var path);

        // The nodes as the "last" part, then the relationships: the indexes are built after the first, and the rows
        // written so far are not the dataset, so it is written whole.
        var summary = await store.ImportWhileReadingAsync(onPart =>
        {
            onPart(new DatasetPart(seeds.Nodes, []) { IsLast = true });
            onPart(new DatasetPart([], seeds.Relationships));
            return seeds;
        }, null, None);

        Assert.Equal(expectedSummary, summary);
        Assert.Equal(expectedRows, await DumpAsync(path));
    }

    [Fact]
    public async Task A_reader_that_fails_part_way_reports_its_failure_and_writes_nothing()
    {
        var store = NewStore(out var path);

        var thrown = await Assert.ThrowsAsync<IOException>(() => store.ImportWhileReadingAsync(onPart =>
        {
            DatasetLoader.Load(TestPaths.Seeds, onPart: p =>
            {
                onPart(p);
                throw new IOException("disk gone");
            });
            return null;
        }, null, None));

        Assert.Equal("disk gone", thrown.Message);
        Assert.DoesNotContain(await DumpAsync(path), r => r.Contains("officer:"));
    }

    [Fact]
    public async Task Cancelled_while_the_reader_waits_to_hand_over_a_part_it_stops_both_and_writes_nothing()
    {
        var store = NewStore(out var path);
        using var cancel = new CancellationTokenSource();
        var seeds = DatasetLoader.Load(TestPaths.Seeds).Dataset!;

        var import = store.ImportWhileReadingAsync(onPart =>
        {
            // Far more parts than the hand-over holds: once cancelled, the reader must be stopped, not left waiting.
            for (var i = 0; i < 1000; i++)
            {
                if (i == 2) cancel.Cancel();
                onPart(new DatasetPart(i == 0 ? seeds.Nodes : [], []));
            }
            return null;
        }, null, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain(await DumpAsync(path), r => r.Contains("officer:"));
    }

    [Fact]
    public async Task A_write_that_fails_stops_the_reader_and_reports_the_write_failure()
    {
        var store = NewStore(out var path);
        var seeds = DatasetLoader.Load(TestPaths.Seeds).Dataset!;

        // The same nodes twice: the second insert breaks the primary key while the reader still has parts to hand over,
        // more than the hand-over holds, so a reader left waiting would never finish.
        var import = store.ImportWhileReadingAsync(onPart =>
        {
            for (var i = 0; i < 1000; i++) onPart(new DatasetPart(seeds.Nodes, []));
            return null;
        }, null, None);

        var thrown = await Assert.ThrowsAsync<SqliteException>(() => import.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("UNIQUE", thrown.Message);
        Assert.DoesNotContain(await DumpAsync(path), r => r.Contains("officer:"));
    }
}
