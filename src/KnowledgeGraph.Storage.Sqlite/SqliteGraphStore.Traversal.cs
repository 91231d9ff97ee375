using System.Diagnostics;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    private sealed record TopologyState(SqliteTopology Graph, TopologyMarks.Pool Marks);

    private readonly Lock _topologyLock = new();
    private TopologyState? _topology;

    /// <summary>How long the in-memory topology took to build last, and roughly how many bytes it holds (for the benchmark).</summary>
    public (TimeSpan BuildTime, long Bytes, int Nodes, int Relationships)? TopologyStatistics { get; private set; }

    /// <summary>The in-memory topology, built from the file on first use. The build holds the lock, so a reset after an
    /// import (which takes the same lock) can never be overtaken by a build that read the file before the import.</summary>
    private TopologyState Topology()
    {
        if (Volatile.Read(ref _topology) is { } ready) return ready;
        lock (_topologyLock)
        {
            if (_topology is not null) return _topology;
            var clock = Stopwatch.StartNew();
            using var connection = Open();
            // One read transaction: nodes and relationships come from the same snapshot of the file.
            using var snapshot = connection.BeginTransaction(deferred: true);
            var graph = SqliteTopology.Build(connection);
            TopologyStatistics = (clock.Elapsed, graph.ApproximateBytes, graph.NodeCount, graph.RelationshipCount);
            Volatile.Write(ref _topology, new TopologyState(graph, new TopologyMarks.Pool(graph.NodeCount)));
            return _topology!;
        }
    }

    private void ResetTopology()
    {
        lock (_topologyLock) Volatile.Write(ref _topology, null);
    }

    public async Task<Subgraph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken)
    {
        var g = Topology().Graph;
        var centre = g.IndexOf(query.Id);
        if (centre < 0) return null;

        var types = g.TypeFilter(query.Types);
        var (included, truncated) = TopologyNeighbourhood.Expand(g, centre, query.Depth, query.Limit, g.LabelFilter(query.Labels), types);
        var edges = TopologyNeighbourhood.RelationshipsAmong(g, included, types);

        await using var connection = Open();
        var nodes = await LoadNodesByRowIdAsync(connection, included.Select(g.NodeRowIdOf), cancellationToken);
        var relationships = await LoadRelationshipsByRowIdAsync(connection, edges.Select(g.RowIdOf), cancellationToken);
        return new Subgraph(
            included.Select(g.NodeRowIdOf).Where(nodes.ContainsKey).Select(n => nodes[n]).ToList(),
            edges.Select(g.RowIdOf).Where(relationships.ContainsKey).Select(r => relationships[r]).ToList(),
            truncated);
    }

    /// <summary>
    /// Bidirectional breadth-first search over the in-memory topology (<see cref="TopologyPaths"/>): excluded ids and
    /// labels are never passed through (the ends always may be), and only the relationships on the returned paths are
    /// read from the file.
    /// </summary>
    public async Task<PathResult?> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        var (g, pool) = Topology();
        var (from, to) = (g.IndexOf(query.From), g.IndexOf(query.To));
        if (from < 0 || to < 0) return null;

        var excludedIds = query.ExcludeIds.Select(g.IndexOf).Where(n => n >= 0).ToHashSet();
        var excludedLabels = g.LabelFilter(query.ExcludeLabels) ?? [];
        bool Passable(int node) => !excludedIds.Contains(node) && !(excludedLabels.Length > 0 && excludedLabels[g.LabelOf(node)]);

        var marks = pool.Rent();
        List<TopologyPath> found;
        try
        {
            found = TopologyPaths.AllShortest(g, marks, from, to, Math.Min(query.MaxHops, QueryLimits.MaxHops), Passable, query.Limit,
                cancellationToken);
        }
        finally
        {
            pool.Return(marks);
        }
        if (found.Count == 0) return new PathResult([], []);

        await using var connection = Open();
        var nodes = (await LoadNodesByRowIdAsync(connection, found.SelectMany(p => p.Nodes).Distinct().Select(g.NodeRowIdOf), cancellationToken))
            .Values.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var relationships = await LoadRelationshipsByRowIdAsync(connection, found.SelectMany(p => p.Relationships).Distinct().Select(g.RowIdOf),
            cancellationToken);
        var walks = found
            // A row gone since the topology was built (an import in between) drops the path rather than inventing it.
            .Where(p => p.Nodes.All(n => nodes.ContainsKey(g.IdOf(n))) && p.Relationships.All(r => relationships.ContainsKey(g.RowIdOf(r))))
            .Select(p => new Walk(p.Nodes.Select(n => nodes[g.IdOf(n)]).ToList(), p.Relationships.Select(r => relationships[g.RowIdOf(r)]).ToList()));
        var ordered = PathAssembly.Order(walks, query.Limit);
        var degrees = ordered.SelectMany(w => w.Nodes).Select(n => n.Id).Distinct()
            .ToDictionary(id => id, id => g.Degree(g.IndexOf(id)), StringComparer.Ordinal);
        var (_, sourceIds) = PathAssembly.Lookups(ordered);
        return PathAssembly.Build(query, ordered, degrees, await LoadSourceRefsAsync(connection, sourceIds, cancellationToken));
    }

    /// <summary>Nodes by SQLite rowid (one b-tree lookup each instead of two by id), keyed by rowid.</summary>
    private static async Task<Dictionary<long, GraphNode>> LoadNodesByRowIdAsync(SqliteConnection connection, IEnumerable<long> rowIds,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            $"SELECT n.rowid, {NodeColumns} FROM nodes n WHERE n.rowid IN (SELECT value FROM json_each($rowids))",
            r => (r.GetInt64(0), ReadNode(r, 1)), cancellationToken, ("$rowids", $"[{string.Join(',', rowIds)}]"));
        return rows.ToDictionary(x => x.Item1, x => x.Item2);
    }

    /// <summary>Relationships by SQLite rowid (what the topology keeps for each), keyed by rowid.</summary>
    private static async Task<Dictionary<long, GraphRelationship>> LoadRelationshipsByRowIdAsync(SqliteConnection connection,
        IEnumerable<long> rowIds, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            $"SELECT r.rowid, {RelationshipColumns} FROM relationships r WHERE r.rowid IN (SELECT value FROM json_each($rowids))",
            r => (r.GetInt64(0), ReadRelationship(r, 1)), cancellationToken, ("$rowids", $"[{string.Join(',', rowIds)}]"));
        return rows.ToDictionary(x => x.Item1, x => x.Item2);
    }
}
