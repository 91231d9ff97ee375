using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Core.Graph;

/// <summary>One shortest path as a store found it: its nodes in order and the relationships between them.</summary>
public sealed record Walk(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships);

/// <summary>
/// Turns the walks a store found into the answer, the same way for every store: a stable order (by node ids, then
/// relationship ids), at most the limit, each hop cited and read as a sentence, and the hubs the paths pass through.
/// </summary>
public static class PathAssembly
{
    public static IReadOnlyList<Walk> Order(IEnumerable<Walk> walks, int limit) =>
        walks.OrderBy(w => string.Join("\u0001", w.Nodes.Select(n => n.Id)), StringComparer.Ordinal)
            .ThenBy(w => string.Join("\u0001", w.Relationships.Select(r => r.Id)), StringComparer.Ordinal)
            .Take(limit)
            .ToList();

    /// <summary>Node ids on the walks (for the store to look up degrees) and cited source ids (for citations).</summary>
    public static (IReadOnlyList<string> NodeIds, IReadOnlyList<string> SourceIds) Lookups(IReadOnlyList<Walk> walks) =>
        (walks.SelectMany(w => w.Nodes).Select(n => n.Id).Distinct().ToList(),
         walks.SelectMany(w => w.Relationships).SelectMany(r => r.Sources).Distinct().ToList());

    public static PathResult Build(PathQuery query, IReadOnlyList<Walk> walks, IReadOnlyDictionary<string, int> degrees,
        IReadOnlyDictionary<string, SourceRef> refs)
    {
        var nodes = walks.SelectMany(w => w.Nodes).DistinctBy(n => n.Id).ToDictionary(n => n.Id, StringComparer.Ordinal);
        PathNode ToPathNode(string id) => new(id, nodes[id].Label, nodes[id].Name, degrees.GetValueOrDefault(id));

        var paths = walks.Select(w => new GraphPath(
            w.Nodes.Select(n => ToPathNode(n.Id)).ToList(),
            w.Relationships.Select(r =>
            {
                var sources = Citations.Cite(r.Sources, refs);
                return new PathHop(r.Id, r.Type, r.From, r.To, r.Properties, r.Properties.LegalStatus(), sources,
                    Sentences.Describe(r.Type, NodeRef.Of(nodes[r.From]), NodeRef.Of(nodes[r.To]), r.Properties, sources));
            }).ToList())).ToList();
        var hubs = nodes.Keys
            .Where(id => id != query.From && id != query.To && degrees.GetValueOrDefault(id) >= QueryLimits.HubDegree)
            .Order(StringComparer.Ordinal).Select(ToPathNode).ToList();
        return new PathResult(paths, hubs);
    }
}
