using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Storage.Neo4j.QueryApi;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Right of reply on Neo4j: one FactNote node per log entry (no Entity label, so graph queries never see
/// them), its content a JSON string because Neo4j properties cannot hold maps.</summary>
public sealed partial class Neo4jGraphStore : IFactNoteStore
{
    public const string FactNoteLabel = "FactNote";

    /// <summary>Property keys of a FactNote node (the Cypher lint schema).</summary>
    public static readonly IReadOnlyList<string> FactNoteProperties = ["key", "kind", "date", "factId", "factBase", "entry"];

    /// <summary>Replaces the stored notes inside the import's transaction; notes are few, so they are rewritten, not diffed.</summary>
    /// <summary>Replaces every note after the facts are written (notes are few: one statement each way). Like the rest of
    /// the import these commit as they go; a run stopped between them leaves no notes until the next run writes them.</summary>
    private async Task WriteFactNotesAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        await client.RunAsync(CypherStatements.Get("delete-fact-notes"), null, cancellationToken);
        var entries = NoteEntries.Build(dataset);
        if (entries.Count == 0) return;
        var notes = entries.Select(StoredProperties).ToList();
        await client.RunAsync(CypherStatements.Get("import-fact-notes"), new Dictionary<string, object?> { ["notes"] = notes }, cancellationToken);
    }

    /// <summary>The properties of the FactNote node of one entry (<see cref="FactNoteProperties"/>); the neo4j-admin export
    /// writes the same.</summary>
    public static Dictionary<string, object?> StoredProperties(NoteEntry entry) => new(StringComparer.Ordinal)
    {
        ["key"] = entry.Key, ["kind"] = entry.Kind, ["date"] = entry.Date, ["factId"] = entry.Fact?.Id,
        ["factBase"] = entry.Fact is { } fact ? FactRef.BaseOf(fact.Id) : null, ["entry"] = NoteEntries.Serialize(entry),
    };

    public async Task<IReadOnlyList<NoteEntry>> GetNotesAsync(IReadOnlyCollection<string> factIds, IReadOnlyCollection<string> factBases,
        CancellationToken cancellationToken)
    {
        if (factIds.Count == 0 && factBases.Count == 0) return [];
        var result = await RunAsync("get-fact-notes", cancellationToken, ("ids", factIds.Distinct().ToArray()), ("bases", factBases.Distinct().ToArray()));
        return result.Rows.Select(r => NoteEntries.Deserialize(r.RequiredString("entry"))).ToList();
    }

    public async Task<Page<NoteEntry>> GetNoteLogAsync(string? since, PageRequest page, CancellationToken cancellationToken)
    {
        var total = (await RunAsync("count-fact-note-log", cancellationToken, ("since", since))).Rows.Select(r => r.Int("total")).FirstOrDefault();
        var result = await RunAsync("fact-note-log", cancellationToken, ("since", since), ("skip", page.Offset), ("limit", page.Limit));
        var items = result.Rows.Select(r => NoteEntries.Deserialize(r.RequiredString("entry"))).ToList();
        var end = page.Offset + items.Count;
        return new Page<NoteEntry>(items, total, end < total ? Paging.CursorAt(end) : null);
    }
}
