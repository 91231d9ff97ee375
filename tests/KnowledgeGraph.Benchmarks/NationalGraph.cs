using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Benchmarks;

/// <summary>How big a generated graph is. <see cref="National"/> is the size issue 10 measures against.</summary>
public sealed record GraphSize(int Officers, int Cases)
{
    public static readonly GraphSize National = new(150_000, 50_000);

    /// <summary>43 forces and 1,505 units at national size; a small run scales them down so units are not empty.</summary>
    public int Forces => Math.Clamp((Officers + 3_499) / 3_500, 2, 43);

    public int UnitsPerForce => Math.Clamp((Officers + Forces * 100 - 1) / (Forces * 100), 2, 35);

    /// <summary>One local news source per hundred cases, besides the national register that reports on every case.</summary>
    public int LocalSources => Math.Max(3, Cases / 100);
}

/// <summary>Ids the benchmark asks about, chosen while generating so every kind of question is covered:
/// officers in the biggest units, the training unit and the smallest units; cases with many and with few connections.</summary>
public sealed record GraphSample(
    IReadOnlyList<string> BigUnitOfficers, IReadOnlyList<string> TrainingUnitOfficers, IReadOnlyList<string> SmallUnitOfficers,
    IReadOnlyList<string> BusyCases, IReadOnlyList<string> QuietCases,
    IReadOnlyList<string> BigUnits, IReadOnlyList<string> SmallUnits, string TrainingUnit,
    IReadOnlyList<string> Forces, string NationalSource, IReadOnlyList<string> LocalSources,
    int Nodes, int Relationships);

/// <summary>
/// Writes a national-size dataset as seed files (forces and units, officers with 1-3 dated assignments, cases with
/// subjects, events, victim roles and sources), every fact cited, so the API's own seed import loads it and the
/// benchmark measures validation and import as users meet them. Deterministic: the same seed writes the same files.
/// Hubs are deliberate: one training unit that about 13k of 150k officers pass through, one source (the national
/// register) that reports on every case, a few hundred officers who are subjects of many cases, skewed force and unit sizes.
/// </summary>
public static class NationalGraph
{
    public const string TrainingUnit = "unit:training-college", NationalSource = "source:national-register";

    private static readonly string[] FirstNames = ["Alex", "Sam", "Jo", "Chris", "Pat", "Lee", "Robin", "Kim", "Jamie", "Morgan", "Ashley", "Taylor", "Jordan", "Casey", "Drew", "Rowan"];
    private static readonly string[] LastNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright", "Evans", "Thomas", "Roberts", "Walker", "Khan", "Hughes", "Green", "Hall", "Lewis", "Clarke"];
    private static readonly string[] Categories = ["abuse_of_position_sexual", "sexual_offence", "violent_offence", "use_of_force", "corruption", "misconduct_in_public_office", "discriminatory_conduct", "degrading_treatment", "failure_to_investigate", "other"];
    private static readonly string[] GrossSanctions = ["dismissed", "dismissed", "would_have_been_dismissed", "final_written_warning", "barred"];
    private static readonly string[] MisconductSanctions = ["written_warning", "final_written_warning", "management_advice", "reflective_practice", "no_further_action"];
    private const int OfficersPerFile = 10_000, CasesPerFile = 5_000;

    public static GraphSample Write(string directory, GraphSize size, int seed = 42)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var counts = new Counts();
        var forces = Enumerable.Range(0, size.Forces).Select(f => $"force:f{f}").ToArray();
        var units = Enumerable.Range(0, size.Forces)
            // Force 0 holds the training college as one of its units.
            .Select(f => Enumerable.Range(0, f == 0 ? size.UnitsPerForce - 1 : size.UnitsPerForce).Select(u => $"unit:f{f}-u{u}").ToArray()).ToArray();
        var forceWeights = Cumulative(size.Forces, 0.9);
        var unitWeights = Cumulative(size.UnitsPerForce, 0.8);

