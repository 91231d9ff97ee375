using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<Subgraph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var centre = await LoadNodeAsync(connection, query.Id, cancellationToken);
        if (centre is null) return null;

        var included = new Dictionary<string, GraphNode>(StringComparer.Ordinal) { [centre.Id] = centre };
        var frontier = new List<string> { centre.Id };
        var truncated = false;
        for (var depth = 1; depth <= query.Depth && frontier.Count > 0 && !truncated; depth++)
        {
            var relationships = await LoadRelationshipsTouchingAsync(connection, frontier, query.Types, cancellationToken);
            var frontierSet = frontier.ToHashSet(StringComparer.Ordinal);
            var reached = relationships.SelectMany(r => new[] { (r.From, r.To), (r.To, r.From) })
                .Where(pair => frontierSet.Contains(pair.Item1) && !included.ContainsKey(pair.Item2))
                .Select(pair => pair.Item2);
            var candidates = (await LoadNodesAsync(connection, reached, cancellationToken)).Values
                .Where(n => query.Labels is null || query.Labels.Contains(n.Label))
                .OrderBy(n => n.Id, StringComparer.Ordinal)
                .ToList();
            frontier = [];
            foreach (var node in candidates)
            {
                if (included.Count >= query.Limit)
                {
                    truncated = true;
                    break;
                }
                included[node.Id] = node;
                frontier.Add(node.Id);
            }
        }

        var edges = (await LoadRelationshipsTouchingAsync(connection, included.Keys, query.Types, cancellationToken))
            .Where(r => included.ContainsKey(r.From) && included.ContainsKey(r.To))
            .ToList();
        return new Subgraph(included.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList(), edges, truncated);
    }

    /// <summary>
    /// Breadth-first search over relationships in either direction, remembering every way each node was first
    /// reached, so all shortest paths come out. Excluded ids and labels are never passed through (the ends always may be).
    /// </summary>
    public async Task<PathResult?> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var ends = await LoadNodesAsync(connection, [query.From, query.To], cancellationToken);
        if (!ends.ContainsKey(query.From) || !ends.ContainsKey(query.To)) return null;

        var nodes = new Dictionary<string, GraphNode>(ends, StringComparer.Ordinal);
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [query.From] = 0 };
        var parents = new Dictionary<string, List<(string Node, GraphRelationship Via)>>(StringComparer.Ordinal);
        var frontier = new List<string> { query.From };
        for (var hop = 1; hop <= query.MaxHops && frontier.Count > 0 && !distance.ContainsKey(query.To); hop++)
        {
            var frontierSet = frontier.ToHashSet(StringComparer.Ordinal);
            var relationships = await LoadRelationshipsTouchingAsync(connection, frontier, null, cancellationToken);
            var steps = relationships.SelectMany(r => new[] { (At: r.From, Next: r.To, Via: r), (At: r.To, Next: r.From, Via: r) })
                .Where(s => frontierSet.Contains(s.At) && (!distance.TryGetValue(s.Next, out var d) || d == hop))
                .ToList();
            foreach (var (id, node) in await LoadNodesAsync(connection, steps.Select(s => s.Next).Where(id => !nodes.ContainsKey(id)), cancellationToken))
                nodes[id] = node;

            var next = new List<string>();
            foreach (var step in steps)
            {
                if (step.Next != query.To && IsExcluded(nodes[step.Next], query)) continue;
                if (distance.TryAdd(step.Next, hop)) next.Add(step.Next);
                if (!parents.TryGetValue(step.Next, out var list)) parents[step.Next] = list = [];
                if (!list.Any(p => p.Via.Id == step.Via.Id && p.Node == step.At)) list.Add((step.At, step.Via));
            }
            frontier = next.Where(id => id != query.To).ToList();
        }
        if (!distance.ContainsKey(query.To)) return new PathResult([], []);

        var walks = PathAssembly.Order(
            Walks(query.From, query.To, parents).Select(w => new Walk(w.Nodes.Select(id => nodes[id]).ToList(), w.Rels)), query.Limit);
        var (nodeIds, sourceIds) = PathAssembly.Lookups(walks);
        return PathAssembly.Build(query, walks, await LoadDegreesAsync(connection, nodeIds, cancellationToken),
            await LoadSourceRefsAsync(connection, sourceIds, cancellationToken));
    }

    private static bool IsExcluded(GraphNode node, PathQuery query) =>
        query.ExcludeIds.Contains(node.Id) || query.ExcludeLabels.Contains(node.Label);

    private static IEnumerable<(List<string> Nodes, List<GraphRelationship> Rels)> Walks(string from, string to,
        Dictionary<string, List<(string Node, GraphRelationship Via)>> parents)
    {
        if (to == from)
        {
            yield return ([from], []);
            yield break;
        }
        foreach (var (previous, via) in parents.GetValueOrDefault(to) ?? [])
            foreach (var (nodes, rels) in Walks(from, previous, parents))
                yield return ([.. nodes, to], [.. rels, via]);
    }

    private static async Task<Dictionary<string, int>> LoadDegreesAsync(SqliteConnection connection, IEnumerable<string> ids,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            """
            SELECT j.value,
                   (SELECT COUNT(*) FROM relationships WHERE from_id = j.value) + (SELECT COUNT(*) FROM relationships WHERE to_id = j.value)
            FROM json_each($ids) j
            """, r => (r.GetString(0), r.GetInt32(1)), cancellationToken, ("$ids", PropertyJson.WriteList(ids)));
        return rows.ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
    }
}
