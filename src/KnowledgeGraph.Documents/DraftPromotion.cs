using KnowledgeGraph.Core.Dataset;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Documents;

/// <summary>The outcome of promoting a draft: the dataset file's text, or why not.</summary>
public sealed record PromotionResult(JObject? Dataset, IReadOnlyList<string> Problems);

/// <summary>
/// Turns a fully reviewed draft into a dataset file: refuses while any proposal or check is left, strips the review
/// markers and the draft section, and checks the result with the rest of the dataset so nothing invalid is written.
/// </summary>
public static class DraftPromotion
{
    public static PromotionResult Promote(JObject draft, string draftName, IReadOnlyList<(string Name, string Text)> restOfDataset)
    {
        if (!DraftFiles.IsDraft(draft)) return new PromotionResult(null, ["this file is not a draft (it has no top-level \"draft\" key)"]);
        var left = DraftFiles.LeftToReview(draft);
        if (left.Count > 0) return new PromotionResult(null, [$"{left.Count} left to review (accept each by setting review.status to \"accepted\", or delete it):", .. left.Select(l => "  " + l)]);

        var dataset = new JObject();
        if (draft["$schema"] is { } schema) dataset["$schema"] = schema.DeepClone();
        dataset["description"] = $"Reviewed draft of {draft[DraftFiles.DraftKey]?["document"]} (promoted with kg-import promote).";
        foreach (var key in new[] { "nodes", "relationships" })
        {
            var items = new JArray();
            foreach (var item in (draft[key] as JArray ?? []).OfType<JObject>())
            {
                var copy = (JObject)item.DeepClone();
                copy.Remove(DraftFiles.ReviewKey);
                items.Add(copy);
            }
            dataset[key] = items;
        }

        var check = DatasetLoader.LoadDocuments([.. restOfDataset, (draftName, dataset.ToString())]);
        if (check.Errors.Count > 0)
            return new PromotionResult(null, [$"the reviewed draft is not valid yet ({check.Errors.Count} error(s)); nothing was written:", .. check.Errors.Select(e => "  " + e)]);
        return new PromotionResult(dataset, []);
    }
}
