using System.Text;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Importer;
using KnowledgeGraph.Records;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Contract;
using KnowledgeGraph.Tests.Neo4j;

namespace KnowledgeGraph.Tests.Records;

/// <summary>
/// A small messy release (BOM, ';' delimiter, reassignments to the same unit, open ends, duplicate roster rows, an
/// unmapped finding) imported into a store; served-together answers checked against a brute force here. Runs on a real
/// SQLite file, and on a real Neo4j server when NEO4J_URI names one.
/// </summary>
public abstract class RecordsStoreContract
{
    protected sealed record Stint(int Officer, int Unit, string Start, string? End);

    protected abstract IGraphStore NewStore();

    private static readonly string Mapping = """
        source: { id: source:messy-2024, name: Messy release, kind: dataset, title: Messy release, published: 2024-03 }
        tables:
          - file: roster.csv
            nodes:
              - { as: officer, label: Officer, id: "officer:m-{id}", name: "{name}", properties: { identified: true, status: serving } }
          - file: assignments.csv
            nodes:
              - { as: unit, label: Unit, id: "unit:m-{unit}", name: "Unit {unit}" }
            relationships:
              - { type: SERVED_IN, from: "officer:m-{officer}", to: unit, properties: { from: "{start}", to: "{end}" } }
              - { type: PART_OF, from: unit, to: "force:messy" }
          - file: complaints.csv
            key: "{complaint}/{officer}"
            values:
              finding: { SU: proven, NS: not_proven, UN: unfounded }
            nodes:
              - { as: complaint, label: Case, id: "case:m-{complaint}", name: "Complaint {complaint}", properties: { categories: [other], summary: complaint, legalStatus: unknown } }
            relationships:
              - { type: SUBJECT_OF, from: "officer:m-{officer}", to: complaint, properties: { role: subject, legalStatus: "{finding}" } }
        """;

    protected static List<Stint> Stints(int officers, int units, Random random)
    {
        var stints = new List<Stint>();
        for (var officer = 0; officer < officers; officer++)
        {
            var year = 2000 + random.Next(10);
            for (var i = 0; i < 3; i++)
            {
                // The same unit again on the third stint now and then: a reassignment is a second SERVED_IN.
                var unit = i == 2 && random.Next(2) == 0 ? stints[^2].Unit : random.Next(units);
                var start = $"{year}-{1 + random.Next(12):00}-{1 + random.Next(28):00}";
                year += 1 + random.Next(4);
                var end = random.Next(4) == 0 ? null : $"{year}-{1 + random.Next(12):00}-{1 + random.Next(28):00}";
                stints.Add(new Stint(officer, unit, start, end));
                year++;
            }
        }
        return stints;
    }

