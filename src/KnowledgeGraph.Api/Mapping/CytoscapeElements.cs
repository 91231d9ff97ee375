using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;

namespace KnowledgeGraph.Api.Mapping;

/// <summary>One Cytoscape.js element: everything sits under <c>data</c>.</summary>
public sealed record CytoscapeElement(IReadOnlyDictionary<string, object?> Data);

/// <summary>The shape Cytoscape.js loads as <c>elements</c> (plus whether the graph was cut short).</summary>
public sealed record CytoscapeGraph(IReadOnlyList<CytoscapeElement> Nodes, IReadOnlyList<CytoscapeElement> Edges, bool Truncated);

/// <summary>A citation in an export: the Source id and, when the dataset gives one, the place in it.</summary>
public sealed record ExportCitation(string Source, string? Locator);

/// <summary>Explicit mapping from stored nodes and relationships to Cytoscape elements.</summary>
public static class CytoscapeElements
{
    /// <param name="notes">Replies and corrections by fact id; each element carries its own (see <see cref="FactNoteData"/>).</param>
    public static CytoscapeGraph ToCytoscape(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphRelationship> relationships, bool truncated,
        IReadOnlyDictionary<string, FactNote>? notes = null) =>
        new(nodes.Select(n => ToElement(n, notes?.GetValueOrDefault(n.Id))).ToList(),
            relationships.Select(r => ToElement(r, notes?.GetValueOrDefault(r.Id))).ToList(), truncated);

    /// <summary>Each stored citation split into the Source id and where in it (page, row), so a reader need not parse <c>#</c>.</summary>
    public static IReadOnlyList<ExportCitation> CitationsOf(IReadOnlyList<string> sources) =>
        sources.Select(Citation.Parse).Select(c => new ExportCitation(c.SourceId, c.Locator)).ToList();

    public static CytoscapeElement ToElement(GraphNode node, FactNote? note = null)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = node.Id,
            ["label"] = node.Label,
            ["name"] = node.Name,
            ["aliases"] = node.Aliases,
            ["sources"] = node.Sources,
            ["citations"] = CitationsOf(node.Sources),
        };
        foreach (var (key, value) in node.Properties) data.TryAdd(key, value);
        foreach (var (key, value) in FactNoteData.Fields(note)) data.TryAdd(key, value);
        return new CytoscapeElement(data);
    }

    public static CytoscapeElement ToElement(GraphRelationship relationship, FactNote? note = null)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = relationship.Id,
            ["source"] = relationship.From,
            ["target"] = relationship.To,
            ["type"] = relationship.Type,
            // Always present, so a viewer can show "no legal status" apart from a missing field.
            ["legalStatus"] = relationship.Text("legalStatus"),
            ["sources"] = relationship.Sources,
            ["citations"] = CitationsOf(relationship.Sources),
        };
        foreach (var (key, value) in relationship.Properties) data.TryAdd(key, value);
        foreach (var (key, value) in FactNoteData.Fields(note)) data.TryAdd(key, value);
        return new CytoscapeElement(data);
    }
}
