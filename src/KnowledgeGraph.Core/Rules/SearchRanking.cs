using System.Globalization;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Rules;

/// <summary>
/// Orders search hits the same way for every store: exact name, then name starting with the query, then a word of
/// the name starting with the query's first word, then alias matches; ties by name and id. Stores only find the candidates
/// (the embedded store's SqliteNameIndex picks exactly those these tiers can put first; SearchAtScaleTests checks it).
/// </summary>
public static class SearchRanking
{
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

    /// <summary>The words a prefix search looks for: runs of letters and digits (what <c>[\p{L}\p{N}]+</c> matches, char by
    /// char), lower case.</summary>
    /// <remarks>Scanned by hand: the name index splits every name of the graph, and a regular expression's matches made
    /// a national name-index build allocate 765 MB rather than 346 MB.</remarks>
    public static IReadOnlyList<string> Words(string text)
    {
        List<string> words = [];
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsWordChar(text[i])) continue;
            var start = i;
            while (i + 1 < text.Length && IsWordChar(text[i + 1])) i++;
            words.Add(string.Create(i + 1 - start, (text, start), static (word, at) => at.text.AsSpan(at.start, word.Length).ToLowerInvariant(word)));
        }
        return words;
    }

    private static bool IsWordChar(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true, // \p{L}
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true, // \p{N}
        _ => false,
    };

    private static int Tier(SearchHit hit, string q, string firstWord) =>
        hit.Name.Equals(q, StringComparison.OrdinalIgnoreCase) ? 0
        : hit.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase) ? 1
        : Words(hit.Name).Any(w => w.StartsWith(firstWord, StringComparison.Ordinal)) ? 2
        : 3;
}
