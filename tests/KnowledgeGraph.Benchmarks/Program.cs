using System.Diagnostics;
using KnowledgeGraph.Benchmarks;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Rules;
using KnowledgeGraph.Storage.Sqlite;

// Prints timings (median of repeated runs, in milliseconds) for the embedded store at a size well beyond the seeds.
// Usage: dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks [-- officers cases]
var officers = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var cases = args.Length > 1 ? int.Parse(args[1]) : 5_000;
var work = Path.Combine(Path.GetTempPath(), "kg-bench", Guid.NewGuid().ToString("n"));
SyntheticDataset.Write(Path.Combine(work, "data"), officers, cases);
var ct = CancellationToken.None;

var clock = Stopwatch.StartNew();
var loaded = DatasetLoader.Load(Path.Combine(work, "data"));
if (!loaded.IsValid) throw new InvalidDatasetException(loaded.Errors);
var dataset = loaded.Dataset!;
Console.WriteLine($"dataset: {dataset.Nodes.Count:N0} nodes, {dataset.Relationships.Count:N0} relationships ({officers:N0} officers, {cases:N0} cases)");
Console.WriteLine($"{"validate (parse + check)",-38} {clock.ElapsedMilliseconds,8} ms");

var store = new SqliteGraphStore(Path.Combine(work, "graph.db"));
clock.Restart();
await store.ImportAsync(dataset, null, ct);
Console.WriteLine($"{"import into empty store",-38} {clock.ElapsedMilliseconds,8} ms");
clock.Restart();
var again = await store.ImportAsync(dataset, null, ct);
Console.WriteLine($"{"re-import, nothing changed",-38} {clock.ElapsedMilliseconds,8} ms  ({again.Nodes.Unchanged:N0} nodes unchanged)");

async Task Measure(string name, Func<Task<object?>> run, int repeats = 15)
{
    await run(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        var sw = Stopwatch.StartNew();
        await run();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name,-38} {times[times.Count / 2],8:F2} ms median, {times[^1],8:F2} ms max ({repeats} runs)");
}

await Measure("search 'smith' (limit 50)", async () => await store.SearchAsync(new SearchQuery("smith", null, 50), ct));
await Measure("node officer:o1 with relationships", async () => await store.GetNodeAsync("officer:o1", QueryLimits.RelationshipsPerNode, ct));
await Measure("neighbourhood case:c1 depth 2 (150)", async () => await store.GetNeighbourhoodAsync(new NeighbourhoodQuery("case:c1", 2, 150, null, null), ct));
await Measure("neighbourhood force:f0 depth 3 (500)", async () => await store.GetNeighbourhoodAsync(new NeighbourhoodQuery("force:f0", 3, 500, null, null), ct));
await Measure("shortest paths officer:o1 -> o2 (6)", async () => await store.FindShortestPathsAsync(new PathQuery("officer:o1", "officer:o2", 6, [], [], 10), ct));
await Measure("served together officer:o1 (unit)", async () => await store.FindServedTogetherAsync("officer:o1", ServiceScope.Unit, ct));
await Measure("served together officer:o1 (force)", async () => await store.FindServedTogetherAsync("officer:o1", ServiceScope.Force, ct));
await Measure("served together at unit:f0-u0 (500)", async () => await store.FindServedTogetherAtAsync(new OrganisationServedTogetherQuery("unit:f0-u0", null, null, 500), ct));
await Measure("timeline case:c1", async () => await store.GetCaseTimelineAsync("case:c1", ct));
await Measure("case connections case:c1 (first page)", async () =>
    CaseConnectionRule.For((await store.GetCaseConnectionFactsAsync("case:c1", ct))!, new PageRequest(50), DateOnly.FromDateTime(DateTime.UtcNow)));
await Measure("outcome statistics (all cases)", async () => OutcomeStatistics.Compute(await store.GetCaseOutcomesAsync(null, null, ct), null, null));
await Measure("source evidence source:s0 (first page)", async () => await store.GetSourceEvidenceAsync("source:s0", new PageRequest(50), ct));
Directory.Delete(work, recursive: true);
