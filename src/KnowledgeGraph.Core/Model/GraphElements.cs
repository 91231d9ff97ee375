namespace KnowledgeGraph.Core.Model;

/// <summary>
/// A node as stored. Property values are strings, booleans or string lists, as the dataset gives them.
/// </summary>
public sealed record GraphNode(
    string Id,
    string Label,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyList<string> Sources)
{
    public string? Text(string property) => Properties.GetValueOrDefault(property) as string;
}

/// <summary>A relationship as stored. Every one cites at least one Source.</summary>
public sealed record GraphRelationship(
    string Id,
    string Type,
    string From,
    string To,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyList<string> Sources)
{
    public string? Text(string property) => Properties.GetValueOrDefault(property) as string;

    /// <summary>Stable id: the upsert key, readable in exports (<c>SERVED_IN:officer:a-&gt;force:b</c>).</summary>
    public static string MakeId(string type, string from, string to, string? key) =>
        key is null ? $"{type}:{from}->{to}" : $"{type}:{from}->{to}#{key}";
}

/// <summary>A validated dataset: every id unique, every reference resolved, every relationship cited.
/// <paramref name="Notes"/>: replies and corrections by fact id (right of reply, kept out of the facts' properties);
/// <paramref name="Withheld"/>: the reason and dates of each withheld fact, whose content is no longer here
/// (<see cref="Notes.WithheldFacts"/>).</summary>
public sealed record Dataset(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships,
    IReadOnlyList<Notes.FactNote>? Notes = null, IReadOnlyList<Notes.Withholding>? Withheld = null)
{
    public IReadOnlyList<Notes.FactNote> FactNotes => Notes ?? [];

    public IReadOnlyDictionary<string, int> CountByLabel() =>
        Nodes.GroupBy(n => n.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyDictionary<string, int> CountByType() =>
        Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
