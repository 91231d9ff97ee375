namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Neighbourhoods and a node's relationships over the in-memory topology, with work bounded by the answer: a hub's
/// 50,000 neighbours are never all loaded to answer 150, because adjacency is kept in id order and read only as far
/// as the answer needs.
/// </summary>
internal static class TopologyNeighbourhood
{
    /// <summary>
    /// Breadth first, nearest first then by id, at most <paramref name="limit"/> nodes (the centre included). Each layer
    /// is a merge of the frontier's adjacency lists in neighbour order, stopped one node after the room left, which
    /// is how it knows the answer was cut. Label and type filters apply inside the merge.
    /// </summary>
    public static (List<int> Nodes, bool Truncated) Expand(SqliteTopology g, int centre, int depth, int limit, bool[]? labels, bool[]? types)
    {
        var included = new List<int> { centre };
        var seen = new HashSet<int> { centre };
        var frontier = new List<int> { centre };
        var truncated = false;
        for (var d = 1; d <= depth && frontier.Count > 0 && !truncated; d++)
        {
            var room = limit - included.Count;
            var cursor = new int[frontier.Count];
            var heap = new PriorityQueue<int, int>(frontier.Count);
            bool Advance(int i)
            {
                var end = g.End(frontier[i]);
                var e = cursor[i];
                while (e < end && !Followed(g, e, seen, labels, types)) e++;
                cursor[i] = e;
                return e < end;
            }
            for (var i = 0; i < frontier.Count; i++)
            {
                cursor[i] = g.Start(frontier[i]);
                if (Advance(i)) heap.Enqueue(i, g.NeighbourAt(cursor[i]));
            }
            var next = new List<int>();
            var last = -1;
            while (heap.TryDequeue(out var i, out var y))
            {
                if (y != last)
                {
                    if (next.Count >= room)
                    {
                        truncated = true;
                        break;
                    }
                    next.Add(y);
                    last = y;
                }
                cursor[i]++;
                if (Advance(i)) heap.Enqueue(i, g.NeighbourAt(cursor[i]));
            }
            foreach (var y in next) seen.Add(y);
            included.AddRange(next);
            frontier = next;
        }
        included.Sort();
        return (included, truncated);
    }

    private static bool Followed(SqliteTopology g, int entry, HashSet<int> seen, bool[]? labels, bool[]? types)
    {
        var y = g.NeighbourAt(entry);
        return (types is null || types[g.TypeOf(g.RelationshipAt(entry))])
               && (labels is null || labels[g.LabelOf(y)])
               && !seen.Contains(y);
    }

    /// <summary>The relationships (of the followed types) whose both ends are among the nodes, in id order. A hub among
    /// them is probed for each other node (binary search in its sorted adjacency) instead of being read whole.</summary>
    public static List<int> RelationshipsAmong(SqliteTopology g, IReadOnlyList<int> nodes, bool[]? types)
    {
        var set = nodes.ToHashSet();
        var found = new HashSet<int>();
        foreach (var x in nodes)
        {
            if (g.Degree(x) <= 8 * nodes.Count)
            {
                for (var e = g.Start(x); e < g.End(x); e++)
                    if (set.Contains(g.NeighbourAt(e))) Add(e);
                continue;
            }
            foreach (var y in nodes)
                for (var e = g.LowerBound(x, y); e < g.End(x) && g.NeighbourAt(e) == y; e++)
                    Add(e);
        }
        var ordered = found.ToList();
        ordered.Sort();
        return ordered;

        void Add(int entry)
        {
            var r = g.RelationshipAt(entry);
            if (types is null || types[g.TypeOf(r)]) found.Add(r);
        }
    }

    /// <summary>
    /// At most <paramref name="limit"/> of a node's relationships by type, then the other node's id, then relationship id,
    /// and how many it has in all. Adjacency is in (neighbour, relationship) order, so one pass per type in type order
    /// gives the answer without sorting, and stops when the limit is reached.
    /// </summary>
    public static (List<(int Relationship, int Other)> Chosen, int Total) RelationshipsOf(SqliteTopology g, int node, int limit)
    {
        var (start, end) = (g.Start(node), g.End(node));
        var perType = new int[g.TypeCount];
        var total = 0;
        for (var e = start; e < end; e++)
        {
            if (IsSecondSelfLoopEntry(g, node, e)) continue;
            perType[g.TypeOf(g.RelationshipAt(e))]++;
            total++;
        }
        var chosen = new List<(int, int)>(Math.Min(limit, total));
        for (var type = 0; type < perType.Length && chosen.Count < limit; type++)
        {
            if (perType[type] == 0) continue;
            for (var e = start; e < end && chosen.Count < limit; e++)
                if (g.TypeOf(g.RelationshipAt(e)) == type && !IsSecondSelfLoopEntry(g, node, e)) chosen.Add((g.RelationshipAt(e), g.NeighbourAt(e)));
        }
        return (chosen, total);
    }

    // A relationship from a node to itself is listed twice in its adjacency, next to each other.
    private static bool IsSecondSelfLoopEntry(SqliteTopology g, int node, int e) =>
        g.NeighbourAt(e) == node && e > g.Start(node) && g.NeighbourAt(e - 1) == node && g.RelationshipAt(e - 1) == g.RelationshipAt(e);
}