    protected static string WriteRelease(List<Stint> stints, int officers, bool unmappedFinding, bool reversed)
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "force.json"), """{ "nodes": [ { "id": "force:messy", "label": "Force", "name": "Messy Force" } ] }""");
        File.WriteAllText(Path.Combine(dir, "messy.records.yaml"), Mapping);
        var bom = new UTF8Encoding(true);
        var roster = Enumerable.Range(0, officers).Select(i => $"{i};Officer {i}").ToList();
        roster.Add("3;Officer 3"); // the same officer twice, as releases do
        var assignments = stints.Select(s => $"{s.Officer};{s.Unit};{s.Start};{s.End}").ToList();
        var complaints = Enumerable.Range(0, officers).Select(i => $"c{i / 2};{i};{(unmappedFinding && i == 5 ? "XX" : i % 3 == 0 ? "SU" : "NS")}").ToList();
        if (reversed) { roster.Reverse(); assignments.Reverse(); complaints.Reverse(); }
        File.WriteAllText(Path.Combine(dir, "roster.csv"), "id;name\n" + string.Join("\n", roster) + "\n", bom);
        File.WriteAllText(Path.Combine(dir, "assignments.csv"), "officer;unit;start;end\n" + string.Join("\n", assignments) + "\n", bom);
        File.WriteAllText(Path.Combine(dir, "complaints.csv"), "complaint;officer;finding\n" + string.Join("\n", complaints) + "\n", bom);
        return dir;
    }

    [StoreFact]
    public async Task A_messy_release_imports_and_served_together_matches_a_brute_force()
    {
        const int officers = 40, units = 6;
        var stints = Stints(officers, units, new Random(4));

        var broken = DatasetReader.Read(WriteRelease(stints, officers, unmappedFinding: true, reversed: false));
        var unmapped = Assert.Single(broken.Result.Errors, e => e.Message.Contains("value 'XX'"));
        Assert.Equal("complaints.csv", unmapped.File);
        Assert.Equal("finding", unmapped.Column);
        Assert.Equal(7, unmapped.Row);
        Assert.Contains("value 'XX'", unmapped.Message);
        Assert.Contains("1 row(s)", unmapped.Message);

        var read = DatasetReader.Read(WriteRelease(stints, officers, unmappedFinding: false, reversed: false));
        Assert.True(read.IsValid, string.Join("\n", read.Result.Errors));
        Assert.Contains(read.Warnings, w => w.File == "roster.csv" && w.Message.Contains("repeats"));
        var dataset = read.Result.Dataset!;
        Assert.Equal(stints.Count, dataset.Relationships.Count(r => r.Type == RelationshipTypes.ServedIn));
        Assert.Equal(officers, dataset.Nodes.Count(n => n.Label == Labels.Officer));
        Assert.All(dataset.Relationships, r => Assert.StartsWith("source:messy-2024#", Assert.Single(r.Sources)));

        var store = NewStore();
        await store.ImportAsync(dataset, null, CancellationToken.None);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var officer = 0; officer < officers; officer++)
        {
            var answer = await store.FindServedTogetherAsync(
                new ServedTogetherQuery($"officer:m-{officer}", ServiceScope.Unit, new PageRequest(QueryLimits.MaxResults)), CancellationToken.None);
            Assert.Null(answer!.Next);
            var actual = answer.Entries.SelectMany(e => e.Shared.Where(s => s.Basis == "unit").Select(s => (Officer: e.Officer, Shared: s)))
                .GroupBy(e => (Other: e.Officer.Id, Unit: e.Shared.Organisation!.Id))
                .Select(g => (g.Key.Other, g.Key.Unit, Certainty: g.Select(e => e.Shared.Certainty).OrderBy(Rank).Last()))
                .OrderBy(x => x.Other, StringComparer.Ordinal).ThenBy(x => x.Unit, StringComparer.Ordinal).ToList();
            var expected = BruteForce(stints, officer, today);
            Assert.Equal(expected, actual);
        }

        var again = await store.ImportAsync(DatasetReader.Read(WriteRelease(stints, officers, false, false)).Result.Dataset!, null, CancellationToken.None);
        Assert.Equal((0, 0, 0, 0), (again.Nodes.Created, again.Nodes.Updated, again.Relationships.Created, again.Relationships.Updated));
    }

    private static int Rank(string certainty) => certainty switch { "certain" => 2, "possible" => 1, _ => 0 };

    // Independent of Core's Period: a stint covers [start, end]; an unknown end may reach any later day.
    private static List<(string Other, string Unit, string Certainty)> BruteForce(List<Stint> stints, int officer, DateOnly today)
    {
        var result = new Dictionary<(string, string), int>();
        foreach (var a in stints.Where(s => s.Officer == officer))
            foreach (var b in stints.Where(s => s.Officer != officer && s.Unit == a.Unit))
            {
                var aStart = DateOnly.Parse(a.Start);
                var bStart = DateOnly.Parse(b.Start);
                DateOnly? aEnd = a.End is null ? null : DateOnly.Parse(a.End);
                DateOnly? bEnd = b.End is null ? null : DateOnly.Parse(b.End);
                int rank;
                if ((aEnd is { } ae && ae < bStart) || (bEnd is { } be && be < aStart)) rank = 0;
                else if (aEnd is not null && bEnd is not null) rank = 2;
                else rank = 1;
                if (rank == 0) continue;
                var key = ($"officer:m-{b.Officer}", $"unit:m-{a.Unit}");
                result[key] = Math.Max(result.GetValueOrDefault(key), rank);
            }
        _ = today;
        return result.Select(r => (r.Key.Item1, r.Key.Item2, r.Value == 2 ? "certain" : "possible"))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2, StringComparer.Ordinal).ToList();
    }
}

