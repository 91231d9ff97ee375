using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Importer;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Dataset;

namespace KnowledgeGraph.Tests.Importer;

public class ImporterCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ImporterApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static int CountIn(string output, string label)
    {
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith(label + " ", StringComparison.Ordinal));
        return int.Parse(line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    [Fact]
    public async Task Validate_passes_on_the_seed_data_and_reports_the_counts_the_documents_support()
    {
        var (exit, output, error) = await Run("validate", TestPaths.Seeds);

        Assert.True(exit == 0, error);
        var namedOfficers = int.Parse(output.Split('\n').Single(l => l.StartsWith("named officers:")).Split(':')[1]);
        Assert.True(namedOfficers >= 9, $"named officers: {namedOfficers}");
        Assert.True(CountIn(output, "Case") >= 18, output);
        Assert.True(CountIn(output, "Force") >= 8, output);
        Assert.True(CountIn(output, "Organisation") >= 10, output);
        Assert.Equal(5, CountIn(output, "Source"));
    }

    [Fact]
    public async Task Validate_lists_every_error_with_its_place_and_exits_non_zero()
    {
        var builder = new DatasetBuilder();
        builder.Node("case:one")["legalStatus"] = "nope";
        builder.Relationship("SERVED_IN").Remove("sources");
        var dir = builder.WriteTo(TestPaths.NewTempDirectory());

        var (exit, _, error) = await Run("validate", dir);

        Assert.Equal(ImporterApp.InvalidData, exit);
        Assert.Contains("2 error(s)", error);
        Assert.Contains("test.json:", error);
        Assert.Contains("$.nodes[4].legalStatus: unknown legal status 'nope'", error);
        Assert.Contains("cites no source", error);
    }

    [Fact]
    public async Task Import_of_bad_data_writes_nothing()
    {
        var work = TestPaths.NewTempDirectory();
        var db = Path.Combine(work, "graph.db");
        var good = new DatasetBuilder().WriteTo(Path.Combine(work, "good"));
        Assert.Equal(0, (await Run("import", good, "--db", db)).Exit);
        var before = await new SqliteGraphStore(db).ExportAsync(CancellationToken.None);

        var bad = new DatasetBuilder();
        bad.Nodes.Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "id": "force:kent", "label": "Force", "name": "Kent Police" }"""));
        bad.Node("event:one-incident")["date"] = "2020-13";
        var (exit, _, error) = await Run("import", bad.WriteTo(Path.Combine(work, "bad")), "--db", db);

        Assert.Equal(ImporterApp.InvalidData, exit);
        Assert.Contains("nothing was written", error);
        var after = await new SqliteGraphStore(db).ExportAsync(CancellationToken.None);
        Assert.Equal(before.Nodes.Select(n => n.Id), after.Nodes.Select(n => n.Id));
        Assert.DoesNotContain(after.Nodes, n => n.Id == "force:kent");
    }

    [Fact]
    public async Task Import_of_bad_data_into_a_new_store_leaves_no_file_behind()
    {
        // The embedded store is opened before reading, to write while the reader checks; an invalid dataset must not
        // leave the file that opening made. The bad item is in the last file, so the others were written (then rolled back).
        var work = TestPaths.NewTempDirectory();
        var db = Path.Combine(work, "new.db");
        var data = TestPaths.NewTempDirectory();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Seeds, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(TestPaths.Seeds, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(data, "zz-bad.json"), """{ "nodes": [ { "id": "force:kent", "label": "Force", "name": "Kent Police", "sources": ["source:not-in-the-dataset"] } ], "relationships": [] }""");

        var (exit, _, error) = await Run("import", data, "--db", db);

        Assert.Equal(ImporterApp.InvalidData, exit);
        Assert.Contains("nothing was written", error);
        Assert.Contains("zz-bad.json", error);
        Assert.Empty(Directory.EnumerateFiles(work));
    }

    [Fact]
    public async Task Importing_the_seeds_twice_changes_nothing_the_second_time()
    {
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");

        var first = await Run("import", TestPaths.Seeds, "--db", db);
        var second = await Run("import", TestPaths.Seeds, "--db", db);

        Assert.True(first.Exit == 0, first.Error);
        Assert.Matches(@"nodes:\s+[1-9]\d* created, 0 updated, 0 unchanged, 0 deleted", first.Output);
        Assert.Matches(@"nodes:\s+0 created, 0 updated, [1-9]\d* unchanged, 0 deleted", second.Output);
        Assert.Matches(@"relationships:\s+0 created, 0 updated, [1-9]\d* unchanged, 0 deleted", second.Output);
    }

    [Fact]
    public async Task A_missing_directory_is_an_error_not_an_empty_import()
    {
        var (exit, _, error) = await Run("import", "/nonexistent/seeds", "--db", Path.Combine(TestPaths.NewTempDirectory(), "x.db"));
        Assert.Equal(ImporterApp.InvalidData, exit);
        Assert.Contains("does not exist", error);
    }
}
