using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Core.Notes;

/// <summary>The fact a note is about, as the public log shows it: a node's name or a relationship's sentence.</summary>
public sealed record FactRef(string Id, string Kind, string Label, string Description)
{
    public const string NodeKind = "node";
    public const string RelationshipKind = "relationship";

    /// <summary>A relationship id without its <c>#key</c> (<c>SERVED_IN:officer:a-&gt;unit:b</c>): what an answer that
    /// rests on "a SERVED_IN from a to b" can look notes up by without knowing the key.</summary>
    public static string BaseOf(string factId) => factId.IndexOf('#') is var cut and >= 0 ? factId[..cut] : factId;
}

public sealed record ReplyView(NodeRef By, string Date, string Position, string Summary, IReadOnlyList<SourceRef> Sources);

public sealed record CorrectionView(string Date, string Field, string Was, string Now, string Reason, IReadOnlyList<SourceRef> Sources);

/// <summary>
/// One entry of the public corrections log, and the form stores keep notes in: a reply or a correction with the fact
/// it concerns, or a withholding with its reason and dates only (<paramref name="Fact"/> is null: even its id stays out).
/// Names and citations are resolved when the dataset is imported, so a read is one indexed lookup.
/// </summary>
public sealed record NoteEntry(string Key, string Kind, string Date, FactRef? Fact, ReplyView? Reply = null, CorrectionView? Correction = null,
    Withholding? Withholding = null)
{
    public const string ReplyKind = "reply";
    public const string CorrectionKind = "correction";
    public const string WithholdingKind = "withholding";
}

/// <summary>Replies and corrections attached to a fact where it appears; <c>disputed</c> and <c>corrected</c> mark it.</summary>
public sealed record FactNotes(bool Disputed, bool Corrected, IReadOnlyList<ReplyView> Replies, IReadOnlyList<CorrectionView> Corrections)
{
    /// <summary>Positions that contest the fact, so it is shown as disputed (accepting it, or declining to comment, does not).</summary>
    public static readonly IReadOnlySet<string> DisputingPositions = new HashSet<string>(["denies", "disputes", "appealed"], StringComparer.Ordinal);

    /// <summary>The notes of one fact from its entries (null when it has none).</summary>
    public static FactNotes? Of(IEnumerable<NoteEntry> entries)
    {
        var list = entries.ToList();
        var replies = list.Where(e => e.Reply is not null).OrderBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Reply!).ToList();
        var corrections = list.Where(e => e.Correction is not null).OrderBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Correction!).ToList();
        if (replies.Count == 0 && corrections.Count == 0) return null;
        return new FactNotes(replies.Any(r => DisputingPositions.Contains(r.Position)), corrections.Count > 0, replies, corrections);
    }

    /// <summary>The notes of several facts (an answer resting on more than one fact shows all of theirs).</summary>
    public static FactNotes? Merge(IEnumerable<FactNotes?> notes)
    {
        var present = notes.OfType<FactNotes>().ToList();
        if (present.Count == 0) return null;
        if (present.Count == 1) return present[0];
        var replies = present.SelectMany(n => n.Replies).Distinct().OrderBy(r => r.Date, StringComparer.Ordinal).ToList();
        var corrections = present.SelectMany(n => n.Corrections).Distinct().OrderBy(c => c.Date, StringComparer.Ordinal).ToList();
        return new FactNotes(present.Any(n => n.Disputed), present.Any(n => n.Corrected), replies, corrections);
    }
}