/// <summary>The records contract on the embedded store, with a real SQLite file, and what only the SQLite file shows.</summary>
public sealed class SqliteRecordsStoreTests : RecordsStoreContract
{
    protected override IGraphStore NewStore() => new SqliteGraphStore(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"));

    [Fact]
    public async Task Reordered_rows_change_no_fact_and_the_stored_citations_name_the_rows_they_moved_to()
    {
        const int officers = 30, units = 5;
        var stints = Stints(officers, units, new Random(11));
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        var store = new SqliteGraphStore(db);
        var original = DatasetReader.Read(WriteRelease(stints, officers, false, false)).Result.Dataset!;
        await store.ImportAsync(original, null, CancellationToken.None);

        var reversed = WriteRelease(stints, officers, false, reversed: true);
        var dataset = DatasetReader.Read(reversed).Result.Dataset!;
        // Counted here from the two datasets: the facts whose citations differ at all (the middle row of a file stays put).
        var nodesMoved = Moved(original.Nodes, dataset.Nodes, n => n.Id, n => n.Sources);
        var relationshipsMoved = Moved(original.Relationships, dataset.Relationships, r => r.Id, r => r.Sources);
        Assert.True(nodesMoved > officers && relationshipsMoved > stints.Count, $"{nodesMoved}, {relationshipsMoved}");

        var output = new StringWriter();
        Assert.Equal(ImporterApp.Ok, await ImporterApp.RunAsync(["import", reversed, "--db", db, "--dry-run"], output, new StringWriter()));
        Assert.Contains($"nodes: 0 created, 0 updated, {dataset.Nodes.Count - nodesMoved} unchanged, 0 deleted; {nodesMoved} re-pointed", output.ToString());
        Assert.Contains($"relationships: 0 created, 0 updated, {dataset.Relationships.Count - relationshipsMoved} unchanged, 0 deleted; {relationshipsMoved} re-pointed", output.ToString());

        var moved = await store.ImportAsync(dataset, null, CancellationToken.None);
        Assert.Equal(new ImportCounts(0, 0, dataset.Nodes.Count - nodesMoved, 0, nodesMoved), moved.Nodes);
        Assert.Equal(new ImportCounts(0, 0, dataset.Relationships.Count - relationshipsMoved, 0, relationshipsMoved), moved.Relationships);

        // Brute force over the reversed files: the row each stored SERVED_IN cites holds that very stint.
        var exported = await store.ExportAsync(CancellationToken.None);
        var lines = File.ReadAllLines(Path.Combine(reversed, "assignments.csv"));
        foreach (var rel in exported.Relationships.Where(r => r.Type == RelationshipTypes.ServedIn))
        {
            var locator = Citation.Parse(Assert.Single(rel.Sources)).Locator!;
            Assert.StartsWith("assignments.csv, row ", locator);
            var cells = lines[int.Parse(locator["assignments.csv, row ".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1].TrimStart('\uFEFF').Split(';');
            Assert.Equal((rel.From, rel.To, rel.Text("from"), rel.Text("to")),
                ($"officer:m-{cells[0]}", $"unit:m-{cells[1]}", cells[2], cells[3].Length == 0 ? null : cells[3]));
        }
        var roster = File.ReadAllLines(Path.Combine(reversed, "roster.csv"));
        foreach (var officer in exported.Nodes.Where(n => n.Label == Labels.Officer))
        {
            var locator = Citation.Parse(Assert.Single(officer.Sources)).Locator!;
            Assert.Equal(officer.Id, $"officer:m-{roster[int.Parse(locator["roster.csv, row ".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1].TrimStart('\uFEFF').Split(';')[0]}");
        }

        var still = await store.ImportAsync(DatasetReader.Read(reversed).Result.Dataset!, null, CancellationToken.None);
        Assert.Equal((0, 0, 0, 0), (still.Nodes.Updated, still.Nodes.Repointed, still.Relationships.Updated, still.Relationships.Repointed));
    }

    private static int Moved<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> id, Func<T, IReadOnlyList<string>> sources)
    {
        var now = after.ToDictionary(id, sources);
        return before.Count(item => !sources(item).SequenceEqual(now[id(item)]));
    }
}

/// <summary>The same release into a real Neo4j server (NEO4J_URI), through its batched import; skipped with the reason
/// when none is named.</summary>
[SkipStoreUnless(typeof(Neo4jServer), nameof(Neo4jServer.SkipReason))]
[Collection(Neo4jServer.Collection)]
public sealed class Neo4jRecordsStoreTests : RecordsStoreContract
{
    protected override IGraphStore NewStore() => Neo4jGraphStoreFactory.Create(Neo4jServer.Options());
}
