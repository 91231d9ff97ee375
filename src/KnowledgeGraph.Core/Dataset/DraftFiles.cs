using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// A draft (written by <c>kg-import draft</c>) is a dataset file with a top-level <c>"draft"</c> key and a
/// <c>"review"</c> marker on every proposed node and relationship. A draft is not data: the validator refuses it,
/// naming what is left to review, until <c>kg-import promote</c> turns the reviewed draft into a dataset file.
/// </summary>
public static class DraftFiles
{
    public const string DraftKey = "draft";
    public const string ReviewKey = "review";
    public const string Accepted = "accepted";
    public const string Done = "done";

    public static bool IsDraft(JObject root) => root.ContainsKey(DraftKey);

    /// <summary>Every node, relationship and check still waiting for a reviewer, as short readable lines.</summary>
    public static IReadOnlyList<string> LeftToReview(JObject root)
    {
        var left = new List<string>();
        foreach (var key in new[] { "nodes", "relationships" })
            if (root[key] is JArray items)
                foreach (var item in items.OfType<JObject>())
                    if (item[ReviewKey] is JObject review && (string?)review["status"] != Accepted)
                        left.Add(key == "nodes"
                            ? $"{item["label"]} {item["id"]}"
                            : $"{item["type"]} {item["from"]} -> {item["to"]}");
        if (root[DraftKey]?["checks"] is JArray checks)
            foreach (var check in checks.OfType<JObject>())
                if ((string?)check["status"] != Done)
                    left.Add($"check: {check["check"]} at characters {check["start"]}–{check["end"]}");
        return left;
    }

    /// <summary>The validator's message for a draft file.</summary>
    public static string Refusal(JObject root)
    {
        var left = LeftToReview(root);
        var what = left.Count == 0
            ? "every proposal is reviewed"
            : $"{left.Count} left to review: {string.Join("; ", left.Take(8))}{(left.Count > 8 ? $"; and {left.Count - 8} more" : "")}";
        return $"this file is a draft, not data ({what}); review it, then run 'kg-import promote FILE' (see docs/drafting.md)";
    }
}
