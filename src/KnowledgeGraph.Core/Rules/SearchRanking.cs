using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Rules;

/// <summary>
/// Orders search hits the same way for every store: exact name, then name starting with the query, then a word of
/// the name starting with the query's first word, then alias matches; ties by name and id. Stores only find the candidates
/// (the embedded store's SqliteNameIndex picks exactly those these tiers can put first; SearchAtScaleTests checks it).
/// </summary>
public static partial class SearchRanking
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public static SearchResult Rank(IEnumerable<SearchHit> candidates, string query, int limit)
    {
        var q = query.Trim();
        var firstWord = Words(q).FirstOrDefault() ?? q;
        var ordered = candidates
            .DistinctBy(h => h.Id)
            .OrderBy(h => Tier(h, q, firstWord))
            .ThenBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .ToList();
        return new SearchResult(ordered.Take(limit).ToList(), ordered.Count > limit);
    }

    /// <summary>The words a prefix search looks for: runs of letters and digits, lower case.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    private static int Tier(SearchHit hit, string q, string firstWord) =>
        hit.Name.Equals(q, StringComparison.OrdinalIgnoreCase) ? 0
        : hit.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase) ? 1
        : Words(hit.Name).Any(w => w.StartsWith(firstWord, StringComparison.Ordinal)) ? 2
        : 3;
}
