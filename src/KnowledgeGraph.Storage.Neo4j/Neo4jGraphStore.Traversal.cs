using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

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

        IEnumerable<Walk> found = query.From == query.To
            // A path from a node to itself is the node alone; Cypher's shortest paths need two distinct ends.
            ? [new Walk([ends[query.From]], [])]
            : (await RunAsync("find-shortest-paths", cancellationToken,
                    ("from", query.From), ("to", query.To), ("maxHops", Math.Min(query.MaxHops, QueryLimits.MaxHops)),
                    ("excludeIds", query.ExcludeIds.ToArray()), ("excludeLabels", query.ExcludeLabels.ToArray()), ("limit", query.Limit)))
                .Rows.Select(r => Neo4jValues.ToPath(r["path"])).Select(p => new Walk(p.Nodes, p.Relationships));

        var walks = PathAssembly.Order(found, query.Limit);
        var (nodeIds, sourceIds) = PathAssembly.Lookups(walks);
        var degrees = (await RunAsync("get-degrees", cancellationToken, ("ids", nodeIds.ToArray()))).Rows
            .ToDictionary(r => r.RequiredString("id"), r => r.Int("degree"), StringComparer.Ordinal);
        return PathAssembly.Build(query, walks, degrees, await LoadSourceRefsAsync(sourceIds, cancellationToken));
    }
}
