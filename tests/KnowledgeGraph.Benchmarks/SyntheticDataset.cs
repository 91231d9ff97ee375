using System.Text.Json.Nodes;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// A dataset shaped like the real one but large: forces with units, officers with dated service, cases with
/// subjects, events and victim roles, all cited. Written as JSON files so the benchmark also measures validation.
/// Deterministic (fixed seed) so runs compare.
/// </summary>
public static class SyntheticDataset
{
    public static void Write(string directory, int officers, int cases)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(42);
        var nodes = new JsonArray();
        var rels = new JsonArray();
        JsonObject Rel(string type, string from, string to, JsonObject? props = null) =>
            new() { ["type"] = type, ["from"] = from, ["to"] = to, ["sources"] = new JsonArray("source:s0"), ["properties"] = props ?? new JsonObject() };

        nodes.Add(new JsonObject { ["id"] = "source:s0", ["label"] = "Source", ["name"] = "Synthetic", ["kind"] = "report", ["title"] = "Synthetic", ["seedFile"] = "synthetic" });
        const int forces = 10, unitsPerForce = 40;
        for (var f = 0; f < forces; f++)
        {
            nodes.Add(new JsonObject { ["id"] = $"force:f{f}", ["label"] = "Force", ["name"] = $"Force {f}" });
            for (var u = 0; u < unitsPerForce; u++)
            {
                nodes.Add(new JsonObject { ["id"] = $"unit:f{f}-u{u}", ["label"] = "Unit", ["name"] = $"Unit {u} of force {f}" });
                rels.Add(Rel("PART_OF", $"unit:f{f}-u{u}", $"force:f{f}"));
            }
        }
        for (var o = 0; o < officers; o++)
        {
            nodes.Add(new JsonObject { ["id"] = $"officer:o{o}", ["label"] = "Officer", ["name"] = $"Officer {Name(random)} {o}", ["identified"] = true, ["status"] = "serving" });
            var force = random.Next(forces);
            var start = 1990 + random.Next(30);
            var props = new JsonObject { ["from"] = $"{start}", ["rank"] = "PC" };
            if (random.Next(3) > 0) props["to"] = $"{start + 1 + random.Next(10)}";
            rels.Add(Rel("SERVED_IN", $"officer:o{o}", $"unit:f{force}-u{random.Next(unitsPerForce)}", props));
            rels.Add(Rel("SERVED_IN", $"officer:o{o}", $"force:f{force}", (JsonObject)props.DeepClone()));
        }
        for (var c = 0; c < cases; c++)
        {
            nodes.Add(new JsonObject { ["id"] = $"case:c{c}", ["label"] = "Case", ["name"] = $"Case {c}", ["categories"] = new JsonArray("use_of_force"),
                ["legalStatus"] = "alleged", ["summary"] = "Synthetic case.", ["sources"] = new JsonArray("source:s0") });
            rels.Add(Rel("SUBJECT_OF", $"officer:o{random.Next(officers)}", $"case:c{c}", new JsonObject { ["role"] = "subject", ["legalStatus"] = "alleged" }));
            rels.Add(Rel("REPORTS_ON", "source:s0", $"case:c{c}"));
            for (var e = 0; e < 3; e++)
            {
                nodes.Add(new JsonObject { ["id"] = $"event:c{c}-e{e}", ["label"] = "Event", ["name"] = $"Step {e}", ["kind"] = "statement",
                    ["date"] = $"{2000 + random.Next(25)}-{1 + random.Next(12):00}", ["summary"] = "Synthetic step.", ["sources"] = new JsonArray("source:s0") });
                rels.Add(Rel("HAS_EVENT", $"case:c{c}", $"event:c{c}-e{e}"));
            }
            nodes.Add(new JsonObject { ["id"] = $"victim:c{c}", ["label"] = "VictimRole", ["role"] = "victim", ["descriptor"] = "a member of the public",
                ["anonymity"] = "protected", ["sources"] = new JsonArray("source:s0") });
            rels.Add(Rel("HAS_VICTIM", $"case:c{c}", $"victim:c{c}"));
        }
        File.WriteAllText(Path.Combine(directory, "synthetic.json"), new JsonObject { ["nodes"] = nodes, ["relationships"] = rels }.ToJsonString());
    }

    private static readonly string[] Names = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright"];

    private static string Name(Random random) => Names[random.Next(Names.Length)];
}
