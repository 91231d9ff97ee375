using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Notes;

/// <summary>A reference a note makes to another node (a reply's <c>by</c>, a cited source), checked once every file is read.</summary>
public sealed record NoteReference(ItemJson Token, string Id, bool IsSource);

/// <summary>A shape error at <paramref name="token"/>, or at the key naming it when <paramref name="atKey"/>.</summary>
public delegate void NoteError(ItemJson token, string message, bool atKey);

/// <summary>
/// Reads the three optional note fields of one dataset item (node or relationship object). The JSON validator calls it
/// for every item; any other reader of dataset items (e.g. records mappings that build item objects) can call it the
/// same way. Shape errors are reported through <c>error(token, message, atKey)</c> as they are found; references to other
/// nodes are returned for the caller to check against the whole dataset (<see cref="FactNoteChecks"/>).
/// </summary>
public static class FactNoteReader
{
    public static readonly IReadOnlyList<string> Fields = ["replies", "corrections", "withheld"];

    private static readonly HashSet<string> ReplyFields = ["by", "date", "position", "summary", "sources"];
    private static readonly HashSet<string> CorrectionFields = ["date", "field", "was", "now", "reason", "sources"];
    private static readonly HashSet<string> WithheldFields = ["since", "reason", "until"];

    /// <summary>The item's note (null when it carries none) and the references to check.</summary>
    /// <summary>Whether the item has any note field. Most items carry none (no item of a records release's half a million
    /// does), so callers ask this first and allocate nothing for them.</summary>
    public static bool HasNotes(ItemJson item)
    {
        // By index: every item of a dataset asks, and a foreach over the list would box an enumerator each time.
        for (var i = 0; i < Fields.Count; i++)
            if (item[Fields[i]] is not null) return true;
        return false;
    }

    public static (FactNote? Note, IReadOnlyList<NoteReference> References) Read(string factId, ItemJson item, NoteError error)
    {
        if (!HasNotes(item)) return (null, []);
        var references = new List<NoteReference>();
        var replies = new List<Reply>();
        var corrections = new List<Correction>();
        foreach (var entry in Entries(item, "replies", error))
            if (ReadReply(entry, references, error) is { } reply) replies.Add(reply);
        foreach (var entry in Entries(item, "corrections", error))
            if (ReadCorrection(entry, references, error) is { } correction) corrections.Add(correction);
        var withheld = item["withheld"] is { } token ? ReadWithheld(token, error) : null;
        var note = new FactNote(factId, replies, corrections, withheld);
        return (note.IsEmpty ? null : note, references);
    }

    private static IEnumerable<ItemJson> Entries(ItemJson item, string key, NoteError error)
    {
        if (item[key] is not { } token) return [];
        if (token.Type != ItemJsonType.Array)
        {
            error(token, $"\"{key}\" must be an array of objects", false);
            return [];
        }
        var entries = new List<ItemJson>();
        foreach (var element in token.Children)
            if (element.Type == ItemJsonType.Object) entries.Add(element);
            else error(element, $"each entry of \"{key}\" must be an object", false);
        return entries;
    }

    private static Reply? ReadReply(ItemJson json, List<NoteReference> references, NoteError error)
    {
        Unknown(json, ReplyFields, "a reply", error);
        var by = Text(json, "by", error);
        var date = Date(json, "date", error);
        var position = Text(json, "position", error);
        var summary = Text(json, "summary", error);
        var sources = Sources(json, "a reply", references, error);
        if (position is not null && !Vocabularies.ReplyPosition.Contains(position))
        {
            error(json["position"]!, $"unknown {Vocabularies.ReplyPosition.Name} '{position}'; allowed: {Vocabularies.ReplyPosition.Describe()}", false);
            position = null;
        }
        if (by is not null) references.Add(new NoteReference(json["by"]!, by, IsSource: false));
        return by is null || date is null || position is null || summary is null || sources is null ? null
            : new Reply(by, date, position, summary, sources);
    }

