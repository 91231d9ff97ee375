using System.Collections.Concurrent;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Per-node marks for one traversal, reused across requests so a search costs what it visits, not the size of the
/// graph: a mark is valid only when it carries the current generation, so "clearing" is one increment. Each slot holds
/// a small value (a distance or a position on a path, 0-15) beside the generation.
/// </summary>
internal sealed class TopologyMarks
{
    private const int ValueBits = 4;
    private const int MaxGeneration = int.MaxValue >> ValueBits;

    private readonly int[] _forward, _backward, _onPath;
    private int _generation;

    private TopologyMarks(int nodes) => (_forward, _backward, _onPath) = (new int[nodes], new int[nodes], new int[nodes]);

    public Side Forward => new(_forward, _generation);
    public Side Backward => new(_backward, _generation);
    public Side OnPath => new(_onPath, _generation);

    private void Next()
    {
        if (++_generation < MaxGeneration) return;
        Array.Clear(_forward);
        Array.Clear(_backward);
        Array.Clear(_onPath);
        _generation = 1;
    }

    /// <summary>One array of marks; <see cref="Get"/> answers -1 for a node not marked in this generation.</summary>
    public readonly struct Side(int[] marks, int generation)
    {
        public int Get(int node) => marks[node] >> ValueBits == generation ? marks[node] & ((1 << ValueBits) - 1) : -1;
        public bool Has(int node) => marks[node] >> ValueBits == generation;
        public void Set(int node, int value) => marks[node] = generation << ValueBits | value;
    }

    /// <summary>A small pool per topology: concurrent requests each take a set; extras beyond the pool are left to the GC.</summary>
    public sealed class Pool(int nodes)
    {
        private readonly ConcurrentBag<TopologyMarks> _free = [];

        public TopologyMarks Rent()
        {
            var marks = _free.TryTake(out var m) ? m : new TopologyMarks(nodes);
            marks.Next();
            return marks;
        }

        public void Return(TopologyMarks marks)
        {
            if (_free.Count < Environment.ProcessorCount * 2) _free.Add(marks);
        }
    }
}
