using KnowledgeGraph.Core.Dataset;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Documents;

/// <summary>
/// Writes a draft as a dataset file a person reviews: the usual "nodes" and "relationships" (each proposal with a
/// "review" marker: status, why, evidence ranges) plus a top-level "draft" holding the document's fingerprint,
/// the mentions of nodes already in the dataset and the checks (possible victim names by place only).
/// </summary>
public static class DraftFile
{
    public const string Proposed = "proposed";

    public static JObject ToJson(Draft draft, string? schemaPath)
    {
        var root = new JObject();
        if (schemaPath is not null) root["$schema"] = schemaPath;
        root["description"] = $"Draft from {draft.Document.FileName}. Review every entry: set \"review\".\"status\" to \"accepted\" (after editing it) or delete it; write the empty summaries in your own words; mark each check \"done\". Then: kg-import promote FILE.";
        root[DraftFiles.DraftKey] = new JObject
        {
            ["document"] = draft.Document.FileName,
            ["format"] = draft.Document.Format,
            ["characters"] = draft.Document.Text.Length,
            ["sha256"] = draft.Sha256,
            ["offsets"] = draft.Document.Format == "text" ? "characters of the file's text" : $"characters of the text kg-import extracts from the {draft.Document.Format}",
            ["documentDate"] = draft.DocumentDate,
            ["documentDateBasis"] = draft.DocumentDateBasis ?? "unknown: relative dates are left undated (give --published)",
            ["mentions"] = new JArray(draft.Mentions.Select(m => new JObject
            {
                ["node"] = m.NodeId, ["label"] = m.Label, ["name"] = m.Name, ["match"] = m.Match, ["ranges"] = Ranges(m.Ranges),
            })),
            ["checks"] = new JArray(draft.Checks.Select(c => new JObject
            {
                ["check"] = c.Check, ["start"] = c.Start, ["end"] = c.End, ["status"] = "open",
            })),
        };
        root["nodes"] = new JArray(draft.Nodes.Select(Marked));
        root["relationships"] = new JArray(draft.Relationships.Select(Marked));
        return root;
    }

    private static JObject Marked(Proposal p)
    {
        var item = (JObject)p.Item.DeepClone();
        item[DraftFiles.ReviewKey] = new JObject { ["status"] = Proposed, ["why"] = p.Why, ["evidence"] = Ranges(p.Evidence) };
        return item;
    }

    private static JArray Ranges(IEnumerable<(int Start, int End)> ranges) => new(ranges.Select(r => new JArray(r.Start, r.End)));

    public static string Serialise(JObject root) => root.ToString(Formatting.Indented) + "\n";
}
