using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Records;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// Records mode: writes a synthetic city release (roster, assignments with open ends, complaints with findings), then
/// validates and imports it into the embedded store and imports it again unchanged. Prints rows/s per table, the
/// total time, the peak memory and the re-import time.
/// Usage: dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- records [officers units assignments complaints]
/// </summary>
public static class RecordsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (officers, units, assignments, complaints) = (Arg(0, 30_000), Arg(1, 220), Arg(2, 110_000), Arg(3, 250_000));
        var work = Path.Combine(Path.GetTempPath(), "kg-records-bench", Guid.NewGuid().ToString("n"));
        var data = Path.Combine(work, "release");
        var clock = Stopwatch.StartNew();
        Write(data, officers, units, assignments, complaints);
        Console.WriteLine($"wrote release: {officers:N0} officers, {units:N0} units, {assignments:N0} assignments, {complaints:N0} complaint rows in {clock.ElapsedMilliseconds:N0} ms");

        var total = Stopwatch.StartNew();
        var read = DatasetReader.Read(data);
        if (!read.IsValid) throw new InvalidDatasetException(read.Result.Errors);
        foreach (var table in read.Tables)
            Console.WriteLine($"  table {table.File,-16} {table.Rows,9:N0} rows {table.Elapsed.TotalMilliseconds,8:N0} ms {table.RowsPerSecond,10:N0} rows/s");
        var dataset = read.Result.Dataset!;
        Console.WriteLine($"read + validate: {total.ElapsedMilliseconds:N0} ms ({dataset.Nodes.Count:N0} nodes, {dataset.Relationships.Count:N0} relationships, {read.Warnings.Sum(w => w.Count):N0} warnings)");

        var store = new SqliteGraphStore(Path.Combine(work, "graph.db"));
        clock.Restart();
        var summary = await store.ImportAsync(dataset, null, CancellationToken.None);
        Console.WriteLine($"import into empty store: {clock.ElapsedMilliseconds:N0} ms ({summary.Nodes.Created:N0} nodes, {summary.Relationships.Created:N0} relationships created)");
        Console.WriteLine($"TOTAL validate + import: {total.ElapsedMilliseconds:N0} ms (target <= 60,000)");

        dataset = null;
        read = null;
        clock.Restart();
        var again = DatasetReader.Read(data);
        var second = await store.ImportAsync(again.Result.Dataset!, null, CancellationToken.None);
        Console.WriteLine($"RE-IMPORT unchanged (read + validate + compare): {clock.ElapsedMilliseconds:N0} ms (target <= 15,000); " +
            $"{second.Nodes.Created + second.Relationships.Created} created, {second.Nodes.Updated + second.Relationships.Updated} updated");
        Console.WriteLine($"PEAK working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB (target <= 2,048)");
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        return 0;
    }

    private static void Write(string directory, int officers, int units, int assignments, int complaints)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(9);
        File.WriteAllText(Path.Combine(directory, "force.json"),
            """{ "nodes": [ { "id": "force:bench-city", "label": "Force", "name": "Bench City Police" } ], "relationships": [] }""");
        File.WriteAllText(Path.Combine(directory, "bench.records.yaml"), """
            source: { id: "source:bench-release", name: "Synthetic release", kind: dataset, title: "Synthetic release", published: "2024-03" }
            tables:
              - file: roster.csv
                values: { status: { A: serving, R: retired, T: dismissed, "*": unknown } }
                nodes:
                  - { as: officer, label: Officer, id: "officer:bc-{id}", name: "{first} {last}", properties: { identified: true, status: "{status}", rank: "{rank}" } }
                relationships:
                  - { type: SERVED_IN, from: officer, to: "force:bench-city", properties: { from: "{appointed}", to: "{left}" } }
              - file: assignments.csv
                nodes:
                  - { as: unit, label: Unit, id: "unit:bc-{unit_id}", name: "{unit_name}", fallback: { name: "Unit {unit_id}" } }
                relationships:
                  - { type: SERVED_IN, from: "officer:bc-{officer_id}", to: unit, properties: { from: "{start}", to: "{end}" } }
                  - { type: PART_OF, from: unit, to: "force:bench-city" }
              - file: complaints.csv
                key: "{complaint_id}/{officer_id}"
                dates: { format: "MM/dd/yyyy" }
                values:
                  finding: { SU: proven, NS: not_proven, UN: unfounded, EX: exonerated, NAF: withdrawn, "": unknown }
                  category: { Force: use_of_force, Corruption: corruption, "*": other }
                nodes:
                  - { as: complaint, label: Case, id: "case:bc-{complaint_id}", name: "Complaint {complaint_id}", properties: { date: "{date}", categories: ["{category}"], summary: "{category}", legalStatus: unknown } }
                relationships:
                  - { type: SUBJECT_OF, from: "officer:bc-{officer_id}", to: complaint, properties: { role: subject, legalStatus: "{finding}" } }
            """);

        using (var roster = Writer(directory, "roster.csv"))
        {
            roster.WriteLine("id,first,last,rank,status,appointed,left");
            var statuses = new[] { "A", "A", "A", "R", "T" };
            for (var i = 0; i < officers; i++)
            {
                var year = 1985 + random.Next(35);
                var left = random.Next(3) == 0 ? $"{year + 1 + random.Next(5)}-0{1 + random.Next(9)}" : "";
                roster.WriteLine($"{i},First{i % 997},Last{i},Constable,{statuses[random.Next(statuses.Length)]},{year}-0{1 + random.Next(9)},{left}");
            }
        }
        using (var writer = Writer(directory, "assignments.csv"))
        {
            writer.WriteLine("id,officer_id,unit_id,unit_name,start,end");
            for (var i = 0; i < assignments; i++)
            {
                var unit = random.Next(units);
                var start = 1990 + random.Next(30);
                var end = random.NextDouble() < 0.28 ? "" : $"{start + 1 + random.Next(6)}-{1 + random.Next(12):00}";
                writer.WriteLine($"{i},{random.Next(officers)},{unit},{(unit % 9 == 0 ? "" : $"Unit {unit} Team")},{start}-{1 + random.Next(12):00},{end}");
            }
        }
        using (var writer = Writer(directory, "complaints.csv"))
        {
            writer.WriteLine("complaint_id,officer_id,date,category,finding");
            var findings = new[] { "SU", "NS", "UN", "EX", "NAF", "" };
            var categories = new[] { "Force", "Corruption", "Courtesy", "Search" };
            var complaint = 0;
            for (var i = 0; i < complaints; i++)
            {
                if (random.Next(5) < 3) complaint++; // a complaint names 1-3 officers
                writer.WriteLine($"{complaint},{(complaint * 7 + i) % officers},{1 + complaint % 12:00}/{1 + complaint % 28:00}/{2000 + complaint % 24},{categories[complaint % categories.Length]},{findings[random.Next(findings.Length)]}");
            }
        }
    }

    private static StreamWriter Writer(string directory, string name) => new(Path.Combine(directory, name), false, new UTF8Encoding(false), 1 << 16);
}
