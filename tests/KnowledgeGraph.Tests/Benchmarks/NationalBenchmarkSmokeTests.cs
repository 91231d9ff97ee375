using KnowledgeGraph.Benchmarks;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.Benchmarks;

/// <summary>
/// Runs the national benchmark end to end at a tiny size (the real API as a process, every row, export, load) so it
/// cannot rot between the runs that produce figures. It times nothing: it checks every request answered and every
/// row is in the table.
/// </summary>
public sealed class NationalBenchmarkSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_benchmark_runs_end_to_end_at_a_tiny_size_with_no_errors_and_prints_every_row()
    {
        // A kept working directory (--work) with an earlier run's database: the first start must import afresh, not open
        // it (here it is not even a database, so opening it fails the start).
        var work = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(work, "embedded.db"), "left over from an earlier run");
        var options = new BenchmarkOptions
        {
            WorkDirectory = work,
            Keep = true,
            Size = new GraphSize(200, 50),
            Requests = 2,
            WarmUp = TimeSpan.Zero, // one pass
            RowBudget = TimeSpan.FromSeconds(20),
            LoadDuration = TimeSpan.FromSeconds(2),
            Clients = 4,
            LoadMaxRequests = 2_000,
            StartTimeout = TimeSpan.FromMinutes(2),
            SkipNeo4j = true,
        };
        using var printed = new StringWriter();

        var report = await NationalBenchmark.RunAsync(options, printed);
        output.WriteLine(printed.ToString());

        Assert.Equal(0, report.ErrorCount);
        Assert.True(report.Embedded.Export.Complete, report.Embedded.Export.Error);
        Assert.True(report.Embedded.Load.Requests > 0);
        var rows = RequestPlan.Rows(report.Graph);
        Assert.All(rows, row => Assert.NotEmpty(row.Urls));
        Assert.All(report.Embedded.Rows, row => Assert.Equal(options.Requests, row.Count));
        // The first warm-up pass is the cold figure: one answer per id, and the table says it.
        Assert.All(report.Embedded.Rows.Zip(rows), p => Assert.Equal((p.Second.Urls.Count, 1), (p.First.Cold!.Count, p.First.WarmUpPasses)));
        Assert.Contains("the first warm-up pass of each row", report.Markdown);
        foreach (var name in rows.Select(r => r.Name).Concat(["export GraphML", "first start", "API resident memory", "import", "load"]))
            Assert.Contains($"| {name}", report.Markdown);
    }

    [Fact]
    public void The_table_replaces_only_its_own_section_of_a_file_and_is_appended_where_the_file_has_none()
    {
        var file = Path.Combine(TestPaths.NewTempDirectory(), "performance.md");
        File.WriteAllText(file, "# Title\n<!-- bench:baseline:begin -->\nold baseline\n<!-- bench:baseline:end -->\n\n<!-- bench:after:begin -->\nnot yet\n<!-- bench:after:end -->\ntail\n");

        BenchmarkTable.WriteInto(file, "after", "| new |");
        BenchmarkTable.WriteInto(file, "extra", "| extra |");

        Assert.Equal("# Title\n<!-- bench:baseline:begin -->\nold baseline\n<!-- bench:baseline:end -->\n\n<!-- bench:after:begin -->\n| new |\n<!-- bench:after:end -->\ntail\n\n"
            + "<!-- bench:extra:begin -->\n| extra |\n<!-- bench:extra:end -->\n", File.ReadAllText(file));
    }
}