    private static Correction? ReadCorrection(ItemJson json, List<NoteReference> references, NoteError error)
    {
        Unknown(json, CorrectionFields, "a correction", error);
        var date = Date(json, "date", error);
        var field = Text(json, "field", error);
        var was = Scalar(json, "was", error);
        var now = Scalar(json, "now", error);
        var reason = Text(json, "reason", error);
        var sources = Sources(json, "a correction", references, error);
        if (was is not null && now is not null && was == now)
        {
            error(json["now"]!, $"a correction must change something: \"was\" and \"now\" are both '{now}'", false);
            return null;
        }
        return date is null || field is null || was is null || now is null || reason is null || sources is null ? null
            : new Correction(date, field, was, now, reason, sources);
    }

    private static Withholding? ReadWithheld(ItemJson json, NoteError error)
    {
        if (json.Type != ItemJsonType.Object)
        {
            error(json, "\"withheld\" must be an object with \"since\", \"reason\" and optionally \"until\"", false);
            return null;
        }
        Unknown(json, WithheldFields, "\"withheld\"", error);
        var since = Date(json, "since", error);
        var reason = Text(json, "reason", error);
        string? until = null;
        if (json["until"] is not null)
        {
            until = Date(json, "until", error);
            if (until is not null && since is not null && PartialDate.Parse(until).Latest <= PartialDate.Parse(since).Earliest)
            {
                error(json["until"]!, $"\"until\" ({until}) must be after \"since\" ({since})", false);
                return null;
            }
        }
        return since is null || reason is null || (json["until"] is not null && until is null) ? null : new Withholding(since, reason, until);
    }

    private static void Unknown(ItemJson json, HashSet<string> allowed, string what, NoteError error)
    {
        foreach (var property in json.Children.Where(p => !allowed.Contains(p.Name!)))
            error(property, $"unknown field '{property.Name}' in {what}; allowed: {string.Join(", ", allowed)}", true);
    }

    private static string? Text(ItemJson json, string key, NoteError error)
    {
        var token = json[key];
        if (token is { Type: ItemJsonType.String } && !string.IsNullOrWhiteSpace(token.Text)) return token.Text!.Trim();
        error(token ?? json, token is null ? $"missing \"{key}\"" : $"\"{key}\" must be a non-empty string", false);
        return null;
    }

    // "was"/"now" hold the old and new value of any property: a string, number or true/false.
    private static string? Scalar(ItemJson json, string key, NoteError error)
    {
        var token = json[key];
        if (token is { Type: ItemJsonType.String or ItemJsonType.Integer or ItemJsonType.Float or ItemJsonType.Boolean })
            return token.Type == ItemJsonType.Boolean ? (token.IsTrue ? "true" : "false") : token.ToString();
        error(token ?? json, token is null ? $"missing \"{key}\"" : $"\"{key}\" must be a string, number or true/false", false);
        return null;
    }

    private static string? Date(ItemJson json, string key, NoteError error)
    {
        var text = Text(json, key, error);
        if (text is null) return null;
        if (PartialDate.TryParse(text, out _, out var dateError)) return text;
        error(json[key]!, $"'{key}': {dateError}", false);
        return null;
    }

    private static IReadOnlyList<string>? Sources(ItemJson json, string what, List<NoteReference> references, NoteError error)
    {
        var token = json["sources"];
        if (token is { Type: ItemJsonType.Array, Children.Count: > 0 }
            && token.Children.All(t => t.Type == ItemJsonType.String && !string.IsNullOrWhiteSpace(t.Text)))
        {
            var sources = token.Children.Select(t => t.Text!).ToList();
            foreach (var element in token.Children)
                references.Add(new NoteReference(element, Graph.Citation.Parse(element.Text!).SourceId, IsSource: true));
            return sources;
        }
        error(token ?? json, $"{what} must cite at least one source in \"sources\" (an array of Source ids)", false);
        return null;
    }
}