        using (var file = new SeedFile(Path.Combine(directory, "00-forces-units-sources.json"), counts))
        {
            file.Node(NationalSource, "Source", "National register of misconduct outcomes", w =>
            {
                w.WriteString("kind", "report"); w.WriteString("title", "National register of misconduct outcomes");
                w.WriteString("published", "2025"); w.WriteString("seedFile", "synthetic-national-register");
            });
            for (var s = 0; s < size.LocalSources; s++)
                file.Node($"source:local-{s}", "Source", $"Local news report {s}", w =>
                {
                    w.WriteString("kind", "news_report"); w.WriteString("title", $"Local news report {s}");
                    w.WriteString("published", $"{2000 + s % 25}"); w.WriteString("seedFile", $"synthetic-local-{s}");
                });
            for (var f = 0; f < size.Forces; f++)
            {
                var roster = $"source:roster-f{f}";
                file.Node(roster, "Source", $"Workforce roster of force {f}", w =>
                {
                    w.WriteString("kind", "report"); w.WriteString("title", $"Workforce roster of force {f}"); w.WriteString("seedFile", $"synthetic-roster-{f}");
                });
                file.Node(forces[f], "Force", $"{LastNames[f % LastNames.Length]}shire Police {f}", null);
                file.Node($"org:panel-f{f}", "Organisation", $"Misconduct panel of force {f}", w => w.WriteString("kind", "misconduct_panel"));
                foreach (var unit in units[f])
                {
                    file.Node(unit, "Unit", $"{unit[5..]} response team", null);
                    file.Relationship("PART_OF", unit, forces[f], roster, null);
                }
            }
            file.Node(TrainingUnit, "Unit", "National training college", null);
            file.Relationship("PART_OF", TrainingUnit, forces[0], "source:roster-f0", null);
        }

