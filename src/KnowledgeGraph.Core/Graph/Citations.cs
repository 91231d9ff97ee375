using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// One cited source as it is stored in a node's or relationship's <c>sources</c>: the Source id, optionally followed by
/// <c>#</c> and a locator saying where in the document (<c>source:roster-2024#assignments.csv, row 1234</c>, <c>…#p. 4</c>).
/// Ids never contain <c>#</c> (<see cref="Labels.IsWellFormedId"/>), so the split is unambiguous, and every store keeps
/// citations as the plain strings they are.
/// </summary>
public readonly record struct Citation(string SourceId, string? Locator)
{
    public const char Separator = '#';

    public static Citation Parse(string text)
    {
        var cut = text.IndexOf(Separator);
        return cut < 0 ? new Citation(text, null) : new Citation(text[..cut], text[(cut + 1)..]);
    }

    /// <summary>The Source id of a stored citation, as <see cref="Parse"/> splits it, without making a string.</summary>
    public static ReadOnlySpan<char> SourceIdOf(string text) => text.IndexOf(Separator) is var cut and >= 0 ? text.AsSpan(0, cut) : text;

    /// <summary>The stored form.</summary>
    public override string ToString() => Locator is null ? SourceId : $"{SourceId}{Separator}{Locator}";

    public static string Format(string sourceId, string? locator) => new Citation(sourceId, locator).ToString();

    /// <summary>
    /// True when two citation lists differ only in their locators: the same sources in the same order, cited at other
    /// places (a reordered records table moves its rows). An import stores the new locators but does not count the fact
    /// as updated, since nothing it says changed. The one place this is decided, for every store and the dry run.
    /// </summary>
    public static bool OnlyLocatorsDiffer(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.Count != after.Count) return false;
        var differ = false;
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i] == after[i]) continue;
            if (Parse(before[i]).SourceId != Parse(after[i]).SourceId) return false;
            differ = true;
        }
        return differ;
    }

    /// <summary>The Source ids cited, once each (what a store looks up).</summary>
    public static IEnumerable<string> SourceIds(IEnumerable<string> citations) => citations.Select(c => Parse(c).SourceId).Distinct(StringComparer.Ordinal);
}

/// <summary>How a store turns stored citations into citations to show, the same way for every store.</summary>
public static class Citations
{
    /// <summary>
    /// The citations for stored citation strings, once each (by source id, then locator); citations whose Source is not
    /// among <paramref name="refs"/> are left out. <paramref name="refs"/> is keyed by Source id.
    /// </summary>
    public static IReadOnlyList<SourceRef> Cite(IEnumerable<string> citations, IReadOnlyDictionary<string, SourceRef> refs) =>
        citations.Distinct(StringComparer.Ordinal).Select(Citation.Parse)
            .Where(c => refs.ContainsKey(c.SourceId))
            .Select(c => c.Locator is null ? refs[c.SourceId] : refs[c.SourceId] with { Locator = c.Locator })
            .OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Locator, StringComparer.Ordinal)
            .ToList();

    public static string? LegalStatus(this IReadOnlyDictionary<string, object?> properties) =>
        properties.GetValueOrDefault("legalStatus") as string;
}
