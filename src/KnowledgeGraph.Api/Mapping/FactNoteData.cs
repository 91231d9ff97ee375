using System.Text.Json;
using KnowledgeGraph.Core.Notes;

namespace KnowledgeGraph.Api.Mapping;

/// <summary>
/// How an exported element carries its replies and corrections: <c>disputed</c> and <c>corrected</c> marks plus the
/// notes in the dataset's own form (so an export reads like the files it came from). One mapping for every format;
/// a withheld fact never reaches an export at all (it is taken out before any store holds it).
/// </summary>
public static class FactNoteData
{
    public static readonly IReadOnlyList<string> Keys = ["disputed", "corrected", "replies", "corrections"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyDictionary<string, FactNote> ById(IEnumerable<FactNote>? notes) =>
        (notes ?? []).ToDictionary(n => n.FactId, StringComparer.Ordinal);

    /// <summary>The element's note fields (none when it has no notes), values as objects (Cytoscape JSON).</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Fields(FactNote? note)
    {
        if (note is null || (note.Replies.Count == 0 && note.Corrections.Count == 0)) yield break;
        yield return new("disputed", note.Replies.Any(r => FactNotes.DisputingPositions.Contains(r.Position)));
        yield return new("corrected", note.Corrections.Count > 0);
        yield return new("replies", note.Replies);
        yield return new("corrections", note.Corrections);
    }

    /// <summary>The same fields as text (GraphML has no list or map type, so the notes are JSON strings).</summary>
    public static IEnumerable<KeyValuePair<string, string>> TextFields(FactNote? note) =>
        Fields(note).Select(f => new KeyValuePair<string, string>(f.Key, f.Value switch
        {
            bool b => b ? "true" : "false",
            var v => JsonSerializer.Serialize(v, Json),
        }));
}
