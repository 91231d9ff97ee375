using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>Breadth first, one statement per step: each step takes the unvisited neighbours in id order until the
    /// limit, and the first neighbour that does not fit marks the result truncated.</summary>
    public async Task<Subgraph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken)
    {
        var centre = await LoadNodeAsync(query.Id, cancellationToken);
        if (centre is null) return null;

        var included = new List<string> { centre.Id };
        var frontier = new List<string> { centre.Id };
        var truncated = false;
        for (var depth = 1; depth <= query.Depth && frontier.Count > 0 && !truncated; depth++)
        {
            var room = query.Limit - included.Count;
            var reached = (await RunAsync("expand-neighbourhood", cancellationToken,
                    ("frontier", frontier.ToArray()), ("visited", included.ToArray()), ("types", query.Types?.ToArray()),
                    ("labels", query.Labels?.ToArray()), ("limit", Math.Max(room, 0) + 1)))
                .Rows.Select(r => r.RequiredString("id")).ToList();
            truncated = reached.Count > room;
            frontier = reached.Take(Math.Max(room, 0)).ToList();
            included.AddRange(frontier);
        }

        var nodes = await LoadNodesAsync(included, cancellationToken);
        var edges = (await RunAsync("get-relationships-among", cancellationToken, ("ids", included.ToArray()), ("types", query.Types?.ToArray())))
            .Rows.Select(Relationship).ToList();
        return new Subgraph(nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList(), edges, truncated);
    }

    public async Task<PathResult?> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        var ends = await LoadNodesAsync([query.From, query.To], cancellationToken);
        if (!ends.ContainsKey(query.From) || !ends.ContainsKey(query.To)) return null;

        List<(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Rels)> walks;
        if (query.From == query.To)
            // A path from a node to itself is the node alone; Cypher's shortest paths need two distinct ends.
            walks = [([ends[query.From]], [])];
        else
            walks = (await RunAsync("find-shortest-paths", cancellationToken,
                    ("from", query.From), ("to", query.To), ("maxHops", Math.Min(query.MaxHops, QueryLimits.MaxHops)),
                    ("excludeIds", query.ExcludeIds.ToArray()), ("excludeLabels", query.ExcludeLabels.ToArray()), ("limit", query.Limit)))
                .Rows.Select(r => Neo4jValues.ToPath(r["path"])).ToList();

        walks = walks
            .OrderBy(w => string.Join("\u0001", w.Nodes.Select(n => n.Id)), StringComparer.Ordinal)
            .ThenBy(w => string.Join("\u0001", w.Rels.Select(r => r.Id)), StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
        var byId = walks.SelectMany(w => w.Nodes).DistinctBy(n => n.Id).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var degreesById = (await RunAsync("get-degrees", cancellationToken, ("ids", byId.Keys.ToArray()))).Rows
            .ToDictionary(r => r.RequiredString("id"), r => r.Int("degree"), StringComparer.Ordinal);
        var refs = await LoadSourceRefsAsync(walks.SelectMany(w => w.Rels).SelectMany(r => r.Sources), cancellationToken);

        PathNode ToPathNode(string id) => new(id, byId[id].Label, byId[id].Name, degreesById.GetValueOrDefault(id));
        var paths = walks.Select(w => new GraphPath(
            w.Nodes.Select(n => ToPathNode(n.Id)).ToList(),
            w.Rels.Select(r =>
            {
                var sources = Cite(r.Sources, refs);
                return new PathHop(r.Id, r.Type, r.From, r.To, r.Properties, LegalStatusOf(r.Properties), sources,
                    Sentences.Describe(r.Type, NodeRef.Of(byId[r.From]), NodeRef.Of(byId[r.To]), r.Properties, sources));
            }).ToList())).ToList();
        var hubs = walks.SelectMany(w => w.Nodes).Select(n => n.Id).Distinct()
            .Where(id => id != query.From && id != query.To && degreesById.GetValueOrDefault(id) >= QueryLimits.HubDegree)
            .OrderBy(id => id, StringComparer.Ordinal).Select(ToPathNode).ToList();
        return new PathResult(paths, hubs);
    }
}
