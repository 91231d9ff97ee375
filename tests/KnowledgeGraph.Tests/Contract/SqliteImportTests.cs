using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace KnowledgeGraph.Tests.Contract;

/// <summary>
/// The embedded import's two paths (bulk into an empty store, upsert into a filled one) must leave the same file and
/// count exactly; the expected counts are worked out here by comparing the two datasets directly.
/// </summary>
public sealed class SqliteImportTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static GraphNode Officer(int i, string name) =>
        new($"officer:o{i}", Labels.Officer, name, [$"alias {i}"], new Dictionary<string, object?> { ["identified"] = true, ["status"] = "serving" }, []);

    private static GraphRelationship ServedIn(int officer, string from) =>
        new(GraphRelationship.MakeId(RelationshipTypes.ServedIn, $"officer:o{officer}", "force:f", null), RelationshipTypes.ServedIn,
            $"officer:o{officer}", "force:f", new Dictionary<string, object?> { ["from"] = from }, ["source:s"]);

    private static Core.Model.Dataset Build(IEnumerable<GraphNode> officers, IEnumerable<GraphRelationship> rels) =>
        new([
            new GraphNode("force:f", Labels.Force, "Force", [], new Dictionary<string, object?>(), []),
            new GraphNode("source:s", Labels.Source, "S", [], new Dictionary<string, object?> { ["kind"] = "report", ["title"] = "S", ["seedFile"] = "s.md" }, []),
            .. officers,
        ], [.. rels]);

    private static ImportCounts Expected<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> id)
    {
        var old = before.ToDictionary(id);
        var now = after.ToDictionary(id);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (key, value) in now)
            if (!old.TryGetValue(key, out var was)) created++;
            else if (Same(was, value)) unchanged++;
            else updated++;
        return new ImportCounts(created, updated, unchanged, old.Keys.Count(k => !now.ContainsKey(k)));
    }

    private static bool Same<T>(T a, T b) => (a, b) switch
    {
        (GraphNode x, GraphNode y) => x.Label == y.Label && x.Name == y.Name && x.Aliases.SequenceEqual(y.Aliases)
            && PropertyJson.Write(x.Properties) == PropertyJson.Write(y.Properties) && x.Sources.SequenceEqual(y.Sources),
        (GraphRelationship x, GraphRelationship y) => x.Type == y.Type && x.From == y.From && x.To == y.To
            && PropertyJson.Write(x.Properties) == PropertyJson.Write(y.Properties) && x.Sources.SequenceEqual(y.Sources),
        _ => throw new ArgumentException("nodes or relationships only"),
    };

    [Fact]
    public async Task A_file_made_with_4_kB_pages_keeps_them_and_imports_and_answers_as_a_new_file()
    {
        var directory = TestPaths.NewTempDirectory();
        var old = Path.Combine(directory, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={old};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE made_before (x);";
            await command.ExecuteNonQueryAsync();
        }
        var fresh = Path.Combine(directory, "new.db");
        var (oldStore, newStore) = (new SqliteGraphStore(old), new SqliteGraphStore(fresh));
        var dataset = Build(Enumerable.Range(0, 300).Select(i => Officer(i, $"Officer Smith {i}")), Enumerable.Range(0, 300).Select(i => ServedIn(i, "2001")));

        Assert.Equal(await newStore.ImportAsync(dataset, null, None), await oldStore.ImportAsync(dataset, null, None));

        Assert.Equal((4096, SqliteGraphStore.PageSize), (await PageSizeAsync(old), await PageSizeAsync(fresh)));
        foreach (var id in new[] { "officer:o7", "force:f" })
            Assert.Equal(JsonConvert.SerializeObject(await newStore.GetNodeAsync(id, 500, None)), JsonConvert.SerializeObject(await oldStore.GetNodeAsync(id, 500, None)));
        Assert.Equal(JsonConvert.SerializeObject(await newStore.GetCountsAsync(None)), JsonConvert.SerializeObject(await oldStore.GetCountsAsync(None)));
    }

    [Fact]
    public async Task Counts_follow_every_import_and_still_ask_the_file()
    {
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        var store = new SqliteGraphStore(db);
        var first = Build(Enumerable.Range(0, 50).Select(i => Officer(i, $"Officer {i}")), Enumerable.Range(0, 50).Select(i => ServedIn(i, "2001")));
        var second = Build(Enumerable.Range(0, 20).Select(i => Officer(i, $"Officer {i}")), Enumerable.Range(0, 10).Select(i => ServedIn(i, "2001")));

        await store.ImportAsync(first, null, None);
        Assert.Equal(CountsOf(first), Text(await store.GetCountsAsync(None)));
        await store.ImportAsync(second, null, None);
        Assert.Equal(CountsOf(second), Text(await store.GetCountsAsync(None)));

        // Tables gone behind the store's back: the counts are not answered from memory as if the file were fine.
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE relationships; DROP TABLE nodes;";
            await command.ExecuteNonQueryAsync();
        }
        await Assert.ThrowsAsync<SqliteException>(() => store.GetCountsAsync(None));
    }

    // What a dataset holds, counted directly, as the store's counts are written.
    private static string CountsOf(Core.Model.Dataset dataset) => Text(new GraphCounts(
        dataset.Nodes.GroupBy(n => n.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        dataset.Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count())));

    private static string Text(GraphCounts counts) => JsonConvert.SerializeObject(counts);

    private static async Task<long> PageSizeAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_bulk_load_then_a_changed_dataset_count_exactly_and_leave_search_and_indexes_as_a_fresh_import_would()
    {
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        var store = new SqliteGraphStore(db);
        var first = Build(Enumerable.Range(0, 50).Select(i => Officer(i, $"Officer Smith {i}")), Enumerable.Range(0, 50).Select(i => ServedIn(i, "2001")));
        var summary = await store.ImportAsync(first, null, None);
        Assert.Equal(new ImportCounts(52, 0, 0, 0), summary.Nodes);
        Assert.Equal(new ImportCounts(50, 0, 0, 0), summary.Relationships);

        // o0–o9 dropped, o10–o19 renamed, o50–o59 new; relationships of o20–o29 re-dated.
        var second = Build(
            Enumerable.Range(10, 50).Select(i => Officer(i, i < 20 ? $"Officer Jones {i}" : $"Officer Smith {i}")),
            Enumerable.Range(10, 50).Select(i => ServedIn(i, i is >= 20 and < 30 ? "2002" : "2001")));
        var again = await store.ImportAsync(second, null, None);

        Assert.Equal(Expected(first.Nodes, second.Nodes, n => n.Id), again.Nodes);
        Assert.Equal(Expected(first.Relationships, second.Relationships, r => r.Id), again.Relationships);
        Assert.Equal((10, 10, 10), (again.Nodes.Created, again.Nodes.Updated, again.Nodes.Deleted));

        var jones = await store.SearchAsync(new SearchQuery("jones", null, 100), None);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"officer:o{i}").Order(), jones.Hits.Select(h => h.Id).Order());
        var smith = await store.SearchAsync(new SearchQuery("smith", null, 100), None);
        Assert.Equal(Enumerable.Range(20, 40).Select(i => $"officer:o{i}").Order(), smith.Hits.Select(h => h.Id).Order());
        Assert.DoesNotContain((await store.SearchAsync(new SearchQuery("alias 5", null, 100), None)).Hits, h => h.Id == "officer:o5");

        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var indexes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes.Add(reader.GetString(0));
        Assert.Equal(["fact_notes_by_base", "fact_notes_by_date", "fact_notes_by_fact", "nodes_by_label", "relationships_by_from",
            "relationships_by_to", "relationships_by_type"], indexes);
    }

    [Fact]
    public async Task A_bulk_load_stores_every_column_as_the_text_the_upsert_compares_with_and_a_second_import_finds_it_unchanged()
    {
        // The bulk load binds UTF-8 from reused buffers; the upsert compares stored rows with the strings PropertyJson
        // writes. Values cross both buffers' first sizes, and hold what encoding or escaping could change.
        string[] pieces = ["a", "Ö", "中文", "😀", "\"", "\\", "\n", "\t", "\u0000", "<&>", "'", " ", "ß", new string('x', 300)];
        var random = new Random(11);
        string Text(int most) => string.Concat(Enumerable.Range(0, random.Next(0, most)).Select(_ => pieces[random.Next(pieces.Length)]));
        var officers = Enumerable.Range(0, 200).Select(i => new GraphNode($"officer:o{i}", Labels.Officer, $"O{i} {Text(6)}",
            Enumerable.Range(0, random.Next(0, 3)).Select(_ => Text(5)).ToList(),
            new Dictionary<string, object?> { ["identified"] = random.Next(2) == 0, ["rank"] = Text(8), ["notes"] = random.Next(3) == 0 ? null : Text(40),
                ["badges"] = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Text(4)).ToArray() },
            random.Next(2) == 0 ? [] : ["source:s"])).ToList();
        var rels = officers.Select((o, i) => new GraphRelationship(GraphRelationship.MakeId(RelationshipTypes.ServedIn, o.Id, "force:f", null),
            RelationshipTypes.ServedIn, o.Id, "force:f", new Dictionary<string, object?> { ["from"] = "2001", ["role"] = Text(10) }, ["source:s"])).ToList();
        var dataset = Build(officers, rels);
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        var store = new SqliteGraphStore(db);
        await store.ImportAsync(dataset, null, None);

        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync();
            var nodes = dataset.Nodes.ToDictionary(n => n.Id);
            var command = connection.CreateCommand();
            command.CommandText = "SELECT id, label, name, aliases, properties, sources FROM nodes";
            var seen = 0;
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                {
                    var node = nodes[reader.GetString(0)];
                    Assert.Equal((node.Label, node.Name, PropertyJson.WriteList(node.Aliases), PropertyJson.Write(node.Properties), PropertyJson.WriteList(node.Sources)),
                        (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
                    seen++;
                }
            Assert.Equal(nodes.Count, seen);
            var relationships = dataset.Relationships.ToDictionary(r => r.Id);
            command.CommandText = "SELECT id, type, from_id, to_id, properties, sources FROM relationships";
            seen = 0;
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                {
                    var rel = relationships[reader.GetString(0)];
                    Assert.Equal((rel.Type, rel.From, rel.To, PropertyJson.Write(rel.Properties), PropertyJson.WriteList(rel.Sources)),
                        (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
                    seen++;
                }
            Assert.Equal(relationships.Count, seen);
        }

        var again = await store.ImportAsync(dataset, null, None);
        Assert.Equal(new ImportCounts(0, 0, dataset.Nodes.Count, 0), again.Nodes);
        Assert.Equal(new ImportCounts(0, 0, dataset.Relationships.Count, 0), again.Relationships);
    }

    [Fact]
    public async Task A_source_retitled_by_an_import_is_cited_with_its_new_title_by_every_answer_after_it()
    {
        // Cited sources are kept in memory once read; an import must drop them with the other indexes.
        var store = new SqliteGraphStore(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"));
        var first = Build([Officer(1, "Officer One")], [ServedIn(1, "2001")]);
        await store.ImportAsync(first, null, None);
        Assert.Equal("S", await CitedTitle());

        var retitled = first with
        {
            Nodes = [.. first.Nodes.Select(n => n.Id == "source:s"
                ? n with { Properties = new Dictionary<string, object?>(n.Properties) { ["title"] = "S, second edition" } } : n)],
        };
        await store.ImportAsync(retitled, null, None);
        Assert.Equal("S, second edition", await CitedTitle());

        async Task<string> CitedTitle() =>
            Assert.Single(Assert.Single((await store.GetNodeAsync("officer:o1", 10, None))!.Relationships).Sources).Title;
    }

    [Fact]
    public async Task A_bulk_load_that_fails_midway_leaves_the_store_empty_and_a_later_import_works()
    {
        var store = new SqliteGraphStore(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"));
        var good = Build([Officer(1, "Officer One")], [ServedIn(1, "2001")]);
        // A relationship to a node that does not exist breaks the foreign key after every node was inserted.
        var broken = good with { Relationships = [.. good.Relationships, ServedIn(2, "2001")] };

        await Assert.ThrowsAsync<SqliteException>(() => store.ImportAsync(broken, null, None));

        var counts = await store.GetCountsAsync(None);
        Assert.Empty(counts.Labels);
        Assert.Empty((await store.SearchAsync(new SearchQuery("officer", null, 10), None)).Hits);
        var summary = await store.ImportAsync(good, null, None);
        Assert.Equal(new ImportCounts(3, 0, 0, 0), summary.Nodes);
        Assert.Single((await store.SearchAsync(new SearchQuery("officer", null, 10), None)).Hits);
    }
    [Fact]
    public async Task After_an_import_the_checkpoint_leaves_the_whole_graph_in_the_database_file()
    {
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        var store = new SqliteGraphStore(db);
        var dataset = Build(Enumerable.Range(0, 500).Select(i => Officer(i, $"Officer {i}")), Enumerable.Range(0, 500).Select(i => ServedIn(i, "2001")));

        await store.ImportAsync(dataset, null, None);
        await store.WhenCheckpointedAsync();

        // Every page of the database is in the file itself, not only in the write-ahead log beside it (which a copy of
        // the file alone would lose): the file is as long as the database, and a copy of it alone holds the graph.
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size())";
            Assert.Equal(Convert.ToInt64(await command.ExecuteScalarAsync()), new FileInfo(db).Length);
        }
        var copy = Path.Combine(TestPaths.NewTempDirectory(), "copy.db");
        File.Copy(db, copy);
        var counts = await new SqliteGraphStore(copy).GetCountsAsync(None);
        Assert.Equal(500, counts.Labels[Labels.Officer]);
    }
}