        // Who served where, so the sample can pick officers in big and small units.
        var unitMembers = new Dictionary<string, List<int>>();
        var officerForce = new int[size.Officers];
        SeedFile? officers = null;
        for (var o = 0; o < size.Officers; o++)
        {
            if (o % OfficersPerFile == 0)
            {
                officers?.Dispose();
                officers = new SeedFile(Path.Combine(directory, $"10-officers-{o / OfficersPerFile:000}.json"), counts);
            }
            var id = $"officer:o{o}";
            var force = Pick(random, forceWeights);
            officerForce[o] = force;
            var roster = $"source:roster-f{force}";
            officers!.Node(id, "Officer", $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}", w =>
            {
                w.WriteBoolean("identified", true); w.WriteString("status", random.Next(4) == 0 ? "retired" : "serving");
            });
            var assignments = random.NextDouble() switch { < 0.3 => 1, < 0.7 => 2, _ => 3 };
            var year = 1980 + random.Next(43);
            var firstYear = year;
            string? lastEnd = null;
            for (var a = 0; a < assignments; a++)
            {
                // About 13k of 150k officers start in the training college: one year, dates known to the month.
                var training = a == 0 && random.NextDouble() < 0.087;
                var unitForce = training ? 0 : random.NextDouble() < 0.9 ? force : Pick(random, forceWeights);
                var unit = training ? TrainingUnit : units[unitForce][Math.Min(Pick(random, unitWeights), units[unitForce].Length - 1)];
                (unitMembers.TryGetValue(unit, out var members) ? members : unitMembers[unit] = []).Add(o);
                var years = training ? 1 : 1 + random.Next(8);
                var from = training ? $"{year}-09" : Date(random, year);
                var last = a == assignments - 1;
                string? to = training ? $"{year + 1}-07"
                    : last ? random.NextDouble() switch { < 0.35 => "present", < 0.45 => null, _ => Date(random, year + years) }
                    : random.NextDouble() < 0.05 ? null : Date(random, year + years);
                var unknownStart = !training && random.NextDouble() < 0.03;
                // Keyed by assignment: an officer may return to a unit they served in before.
                officers.Relationship("SERVED_IN", id, unit, roster, key: $"a{a}", properties: w =>
                {
                    if (!unknownStart) w.WriteString("from", from);
                    if (to is not null) w.WriteString("to", to);
                    w.WriteString("rank", a == 0 ? "Police Constable" : "Sergeant");
                });
                lastEnd = to;
                year += years;
            }
            // A third of the officers are also on the force's own list, without a unit.
            if (random.NextDouble() < 0.35)
                officers.Relationship("SERVED_IN", id, forces[force], roster, w =>
                {
                    w.WriteString("from", $"{firstYear}");
                    if (lastEnd is not null) w.WriteString("to", lastEnd);
                });
        }
        officers?.Dispose();

        // A few hundred officers are subjects of many cases: their cases have many connections.
        var repeatOfficers = Math.Max(2, size.Officers / 200);
        var busyCases = new List<string>();
        var quietCases = new List<string>();
        SeedFile? cases = null;
        for (var c = 0; c < size.Cases; c++)
        {
            if (c % CasesPerFile == 0)
            {
                cases?.Dispose();
                cases = new SeedFile(Path.Combine(directory, $"20-cases-{c / CasesPerFile:000}.json"), counts);
            }
            var id = $"case:c{c}";
            var local = $"source:local-{random.Next(size.LocalSources)}";
            var year = 1995 + random.Next(30);
            var date = $"{year}-{1 + random.Next(12):00}";
            var subjectCount = random.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };
            var subjects = new HashSet<int>();
            var busy = false;
            while (subjects.Count < subjectCount)
            {
                var repeat = random.NextDouble() < 0.1;
                busy |= repeat;
                subjects.Add(repeat ? random.Next(repeatOfficers) : random.Next(size.Officers));
            }
            if (busy && busyCases.Count < 8) busyCases.Add(id);
            if (!busy && subjectCount == 1 && quietCases.Count < 8 && subjects.First() >= repeatOfficers) quietCases.Add(id);

            var finding = random.NextDouble() < 0.8;
            var gross = random.NextDouble() < 0.45;
            var proven = finding && random.NextDouble() < 0.65;
            var status = proven ? "proven" : finding ? "not_proven" : "under_investigation";
            var category = Categories[random.Next(Categories.Length)];
            cases!.Node(id, "Case", $"Case {c}: {category.Replace('_', ' ')}", w =>
            {
                w.WriteStartArray("categories"); w.WriteStringValue(category); w.WriteEndArray();
                w.WriteString("legalStatus", status); w.WriteString("summary", "A synthetic case generated for the benchmark.");
                w.WriteString("date", date); w.WriteString("location", $"Town {c % 500}");
                Sources(w, NationalSource, local);
            });
            cases.Relationship("REPORTS_ON", NationalSource, id, NationalSource, null);
            cases.Relationship("REPORTS_ON", local, id, local, null);
            foreach (var subject in subjects)
                cases.Relationship("SUBJECT_OF", $"officer:o{subject}", id, local, w =>
                {
                    w.WriteString("role", "subject"); w.WriteString("legalStatus", status);
                });

            var step = 0;
            void Event(string kind, int atYear, Action<Utf8JsonWriter> properties)
            {
                var eventId = $"event:c{c}-e{step++}";
                cases.Node(eventId, "Event", $"{kind.Replace('_', ' ')} in case {c}", w =>
                {
                    w.WriteString("kind", kind); w.WriteString("date", $"{atYear}-{1 + random.Next(12):00}");
                    w.WriteString("summary", $"Synthetic {kind.Replace('_', ' ')}.");
                    properties(w);
                    Sources(w, local);
                });
                cases.Relationship("HAS_EVENT", id, eventId, local, null);
            }
            Event("incident", year, w => w.WriteString("legalStatus", "alleged"));
            if (random.NextDouble() < 0.5) Event("complaint", year, w => w.WriteString("legalStatus", "alleged"));
            if (finding)
            {
                if (random.NextDouble() < 0.4) Event("hearing", year + 1, _ => { });
                var level = gross ? "gross_misconduct" : "misconduct";
                var findingId = $"event:c{c}-e{step}";
                Event("finding", year + 1, w => { w.WriteString("legalStatus", status); w.WriteString("misconductLevel", level); });
                cases.Relationship("BY", findingId, $"org:panel-f{officerForce[subjects.First()]}", local, w => w.WriteString("role", "decided"));
                if (proven && random.NextDouble() < 0.7)
                {
                    var sanction = gross ? GrossSanctions[random.Next(GrossSanctions.Length)] : MisconductSanctions[random.Next(MisconductSanctions.Length)];
                    Event("sanction", year + 1, w => { w.WriteString("legalStatus", "proven"); w.WriteString("sanction", sanction); });
                }
            }
            var victimId = $"victim:c{c}";
            cases.Node(victimId, "VictimRole", null, w =>
            {
                w.WriteString("role", random.Next(3) == 0 ? "complainant" : "victim");
                w.WriteString("descriptor", "a member of the public"); w.WriteString("anonymity", "protected");
                Sources(w, local);
            });
            cases.Relationship("HAS_VICTIM", id, victimId, local, null);
        }
        cases?.Dispose();

        var nonEmpty = unitMembers.Where(u => u.Key != TrainingUnit).OrderByDescending(u => u.Value.Count).ThenBy(u => u.Key, StringComparer.Ordinal).ToList();
        var bigUnits = nonEmpty.Take(3).ToList();
        var smallUnits = nonEmpty.AsEnumerable().Reverse().Take(3).ToList();
        string[] Officers(IEnumerable<List<int>> groups, int each) =>
            groups.SelectMany(g => g.Where(o => o >= repeatOfficers).Take(each)).Distinct().Select(o => $"officer:o{o}").ToArray();
        return new GraphSample(
            Officers(bigUnits.Select(u => u.Value), 2), Officers([unitMembers.GetValueOrDefault(TrainingUnit) ?? []], 5), Officers(smallUnits.Select(u => u.Value), 2),
            busyCases, quietCases, bigUnits.Select(u => u.Key).ToArray(), smallUnits.Select(u => u.Key).ToArray(), TrainingUnit,
            forces.Take(3).ToArray(), NationalSource, Enumerable.Range(0, Math.Min(3, size.LocalSources)).Select(s => $"source:local-{s}").ToArray(),
            counts.Nodes, counts.Relationships);
    }

    private static string Date(Random random, int year) => random.NextDouble() switch
    {
        < 0.25 => $"{year}",
        < 0.85 => $"{year}-{1 + random.Next(12):00}",
        _ => $"{year}-{1 + random.Next(12):00}-{1 + random.Next(28):00}",
    };

    private static void Sources(Utf8JsonWriter w, params string[] sources)
    {
        w.WriteStartArray("sources");
        foreach (var source in sources) w.WriteStringValue(source);
        w.WriteEndArray();
    }

    /// <summary>Zipf-like weights: a few big forces (units) and a long tail of small ones.</summary>
    private static double[] Cumulative(int count, double exponent)
    {
        var weights = Enumerable.Range(1, count).Select(i => 1 / Math.Pow(i, exponent)).ToArray();
        var total = weights.Sum();
        var running = 0.0;
        return weights.Select(w => running += w / total).ToArray();
    }

    private static int Pick(Random random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private sealed class Counts
    {
        public int Nodes, Relationships;
    }

    /// <summary>One seed file written as a stream: the nodes array, then the relationships array.</summary>
    private sealed class SeedFile : IDisposable
    {
        private readonly FileStream _stream;
        private readonly Utf8JsonWriter _nodes;
        private readonly MemoryStream _relationshipBuffer = new();
        private readonly Utf8JsonWriter _relationships;
        private readonly Counts _counts;

        public SeedFile(string path, Counts counts)
        {
            _counts = counts;
            _stream = File.Create(path);
            _nodes = new Utf8JsonWriter(_stream);
            _nodes.WriteStartObject();
            _nodes.WriteStartArray("nodes");
            _relationships = new Utf8JsonWriter(_relationshipBuffer);
            _relationships.WriteStartArray();
        }

        public void Node(string id, string label, string? name, Action<Utf8JsonWriter>? properties)
        {
            _counts.Nodes++;
            _nodes.WriteStartObject();
            _nodes.WriteString("id", id);
            _nodes.WriteString("label", label);
            if (name is not null) _nodes.WriteString("name", name);
            properties?.Invoke(_nodes);
            _nodes.WriteEndObject();
        }

        public void Relationship(string type, string from, string to, string source, Action<Utf8JsonWriter>? properties = null, string? key = null)
        {
            _counts.Relationships++;
            var w = _relationships;
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("from", from);
            w.WriteString("to", to);
            if (key is not null) w.WriteString("key", key);
            Sources(w, source);
            w.WriteStartObject("properties");
            properties?.Invoke(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        public void Dispose()
        {
            _relationships.WriteEndArray();
            _relationships.Flush();
            _nodes.WriteEndArray();
            _nodes.WritePropertyName("relationships");
            _nodes.WriteRawValue(_relationshipBuffer.ToArray(), skipInputValidation: true);
            _nodes.WriteEndObject();
            _nodes.Dispose();
            _relationships.Dispose();
            _stream.Dispose();
        }
    }
}