/// <summary>Turns a dataset's notes into log entries (at import) and entries back into dataset notes (for export).</summary>
public static class NoteEntries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Newest first, then by key: the order of the public log.</summary>
    public static IOrderedEnumerable<NoteEntry> Ranked(IEnumerable<NoteEntry> entries) =>
        entries.OrderByDescending(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal);

    public static IReadOnlyList<NoteEntry> Build(Model.Dataset dataset)
    {
        if (dataset.FactNotes.Count == 0 && (dataset.Withheld?.Count ?? 0) == 0) return [];
        var nodes = dataset.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var relationships = dataset.Relationships.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var publishers = dataset.Relationships.Where(r => r.Type == RelationshipTypes.PublishedBy)
            .OrderBy(r => r.To, StringComparer.Ordinal)
            .GroupBy(r => r.From).ToDictionary(g => g.Key, g => nodes.GetValueOrDefault(g.First().To)?.Name, StringComparer.Ordinal);
        var sources = dataset.Nodes.Where(n => n.Label == Labels.Source).ToDictionary(n => n.Id, n => new SourceRef(n.Id,
            n.Text("title") ?? n.Id, n.Text("kind") ?? "", n.Text("published"), n.Text("url"), publishers.GetValueOrDefault(n.Id), n.Text("seedFile") ?? ""),
            StringComparer.Ordinal);
        NodeRef Ref(string id) => nodes.TryGetValue(id, out var n)
            ? new NodeRef(n.Id, n.Label, n.Label == Labels.VictimRole ? VictimProtection.DisplayName(n.Properties) : n.Name)
            : new NodeRef(id, "", id);

        var entries = new List<NoteEntry>();
        foreach (var note in dataset.FactNotes)
        {
            FactRef fact;
            if (nodes.TryGetValue(note.FactId, out _))
            {
                var node = Ref(note.FactId);
                fact = new FactRef(node.Id, FactRef.NodeKind, node.Label, node.Name);
            }
            else if (relationships.TryGetValue(note.FactId, out var rel))
                fact = new FactRef(rel.Id, FactRef.RelationshipKind, rel.Type, Sentences.Describe(rel.Type, Ref(rel.From), Ref(rel.To), rel.Properties, []));
            else continue; // a note on a fact this dataset does not hold (withheld with its node) has nothing to show
            for (var i = 0; i < note.Replies.Count; i++)
            {
                var r = note.Replies[i];
                entries.Add(new NoteEntry($"reply:{note.FactId}:{i + 1}", NoteEntry.ReplyKind, r.Date, fact,
                    Reply: new ReplyView(Ref(r.By), r.Date, r.Position, r.Summary, Citations.Cite(r.Sources, sources))));
            }
            for (var i = 0; i < note.Corrections.Count; i++)
            {
                var c = note.Corrections[i];
                entries.Add(new NoteEntry($"correction:{note.FactId}:{i + 1}", NoteEntry.CorrectionKind, c.Date, fact,
                    Correction: new CorrectionView(c.Date, c.Field, c.Was, c.Now, c.Reason, Citations.Cite(c.Sources, sources))));
            }
        }
        // Numbered within their date in the dataset's order (reason, then until): a key that cannot name the fact.
        foreach (var group in (dataset.Withheld ?? []).GroupBy(w => w.Since))
            entries.AddRange(group.Select((w, i) => new NoteEntry($"withheld:{w.Since}:{i + 1}", NoteEntry.WithholdingKind, w.Since, null, Withholding: w)));
        return Ranked(entries).ToList();
    }

    /// <summary>The dataset notes (replies and corrections, citations as stored strings) these entries came from.</summary>
    public static IReadOnlyList<FactNote> ToFactNotes(IEnumerable<NoteEntry> entries) =>
        entries.Where(e => e.Fact is not null).GroupBy(e => e.Fact!.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FactNote(g.Key,
                g.Where(e => e.Reply is not null).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Reply!)
                    .Select(r => new Reply(r.By.Id, r.Date, r.Position, r.Summary, Cited(r.Sources))).ToList(),
                g.Where(e => e.Correction is not null).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Correction!)
                    .Select(c => new Correction(c.Date, c.Field, c.Was, c.Now, c.Reason, Cited(c.Sources))).ToList()))
            .ToList();

    public static string Serialize(NoteEntry entry) => JsonSerializer.Serialize(entry, Json);

    public static NoteEntry Deserialize(string json) =>
        JsonSerializer.Deserialize<NoteEntry>(json, Json) ?? throw new InvalidDataException("a stored note is empty");

    private static List<string> Cited(IReadOnlyList<SourceRef> sources) => sources.Select(s => Citation.Format(s.Id, s.Locator)).ToList();
}

/// <summary>
/// What a store keeps of notes: the entries of the last import, looked up by fact id (or relationship base id) and
/// listed newest first for the log. Implemented beside IGraphStore by each adapter, so neither interface grows for
/// the other's sake.
/// </summary>
public interface IFactNoteStore
{
    /// <summary>Entries about any of the facts, by exact id or by <see cref="FactRef.BaseOf"/> base id (withholdings never match).</summary>
    Task<IReadOnlyList<NoteEntry>> GetNotesAsync(IReadOnlyCollection<string> factIds, IReadOnlyCollection<string> factBases,
        CancellationToken cancellationToken);

    /// <summary>The public log, newest first (then by key), from <paramref name="since"/> (a partial date) when given.</summary>
    Task<Page<NoteEntry>> GetNoteLogAsync(string? since, PageRequest page, CancellationToken cancellationToken);
}
