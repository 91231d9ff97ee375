using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Rules;

/// <summary>
/// Orders search hits the same way for every store: exact name, then name starting with the query, then a word of
/// the name starting with it, then alias matches; ties by name and id. Stores only find the candidates.
/// </summary>
public static class SearchRanking
{
    public static SearchResult Rank(IEnumerable<SearchHit> candidates, string query, int limit)
    {
        var q = query.Trim();
        var ordered = candidates
            .DistinctBy(h => h.Id)
            .OrderBy(h => Tier(h, q))
            .ThenBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .ToList();
        return new SearchResult(ordered.Take(limit).ToList(), ordered.Count > limit);
    }

    /// <summary>Splits a query into the words a prefix search looks for (letters and digits only).</summary>
    public static IReadOnlyList<string> Words(string query) =>
        query.Split(static c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).ToList();

    private static int Tier(SearchHit hit, string q) =>
        hit.Name.Equals(q, StringComparison.OrdinalIgnoreCase) ? 0
        : hit.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase) ? 1
        : Words(hit.Name).Any(w => w.StartsWith(Words(q).FirstOrDefault() ?? q, StringComparison.Ordinal)) ? 2
        : 3;
}

internal static class StringSplitExtensions
{
    public static string[] Split(this string text, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
            if (i == text.Length || isSeparator(text[i]))
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        return parts.ToArray();
    }
}
