namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>One path over the topology: node numbers from start to end, and the relationship numbers between them.</summary>
internal sealed record TopologyPath(int[] Nodes, int[] Relationships);

/// <summary>
/// All shortest undirected paths between two nodes, up to a limit, over the in-memory topology.
/// <para>
/// Bidirectional breadth-first search: each round expands, by one whole layer, the side whose frontier has fewer
/// relationships to follow, so a hub on one side is left to be met rather than expanded. Excluded nodes are never
/// entered (the two ends always may be). When the sides meet, the length is known and the nodes that lie on some
/// shortest path are marked with their position on it, walking back from the meeting layer on each side.
/// </para>
/// <para>
/// The paths are then enumerated lazily, depth first, and the search stops at the limit, so a hub with 50,000
/// shortest paths through it costs the paths returned, not the paths that exist. Next nodes are tried in id order
/// and, for one sequence of nodes, parallel relationships in id order: this yields exactly the order of
/// <c>PathAssembly.Order</c> (node ids, then relationship ids), so the first paths are the globally first ones.
/// </para>
/// </summary>
internal static class TopologyPaths
{
    public static List<TopologyPath> AllShortest(SqliteTopology g, TopologyMarks marks, int from, int to, int maxHops,
        Func<int, bool> passable, int limit, CancellationToken cancellationToken)
    {
        if (from == to) return [new TopologyPath([from], [])];
        var forward = marks.Forward;
        var backward = marks.Backward;
        var onPath = marks.OnPath;
        forward.Set(from, 0);
        backward.Set(to, 0);
        List<int> forwardFrontier = [from], backwardFrontier = [to];
        long forwardCost = g.Degree(from), backwardCost = g.Degree(to);
        int forwardDepth = 0, backwardDepth = 0, length = -1;
        List<int> nearMeeting = [], farMeeting = [];

        while (forwardDepth + backwardDepth < maxHops && forwardFrontier.Count > 0 && backwardFrontier.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var isForward = forwardCost <= backwardCost;
            var (frontier, mine, other) = isForward ? (forwardFrontier, forward, backward) : (backwardFrontier, backward, forward);
            var (depth, otherDepth) = isForward ? (forwardDepth, backwardDepth) : (backwardDepth, forwardDepth);
            // Positions on a path counted from the start: the forward side's meeting layer is at forwardDepth.
            var (mineAt, otherAt) = isForward ? (depth, depth + 1) : (otherDepth + 1, otherDepth);
            List<int> next = [];
            long nextCost = 0;
            List<int> metHere = [], metThere = [];
            foreach (var u in frontier)
            {
                var met = false;
                for (var e = g.Start(u); e < g.End(u); e++)
                {
                    var v = g.NeighbourAt(e);
                    if (other.Has(v))
                    {
                        // Only the other side's last layer can be met (anything nearer would have met before).
                        if (other.Get(v) != otherDepth) continue;
                        met = true;
                        if (!onPath.Has(v))
                        {
                            onPath.Set(v, otherAt);
                            metThere.Add(v);
                        }
                        continue;
                    }
                    if (mine.Has(v) || !passable(v)) continue;
                    mine.Set(v, depth + 1);
                    next.Add(v);
                    nextCost += g.Degree(v);
                }
                if (met)
                {
                    onPath.Set(u, mineAt);
                    metHere.Add(u);
                }
            }
            if (metHere.Count > 0)
            {
                length = depth + otherDepth + 1;
                (nearMeeting, farMeeting) = isForward ? (metHere, metThere) : (metThere, metHere);
                break;
            }
            if (isForward) (forwardFrontier, forwardCost, forwardDepth) = (next, nextCost, depth + 1);
            else (backwardFrontier, backwardCost, backwardDepth) = (next, nextCost, depth + 1);
        }
        if (length < 0) return [];

        MarkBack(g, nearMeeting, forward, onPath, position => position, depthAt => depthAt);
        MarkBack(g, farMeeting, backward, onPath, position => length - position, depthAt => length - depthAt);
        return Enumerate(g, onPath, from, length, limit, cancellationToken);
    }

    /// <summary>
    /// From a meeting layer towards its side's end: every neighbour one layer nearer that end is on a shortest path.
    /// <paramref name="depthOf"/> turns a position into the side's depth, <paramref name="positionOf"/> back.
    /// </summary>
    private static void MarkBack(SqliteTopology g, List<int> meeting, TopologyMarks.Side side, TopologyMarks.Side onPath,
        Func<int, int> depthOf, Func<int, int> positionOf)
    {
        var stack = new Stack<int>(meeting);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            var depth = depthOf(onPath.Get(x));
            if (depth == 0) continue;
            for (var e = g.Start(x); e < g.End(x); e++)
            {
                var y = g.NeighbourAt(e);
                if (side.Get(y) != depth - 1 || onPath.Has(y)) continue;
                onPath.Set(y, positionOf(depth - 1));
                stack.Push(y);
            }
        }
    }

    private static List<TopologyPath> Enumerate(SqliteTopology g, TopologyMarks.Side onPath, int from, int length, int limit,
        CancellationToken cancellationToken)
    {
        var found = new List<TopologyPath>();
        var nodes = new int[length + 1];
        var cursor = new int[length + 1];
        var groupStart = new int[length];
        var groupEnd = new int[length];
        nodes[0] = from;
        cursor[0] = g.Start(from);
        var k = 0;
        while (k >= 0 && found.Count < limit)
        {
            if (k == length)
            {
                EmitParallel(g, nodes, groupStart, groupEnd, found, limit);
                k--;
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var end = g.End(nodes[k]);
            var c = cursor[k];
            // Every marked node has a successor, so no branch is a dead end and the work is bounded by the paths returned.
            while (c < end && onPath.Get(g.NeighbourAt(c)) != k + 1) c++;
            if (c == end)
            {
                k--;
                continue;
            }
            var y = g.NeighbourAt(c);
            var groupLast = c + 1;
            while (groupLast < end && g.NeighbourAt(groupLast) == y) groupLast++;
            (groupStart[k], groupEnd[k], cursor[k]) = (c, groupLast, groupLast);
            nodes[++k] = y;
            if (k < length) cursor[k] = g.Start(y);
        }
        return found;
    }

    /// <summary>Every choice of parallel relationships for one node sequence, first hop slowest: relationship-id order.</summary>
    private static void EmitParallel(SqliteTopology g, int[] nodes, int[] groupStart, int[] groupEnd, List<TopologyPath> found, int limit)
    {
        var choice = (int[])groupStart.Clone();
        while (found.Count < limit)
        {
            found.Add(new TopologyPath((int[])nodes.Clone(), choice.Select(g.RelationshipAt).ToArray()));
            var hop = choice.Length - 1;
            while (hop >= 0 && ++choice[hop] == groupEnd[hop])
            {
                choice[hop] = groupStart[hop];
                hop--;
            }
            if (hop < 0) return;
        }
    }
}
