using System.Text.Json.Nodes;

namespace KnowledgeGraph.Testing;

/// <summary>
/// A copy of the seeds in which chosen facts, nodes and relationships alike, carry one more reply and a correction (the
/// seeds record replies from the documents but no correction). The facts are picked so that every kind of answer that
/// shows notes has one: node detail and its relationships, path hops, timeline events and the case, served-together
/// entries (Mark Connor's service in the Met), case connections (a stated relation, the case itself) and source evidence.
/// Every added text carries the marker "noted-test".
/// </summary>
public static class NotedTestData
{
    public const string Event = "event:connor-2017-home-visit";
    public const string Case = "case:mark-connor-inappropriate-relationship";
    public const string OtherCase = "case:james-gage-relationship-with-vulnerable-woman";
    public const string Officer = "officer:mark-connor";
    public const string Force = "force:metropolitan-police-service";
    public const string Source = "source:mylondon-connor-2025";
    public const string SubjectOf = $"SUBJECT_OF:{Officer}->{Case}";
    public const string Service = $"SERVED_IN:{Officer}->{Force}";
    public const string Related = $"RELATED_TO:{OtherCase}->{Case}";
    public const string Report = $"REPORTS_ON:{Source}->{OtherCase}";

    /// <summary>The facts given a reply and a correction.</summary>
    public static readonly IReadOnlyList<string> Facts = [Event, Case, SubjectOf, Service, Related, Report];

    public const string CorrectionDate = "2025-01-10";
    public const string ReplyDate = "2025-02-03";
    public const string Marker = "noted-test";

    /// <summary>A fresh directory holding the seeds with the added notes.</summary>
    public static string CreateSeedDirectory()
    {
        var directory = TestPaths.NewTempDirectory();
        var pending = Facts.ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(TestPaths.Seeds, "*.*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(TestPaths.Seeds, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".schema.json", StringComparison.Ordinal))
            {
                File.Copy(file, target);
                continue;
            }
            var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var changed = false;
            foreach (var item in Items(root, "nodes").Concat(Items(root, "relationships")))
            {
                if (!pending.Remove(IdOf(item))) continue;
                AddNotes(item);
                changed = true;
            }
            File.WriteAllText(target, changed ? root.ToJsonString(new() { WriteIndented = true }) : File.ReadAllText(file));
        }
        if (pending.Count > 0) throw new InvalidOperationException($"Not in the seeds any more: {string.Join(", ", pending)}");
        return directory;
    }

    private static IEnumerable<JsonObject> Items(JsonObject root, string name) =>
        root[name] is JsonArray items ? items.OfType<JsonObject>() : [];

    // The id a relationship gets (GraphRelationship.MakeId): TYPE:from->to, then #key when it has one.
    private static string IdOf(JsonObject item) =>
        item["id"]?.GetValue<string>()
        ?? $"{item["type"]}:{item["from"]}->{item["to"]}{(item["key"] is { } key ? $"#{key}" : "")}";

    private static void AddNotes(JsonObject item)
    {
        if (item["replies"] is not JsonArray replies) item["replies"] = replies = [];
        replies.Add(new JsonObject
        {
            ["by"] = Force, ["date"] = ReplyDate, ["position"] = "disputes",
            ["summary"] = $"The force says this is wrong ({Marker} reply).", ["sources"] = new JsonArray(Source),
        });
        item["corrections"] = new JsonArray(new JsonObject
        {
            ["date"] = CorrectionDate, ["field"] = "sources", ["was"] = $"{Marker}: an earlier citation", ["now"] = "the citations shown",
            ["reason"] = $"The first citation was wrong ({Marker} correction).", ["sources"] = new JsonArray(Source),
        });
    }
}
