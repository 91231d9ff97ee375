using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Graph;

/// <summary>Builds a node's detail from what a store fetched, the same way for every store.</summary>
public static class NodeDetails
{
    /// <summary>Relationships seen from the node (by type, other node's name, id), at most the limit, all cited.</summary>
    public static NodeDetail Build(GraphNode node, IReadOnlyList<GraphRelationship> relationships,
        IReadOnlyDictionary<string, GraphNode> others, IReadOnlyDictionary<string, SourceRef> refs, int relationshipLimit)
    {
        var views = relationships
            .Select(r => new RelationshipView(r.Id, r.Type, r.From == node.Id ? Direction.Out : Direction.In,
                NodeRef.Of(others[r.From == node.Id ? r.To : r.From]), r.Properties, r.Properties.LegalStatus(), Citations.Cite(r.Sources, refs)))
            .OrderBy(v => v.Type, StringComparer.Ordinal).ThenBy(v => v.Other.Name, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();
        return new NodeDetail(node, views.Take(relationshipLimit).ToList(), views.Count > relationshipLimit,
            Citations.Cite(CitedIds(node, relationships), refs));
    }

    /// <summary>Every source id the node and its relationships cite (what a store must look up).</summary>
    public static IEnumerable<string> CitedIds(GraphNode node, IEnumerable<GraphRelationship> relationships) =>
        relationships.SelectMany(r => r.Sources).Concat(node.Sources);
}
