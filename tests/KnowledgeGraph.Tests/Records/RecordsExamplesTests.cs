using KnowledgeGraph.Importer;
using KnowledgeGraph.Records;

namespace KnowledgeGraph.Tests.Records;

/// <summary>The shipped mappings and the example release validate, and the importer's records paths behave.</summary>
public class RecordsExamplesTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ImporterApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("examples/records")]
    [InlineData("examples/mappings/openoversight")]
    [InlineData("examples/mappings/national-police-index")]
    public async Task The_shipped_example_validates(string directory)
    {
        var (exit, output, error) = await Run("validate", Path.Combine(TestPaths.RepoRoot, directory));
        Assert.True(exit == ImporterApp.Ok, error);
        Assert.Contains("valid:", output);
    }

    [Fact]
    public void The_openoversight_mapping_gives_one_officer_per_id_and_two_stints_for_a_return_to_the_same_unit()
    {
        var read = DatasetReader.Read(Path.Combine(TestPaths.RepoRoot, "examples/mappings/openoversight"));
        Assert.True(read.IsValid, string.Join("\n", read.Result.Errors));
        var dataset = read.Result.Dataset!;
        Assert.Equal("Alma J Rowe", dataset.Nodes.Single(n => n.Id == "officer:oo-1").Name);
        Assert.Equal("Tomas Baird Jr", dataset.Nodes.Single(n => n.Id == "officer:oo-2").Name);
        Assert.Equal(2, dataset.Relationships.Count(r => r.From == "officer:oo-2" && r.To == "unit:oo-7"));
        Assert.Equal("Narcotics", dataset.Nodes.Single(n => n.Id == "unit:oo-9").Name);
        Assert.Equal("2015-03-01", dataset.Relationships.Single(r => r.From == "officer:oo-3" && r.To.StartsWith("force:", StringComparison.Ordinal)).Text("from"));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_says_what_an_import_would_change()
    {
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        var release = Path.Combine(TestPaths.RepoRoot, "examples/records");

        var (exit, output, error) = await Run("import", release, "--db", db, "--dry-run");
        Assert.True(exit == ImporterApp.Ok, error);
        Assert.False(File.Exists(db));
        Assert.Contains("nodes: 14 created, 0 updated, 0 unchanged, 0 deleted", output);
        Assert.Contains("officer:exf-1001", output);

        Assert.Equal(ImporterApp.Ok, (await Run("import", release, "--db", db)).Exit);
        var before = File.GetLastWriteTimeUtc(db);
        (exit, output, _) = await Run("import", release, "--db", db, "--dry-run");
        Assert.Equal(ImporterApp.Ok, exit);
        Assert.Contains("nodes: 0 created, 0 updated, 14 unchanged, 0 deleted", output);
        Assert.Contains("relationships: 0 created, 0 updated, 20 unchanged, 0 deleted", output);
        Assert.Equal(before, File.GetLastWriteTimeUtc(db));

        (exit, output, _) = await Run("import", release, "--db", db);
        Assert.Equal(ImporterApp.Ok, exit);
        Assert.Contains("nodes:         0 created, 0 updated, 14 unchanged, 0 deleted", output);
    }

    [Fact]
    public void The_seed_fingerprint_inputs_include_the_mappings_and_their_tables()
    {
        var files = DatasetReader.InputFiles(Path.Combine(TestPaths.RepoRoot, "examples/records")).Select(Path.GetFileName).ToList();
        Assert.Contains("example-force.records.yaml", files);
        Assert.Contains("assignments.csv", files);
        Assert.Contains("example-force.json", files);
    }
}
