using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Importer;

/// <summary>
/// <c>import --dry-run</c>: compares the dataset with what the store holds now (read through its export, so no store
/// needs a new write path that could forget to stay read-only) and prints what an import would create, update, keep
/// and delete, per label and type, with the first ids of each. Nothing is written; a SQLite file that does not exist
/// yet is not created.
/// </summary>
internal static class DryRun
{
    private const int IdsShown = 5;

    public static async Task<int> RunAsync(Dataset dataset, StoreSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Dataset current;
        try
        {
            current = settings.Store switch
            {
                "sqlite" when !File.Exists(settings.DatabasePath) => new Dataset([], []),
                "sqlite" => await new SqliteGraphStore(settings.DatabasePath).ExportAsync(cancellationToken),
                "neo4j" => await Neo4jGraphStoreFactory.Create(settings.Neo4j!).ExportAsync(cancellationToken),
                _ => throw new NotSupportedException($"store '{settings.Store}' is not available in this build"),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"error: cannot read the {settings.Store} store: {ex.Message}");
            return ImporterApp.StoreFailed;
        }

        var nodes = Compare(dataset.Nodes, current.Nodes, n => n.Id, n => n.Label, Content, n => n.Sources);
        var relationships = Compare(dataset.Relationships, current.Relationships, r => r.Id, r => r.Type, Content, r => r.Sources);
        output.WriteLine("dry run: nothing was written. An import would change:");
        Print(output, "nodes", nodes);
        Print(output, "relationships", relationships);
        return ImporterApp.Ok;
    }

    public sealed record Change(string Group, string Kind, string Id);

    public static List<Change> Compare<T>(IReadOnlyList<T> wanted, IReadOnlyList<T> stored, Func<T, string> id, Func<T, string> group,
        Func<T, string> content, Func<T, IReadOnlyList<string>> sources)
    {
        var storedById = stored.ToDictionary(id, StringComparer.Ordinal);
        var changes = new List<Change>();
        var wantedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in wanted)
        {
            wantedIds.Add(id(item));
            var kind = !storedById.TryGetValue(id(item), out var before) ? "created"
                : content(before) != content(item) ? "updated"
                : sources(before).SequenceEqual(sources(item)) ? "unchanged"
                : Citation.OnlyLocatorsDiffer(sources(before), sources(item)) ? Repointed : "updated";
            changes.Add(new Change(group(item), kind, id(item)));
        }
        foreach (var item in stored)
            if (!wantedIds.Contains(id(item))) changes.Add(new Change(group(item), "deleted", id(item)));
        return changes;
    }

    private const string Repointed = "re-pointed";

    // The same text the stores compare to tell updated from unchanged, without the sources (compared apart, so a fact
    // whose citations only moved to other rows is re-pointed, not updated).
    private static string Content(GraphNode n) => $"{n.Label}|{n.Name}|{PropertyJson.WriteList(n.Aliases)}|{PropertyJson.Write(n.Properties)}";

    private static string Content(GraphRelationship r) => $"{r.Type}|{r.From}|{r.To}|{PropertyJson.Write(r.Properties)}";

    private static void Print(TextWriter output, string what, List<Change> changes)
    {
        string Count(string kind) => changes.Count(c => c.Kind == kind).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var repointed = changes.Count(c => c.Kind == Repointed);
        output.WriteLine($"  {what}: {Count("created")} created, {Count("updated")} updated, {Count("unchanged")} unchanged, {Count("deleted")} deleted"
            + (repointed > 0 ? $"; {Commands.RepointedText(repointed)}" : ""));
        foreach (var group in changes.GroupBy(c => c.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var parts = new[] { "created", "updated", Repointed, "unchanged", "deleted" }
                .Select(kind => (kind, ids: group.Where(c => c.Kind == kind).Select(c => c.Id).ToList()))
                .Where(p => p.ids.Count > 0)
                .Select(p => p.kind == "unchanged" ? $"{p.ids.Count} unchanged"
                    : $"{p.ids.Count} {p.kind} ({string.Join(", ", p.ids.Take(IdsShown))}{(p.ids.Count > IdsShown ? ", …" : "")})");
            output.WriteLine($"    {group.Key,-14} {string.Join("; ", parts)}");
        }
    }
}
