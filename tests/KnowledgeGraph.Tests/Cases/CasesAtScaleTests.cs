using System.Text.Json.Nodes;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Cases;

/// <summary>
/// Correctness at scale: a generated mid-size graph with real hubs (a source covering every case, a category most cases
/// share, a training unit most officers pass through, panels acting in hundreds of cases), where the store's indexed,
/// hub-aware, paged answers must equal brute force over the whole dataset.
/// </summary>
public sealed class CasesAtScaleTests : IAsyncLifetime
{
    private const int Cases = 900, Officers = 700;
    private Core.Model.Dataset _dataset = null!;
    private SqliteGraphStore _store = null!;
    private List<CaseFacts> _all = null!;

    public async Task InitializeAsync()
    {
        var loaded = DatasetLoader.LoadDocuments([("generated.json", Generate())]);
        _dataset = loaded.Dataset ?? throw new InvalidDatasetException(loaded.Errors);
        _store = new SqliteGraphStore(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"));
        await _store.ImportAsync(_dataset, null, CancellationToken.None);
        _all = await CaseBruteForce.AllFactsAsync(_store, _dataset.Nodes.Where(n => n.Label == Labels.Case).Select(n => n.Id));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Connections_of_sampled_cases_walked_page_by_page_equal_brute_force()
    {
        var nodes = _dataset.Nodes.ToDictionary(n => n.Id, NodeRef.Of);
        var hubKinds = new HashSet<string>();
        foreach (var caseId in Enumerable.Range(0, Cases).Where(c => c % 75 == 0 || c == Cases - 1).Select(c => $"case:c{c:0000}"))
        {
            var expected = CaseBruteForce.Connections(caseId, _all, id => nodes.GetValueOrDefault(id));
            var (walked, total, first) = await CaseBruteForce.WalkAllPagesAsync(_store, caseId, 97);
            Assert.Equal(expected.Count, total);
            Assert.Equal(CaseBruteForce.Json(expected), CaseBruteForce.Json(walked));

            // The source covering every case is a hub: named with its count, and every other case is a connection.
            var big = Assert.Single(first.Hubs, h => h.Node.Id == "source:big");
            Assert.Equal(Cases - 1, big.Cases);
            Assert.Equal(Cases - 1, total);
            hubKinds.UnionWith(first.Hubs.Select(h => h.Kind));
        }
        // Every kind that can be a hub was one somewhere in the sample, so each hub path was checked.
        Assert.Equal(CaseConnectionRule.Kinds.Where(CaseConnectionRule.CanBeHub).Order(), hubKinds.Order());
    }

    [Fact]
    public async Task Outcomes_for_every_force_and_category_equal_brute_force()
    {
        var forces = _dataset.Nodes.Where(n => n.Label == Labels.Force).Select(n => (string?)n.Id).Prepend(null).ToList();
        foreach (var force in forces)
            foreach (var category in new string?[] { null, "use_of_force", "corruption", "other" })
            {
                var expected = CaseBruteForce.Outcomes(_all, force, category);
                var outcomes = await _store.GetCaseOutcomesAsync(force, category, CancellationToken.None);
                Assert.Equal(CaseBruteForce.Json(expected), CaseBruteForce.Json(outcomes));
                var stats = OutcomeStatistics.Compute(outcomes, force, category, caseIdLimit: 5);
                Assert.All(stats.Outcomes, o => Assert.Equal(o.Count > 5, o.CaseIdsTruncated));
                Assert.Equal(expected.Count(o => o.Finding is not null || o.Sanctions.Count > 0),
                    OutcomeStatistics.Compute(outcomes, force, category, int.MaxValue).Outcomes.SelectMany(o => o.CaseIds).Distinct().Count());
            }
    }

    private static string Generate()
    {
        var random = new Random(7);
        var nodes = new JsonArray();
        var rels = new JsonArray();
        void Rel(string type, string from, string to, JsonObject? props = null, string source = "source:big") =>
            rels.Add(new JsonObject { ["type"] = type, ["from"] = from, ["to"] = to, ["sources"] = new JsonArray(source), ["properties"] = props ?? new JsonObject() });
        string Date() => $"{2005 + random.Next(15)}-{1 + random.Next(12):00}";

        nodes.Add(new JsonObject { ["id"] = "source:big", ["label"] = "Source", ["name"] = "Register", ["kind"] = "report", ["title"] = "The register", ["seedFile"] = "register.txt" });
        for (var s = 0; s < 30; s++)
            nodes.Add(new JsonObject { ["id"] = $"source:s{s}", ["label"] = "Source", ["name"] = $"Report {s}", ["kind"] = "news_report", ["title"] = $"Report {s}", ["seedFile"] = $"s{s}.txt" });
        for (var f = 0; f < 3; f++)
        {
            nodes.Add(new JsonObject { ["id"] = $"force:f{f}", ["label"] = "Force", ["name"] = $"Force {f}" });
            for (var u = 0; u < 12; u++)
            {
                nodes.Add(new JsonObject { ["id"] = $"unit:f{f}-u{u}", ["label"] = "Unit", ["name"] = $"Unit {u} of force {f}" });
                Rel("PART_OF", $"unit:f{f}-u{u}", $"force:f{f}");
            }
        }
        nodes.Add(new JsonObject { ["id"] = "unit:training", ["label"] = "Unit", ["name"] = "Training school" });
        Rel("PART_OF", "unit:training", "force:f0");
        for (var p = 0; p < 12; p++)
            nodes.Add(new JsonObject { ["id"] = $"org:panel{p}", ["label"] = "Organisation", ["name"] = $"Panel {p}", ["kind"] = "misconduct_panel" });
        for (var o = 0; o < Officers; o++)
        {
            nodes.Add(new JsonObject { ["id"] = $"officer:o{o}", ["label"] = "Officer", ["name"] = $"Officer {o % 50}", ["identified"] = true, ["status"] = "serving" });
            var force = random.Next(3);
            var start = 1995 + random.Next(20);
            Rel("SERVED_IN", $"officer:o{o}", $"unit:f{force}-u{random.Next(12)}", new JsonObject { ["from"] = $"{start}", ["to"] = $"{start + 1 + random.Next(8)}" });
            if (random.Next(3) == 0) Rel("SERVED_IN", $"officer:o{o}", $"force:f{force}", new JsonObject { ["from"] = $"{start}" });
            if (random.Next(2) == 0) Rel("SERVED_IN", $"officer:o{o}", "unit:training", new JsonObject { ["from"] = $"{start - 1}", ["to"] = $"{start}" });
        }
        string[] others = ["corruption", "other", "sexual_offence", "violent_offence"];
        (string Kind, string Status, string? Level, string? Sanction)[] steps =
        [
            ("complaint", "alleged", null, null), ("finding", "proven", "gross_misconduct", null), ("finding", "proven", "misconduct", null),
            ("finding", "proven", null, null), ("sanction", "proven", null, "dismissed"), ("sanction", "proven", null, "final_written_warning"),
            ("sanction", "proven", null, null), ("verdict", "convicted", null, null), ("appeal", "overturned", null, null), ("statement", "alleged", null, null),
        ];
        for (var c = 0; c < Cases; c++)
        {
            var id = $"case:c{c:0000}";
            var categories = new JsonArray();
            if (random.Next(10) < 7) categories.Add("use_of_force");
            categories.Add(others[random.Next(others.Length)]);
            var sources = new JsonArray("source:big");
            if (random.Next(2) == 0) sources.Add($"source:s{random.Next(30)}");
            nodes.Add(new JsonObject { ["id"] = id, ["label"] = "Case", ["name"] = $"Case {c % 300}", ["categories"] = categories, ["legalStatus"] = "alleged",
                ["summary"] = "Generated case.", ["sources"] = sources, ["date"] = Date() });
            for (var s = 0; s < 1 + random.Next(2); s++)
                Rel("SUBJECT_OF", $"officer:o{random.Next(Officers)}", id, new JsonObject { ["role"] = "subject", ["legalStatus"] = "alleged" });
            Rel("REPORTS_ON", "source:big", id);
            if (random.Next(4) == 0) Rel("COMMENTS_ON", $"source:s{random.Next(30)}", id, source: $"source:s{random.Next(30)}");
            for (var e = 0; e < 1 + random.Next(4); e++)
            {
                var step = steps[random.Next(steps.Length)];
                var ev = new JsonObject { ["id"] = $"event:c{c}-e{e}", ["label"] = "Event", ["name"] = $"Step {e}", ["kind"] = step.Kind, ["date"] = Date(),
                    ["summary"] = "Generated step.", ["legalStatus"] = step.Status, ["sources"] = new JsonArray("source:big") };
                if (step.Level is not null) ev["misconductLevel"] = step.Level;
                if (step.Sanction is not null) ev["sanction"] = step.Sanction;
                nodes.Add(ev);
                Rel("HAS_EVENT", id, $"event:c{c}-e{e}");
                if (random.Next(2) == 0) Rel("BY", $"event:c{c}-e{e}", $"org:panel{random.Next(4)}");
            }
            if (c > 0 && random.Next(15) == 0) Rel("RELATED_TO", id, $"case:c{random.Next(c):0000}", new JsonObject { ["reason"] = "same complainant" });
        }
        return new JsonObject { ["nodes"] = nodes, ["relationships"] = rels }.ToJsonString();
    }
}
