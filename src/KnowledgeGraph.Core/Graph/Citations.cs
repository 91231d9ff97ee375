using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Graph;

/// <summary>How a store turns cited source ids into citations, the same way for every store.</summary>
public static class Citations
{
    /// <summary>The citations for ids, once each, by id; ids with no Source node are left out.</summary>
    public static IReadOnlyList<SourceRef> Cite(IEnumerable<string> ids, IReadOnlyDictionary<string, SourceRef> refs) =>
        ids.Distinct().Where(refs.ContainsKey).Select(id => refs[id]).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public static string? LegalStatus(this IReadOnlyDictionary<string, object?> properties) =>
        properties.GetValueOrDefault("legalStatus") as string;
}
