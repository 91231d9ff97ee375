using KnowledgeGraph.Core.Model;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Notes;

/// <summary>A reference a note makes to another node (a reply's <c>by</c>, a cited source), checked once every file is read.</summary>
public sealed record NoteReference(JToken Token, string Id, bool IsSource);

/// <summary>
/// Reads the three optional note fields of one dataset item (node or relationship object). The JSON validator calls it
/// for every item; any other reader of dataset items (e.g. records mappings that build item objects) can call it the
/// same way. Shape errors are reported through <c>error(token, message)</c> as they are found; references to other
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
    public static bool HasNotes(JObject item)
    {
        foreach (var field in Fields)
            if (item[field] is not null) return true;
        return false;
    }

    public static (FactNote? Note, IReadOnlyList<NoteReference> References) Read(string factId, JObject item, Action<JToken, string> error)
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

    private static IEnumerable<JObject> Entries(JObject item, string key, Action<JToken, string> error)
    {
        if (item[key] is not { } token) return [];
        if (token is not JArray array)
        {
            error(token, $"\"{key}\" must be an array of objects");
            return [];
        }
        var entries = new List<JObject>();
        foreach (var element in array)
            if (element is JObject o) entries.Add(o);
            else error(element, $"each entry of \"{key}\" must be an object");
        return entries;
    }

    private static Reply? ReadReply(JObject json, List<NoteReference> references, Action<JToken, string> error)
    {
        Unknown(json, ReplyFields, "a reply", error);
        var by = Text(json, "by", error);
        var date = Date(json, "date", error);
        var position = Text(json, "position", error);
        var summary = Text(json, "summary", error);
        var sources = Sources(json, "a reply", references, error);
        if (position is not null && !Vocabularies.ReplyPosition.Contains(position))
        {
            error(json["position"]!, $"unknown {Vocabularies.ReplyPosition.Name} '{position}'; allowed: {Vocabularies.ReplyPosition.Describe()}");
            position = null;
        }
        if (by is not null) references.Add(new NoteReference(json["by"]!, by, IsSource: false));
        return by is null || date is null || position is null || summary is null || sources is null ? null
            : new Reply(by, date, position, summary, sources);
    }

    private static Correction? ReadCorrection(JObject json, List<NoteReference> references, Action<JToken, string> error)
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
            error(json["now"]!, $"a correction must change something: \"was\" and \"now\" are both '{now}'");
            return null;
        }
        return date is null || field is null || was is null || now is null || reason is null || sources is null ? null
            : new Correction(date, field, was, now, reason, sources);
    }

    private static Withholding? ReadWithheld(JToken token, Action<JToken, string> error)
    {
        if (token is not JObject json)
        {
            error(token, "\"withheld\" must be an object with \"since\", \"reason\" and optionally \"until\"");
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
                error(json["until"]!, $"\"until\" ({until}) must be after \"since\" ({since})");
                return null;
            }
        }
        return since is null || reason is null || (json["until"] is not null && until is null) ? null : new Withholding(since, reason, until);
    }

    private static void Unknown(JObject json, HashSet<string> allowed, string what, Action<JToken, string> error)
    {
        foreach (var property in json.Properties().Where(p => !allowed.Contains(p.Name)))
            error(property, $"unknown field '{property.Name}' in {what}; allowed: {string.Join(", ", allowed)}");
    }

    private static string? Text(JObject json, string key, Action<JToken, string> error)
    {
        var token = json[key];
        if (token is { Type: JTokenType.String } && !string.IsNullOrWhiteSpace(token.Value<string>())) return token.Value<string>()!.Trim();
        error(token ?? json, token is null ? $"missing \"{key}\"" : $"\"{key}\" must be a non-empty string");
        return null;
    }

    // "was"/"now" hold the old and new value of any property: a string, number or true/false.
    private static string? Scalar(JObject json, string key, Action<JToken, string> error)
    {
        var token = json[key];
        if (token is { Type: JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean })
            return token.Type == JTokenType.Boolean ? (token.Value<bool>() ? "true" : "false") : token.ToString();
        error(token ?? json, token is null ? $"missing \"{key}\"" : $"\"{key}\" must be a string, number or true/false");
        return null;
    }

    private static string? Date(JObject json, string key, Action<JToken, string> error)
    {
        var text = Text(json, key, error);
        if (text is null) return null;
        if (PartialDate.TryParse(text, out _, out var dateError)) return text;
        error(json[key]!, $"'{key}': {dateError}");
        return null;
    }

    private static IReadOnlyList<string>? Sources(JObject json, string what, List<NoteReference> references, Action<JToken, string> error)
    {
        var token = json["sources"];
        if (token is JArray array && array.Count > 0 && array.All(t => t.Type == JTokenType.String && !string.IsNullOrWhiteSpace(t.Value<string>())))
        {
            var sources = array.Select(t => t.Value<string>()!).ToList();
            foreach (var element in array)
                references.Add(new NoteReference(element, Graph.Citation.Parse(element.Value<string>()!).SourceId, IsSource: true));
            return sources;
        }
        error(token ?? json, $"{what} must cite at least one source in \"sources\" (an array of Source ids)");
        return null;
    }
}
