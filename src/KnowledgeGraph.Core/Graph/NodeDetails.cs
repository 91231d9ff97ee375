using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Graph;

/// <summary>Builds a node's detail from what a store fetched, the same way for every store.</summary>
public static class NodeDetails
{
    /// <summary>
    /// Relationships seen from the node, at most the limit, all cited, in the order both stores can serve from an index
    /// without reading every relationship of a hub: by type, then the other node's id, then relationship id.
    /// <paramref name="total"/> is how many the node has in all (stores fetch at most the limit, in this order).
    /// </summary>
    public static NodeDetail Build(GraphNode node, IReadOnlyList<GraphRelationship> relationships,
        IReadOnlyDictionary<string, GraphNode> others, IReadOnlyDictionary<string, SourceRef> refs, int relationshipLimit, int total)
    {
        var views = relationships
            .Select(r => new RelationshipView(r.Id, r.Type, r.From == node.Id ? Direction.Out : Direction.In,
                NodeRef.Of(others[r.From == node.Id ? r.To : r.From]), r.Properties, r.Properties.LegalStatus(), Citations.Cite(r.Sources, refs)))
            .OrderBy(v => v.Type, StringComparer.Ordinal).ThenBy(v => v.Other.Id, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal)
            .Take(relationshipLimit)
            .ToList();
        total = Math.Max(total, relationships.Count);
        var shown = views.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        return new NodeDetail(node, views, total > views.Count,
            Citations.Cite(CitedIds(node, relationships.Where(r => shown.Contains(r.Id))), refs), total);
    }

    /// <summary>Every source id the node and its relationships cite (what a store must look up).</summary>
    public static IEnumerable<string> CitedIds(GraphNode node, IEnumerable<GraphRelationship> relationships) =>
        relationships.SelectMany(r => r.Sources).Concat(node.Sources);
}
