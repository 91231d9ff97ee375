using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Scale;

/// <summary>
/// Paths, neighbourhoods and node details of the embedded store on a generated mid-size graph (thousands of nodes, a
/// source citing every case, a training unit most officers passed through, parallel relationships), each checked
/// against a brute-force computation written here from the definitions, not from the store's algorithm.
/// </summary>
public sealed class TraversalAtScaleTests(TraversalAtScaleTests.Graph graph) : IClassFixture<TraversalAtScaleTests.Graph>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Shortest_paths_match_a_brute_force_search_with_and_without_exclusions()
    {
        var random = new Random(7);
        string[][] exclusions = [[], ["Source"], ["Force"], ["Force", "Source"], [Graph.Training], [Graph.Training, "Source", "Force"]];
        var checkedFull = 0;
        var checkedCapped = 0;
        for (var i = 0; i < 160; i++)
        {
            var from = graph.Pick(random);
            var to = random.Next(8) == 0 ? from : graph.Pick(random);
            var exclude = exclusions[random.Next(exclusions.Length)].Where(x => x != from && x != to).ToList();
            var maxHops = 1 + random.Next(QueryLimits.MaxHops);
            var limit = new[] { 1, 3, 10, 10, 50 }[random.Next(5)];
            var query = new PathQuery(from, to, maxHops, exclude.Where(x => !Labels.IsKnown(x)).ToList(), exclude.Where(Labels.IsKnown).ToList(), limit);

            var result = (await graph.Store.FindShortestPathsAsync(query, None))!;
            var expected = graph.BruteForcePaths(query, cap: 20_000);
            var context = $"{from} -> {to}, maxHops {maxHops}, exclude [{string.Join(",", exclude)}], limit {limit}";

            if (expected.Length is null)
            {
                Assert.True(result.Paths.Count == 0, $"{context}: no path within {maxHops} hops, but the store found {result.Paths.Count}");
                continue;
            }
            Assert.True(result.Paths.Count == Math.Min(limit, expected.Count), $"{context}: {result.Paths.Count} paths, expected {Math.Min(limit, expected.Count)} of {expected.Count}");
            var keys = new HashSet<string>();
            foreach (var path in result.Paths)
            {
                graph.AssertRealPath(path, query, expected.Length.Value, context);
                Assert.True(keys.Add(Graph.Key(path)), $"{context}: a path is returned twice");
            }
            if (expected.All is { } all)
            {
                // The store's lazy enumeration must give exactly the globally first paths in the documented order.
                var first = all.Take(limit).ToList();
                Assert.Equal(first, result.Paths.Select(Graph.Key).ToList());
                checkedFull++;
            }
            else checkedCapped++;
        }
        Assert.True(checkedFull > 60, $"only {checkedFull} queries compared whole answers");
        _ = checkedCapped;
    }

    [Fact]
    public async Task A_path_through_the_hub_source_names_the_hub_and_excluding_it_goes_around()
    {
        var (a, b) = graph.CasesWithoutSharedSubjects();
        var result = (await graph.Store.FindShortestPathsAsync(new PathQuery(a, b, 6, [], [], 10), None))!;

        Assert.All(result.Paths, p => Assert.Equal(2, p.Hops.Count));
        Assert.Contains(result.Hubs, h => h.Id == Graph.HubSource);
        var around = (await graph.Store.FindShortestPathsAsync(new PathQuery(a, b, 6, [Graph.HubSource], [], 10), None))!;
        Assert.All(around.Paths, p => Assert.DoesNotContain(p.Nodes, n => n.Id == Graph.HubSource));
    }

    [Fact]
    public async Task Neighbourhoods_match_a_brute_force_breadth_first_search()
    {
        var random = new Random(11);
        List<string> centres = [Graph.HubSource, Graph.Training, "force:f0", "unit:f1-u3", .. Enumerable.Range(0, 25).Select(_ => graph.Pick(random))];
        (string[]? Labels, string[]? Types)[] filters =
            [(null, null), (["Officer", "Unit"], ["SERVED_IN"]), (["Case", "Officer", "Source"], null), (null, ["SUBJECT_OF", "REPORTS_ON", "HAS_EVENT"])];
        foreach (var centre in centres)
        {
            foreach (var (labels, types) in filters)
            {
                var depth = 1 + random.Next(QueryLimits.MaxDepth);
                var limit = new[] { 5, 150, 500 }[random.Next(3)];
                var query = new NeighbourhoodQuery(centre, depth, limit, labels, types);
                var result = (await graph.Store.GetNeighbourhoodAsync(query, None))!;
                var (nodes, truncated) = graph.BruteForceNeighbourhood(query);
                var context = $"{centre} depth {depth} limit {limit} labels [{string.Join(",", labels ?? [])}] types [{string.Join(",", types ?? [])}]";

                Assert.True(nodes.SequenceEqual(result.Nodes.Select(n => n.Id)), $"{context}: nodes differ");
                Assert.True(truncated == result.Truncated, $"{context}: truncated {result.Truncated}, expected {truncated}");
                var set = nodes.ToHashSet();
                var edges = graph.Dataset.Relationships
                    .Where(r => set.Contains(r.From) && set.Contains(r.To) && (types is null || types.Contains(r.Type)))
                    .Select(r => r.Id).Order(StringComparer.Ordinal);
                Assert.True(edges.SequenceEqual(result.Relationships.Select(r => r.Id)), $"{context}: relationships differ");
            }
        }
    }

    [Fact]
    public async Task A_node_detail_reads_at_most_the_limit_in_order_and_counts_them_all()
    {
        foreach (var (id, limit) in new[] { (Graph.HubSource, 500), (Graph.Training, 50), ("officer:o1", 500), ("case:c2", 3), ("force:f0", 10) })
        {
            var detail = (await graph.Store.GetNodeAsync(id, limit, None))!;
            var all = graph.Dataset.Relationships.Where(r => r.From == id || r.To == id)
                .OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.From == id ? r.To : r.From, StringComparer.Ordinal)
                .ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();

            Assert.Equal(all.Take(limit), detail.Relationships.Select(r => r.Id));
            Assert.Equal(all.Count, detail.RelationshipsTotal);
            Assert.Equal(all.Count > limit, detail.RelationshipsTruncated);
            Assert.All(detail.Relationships, r => Assert.NotEmpty(r.Sources));
        }
    }

    [Fact]
    public async Task After_an_import_the_traversals_see_the_new_graph()
    {
        var store = new SqliteGraphStore(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"));
        var source = Graph.Node("source:s", Labels.Source, "S", new() { ["kind"] = "report", ["title"] = "S", ["seedFile"] = "s" });
        var a = Graph.Node("officer:a", Labels.Officer, "A", []);
        var b = Graph.Node("officer:b", Labels.Officer, "B", []);
        var c = Graph.Node("officer:c", Labels.Officer, "C", []);
        GraphRelationship Worked(GraphNode x, GraphNode y) =>
            new(GraphRelationship.MakeId("WORKED_WITH", x.Id, y.Id, null), "WORKED_WITH", x.Id, y.Id, new Dictionary<string, object?>(), ["source:s"]);
        await store.ImportAsync(new Core.Model.Dataset([source, a, b, c], [Worked(a, b), Worked(b, c)]), null, None);
        Assert.Equal(2, (await store.FindShortestPathsAsync(new PathQuery(a.Id, c.Id, 6, [], [], 10), None))!.Paths.Single().Hops.Count);

        await store.ImportAsync(new Core.Model.Dataset([source, a, b, c], [Worked(a, b), Worked(b, c), Worked(a, c)]), null, None);

        Assert.Single((await store.FindShortestPathsAsync(new PathQuery(a.Id, c.Id, 6, [], [], 10), None))!.Paths.Single().Hops);
        Assert.Equal(2, (await store.GetNodeAsync(a.Id, 10, None))!.RelationshipsTotal);
    }

    [Fact]
    public async Task Officers_with_many_shortest_paths_between_them_get_the_first_ten()
    {
        var query = Enumerable.Range(1, 200)
            .Select(o => new PathQuery("officer:o0", $"officer:o{o}", 6, [Graph.Training], ["Force", "Source"], 10))
            .First(q => graph.BruteForcePaths(q, cap: 0).Count > 50);
        var expected = graph.BruteForcePaths(query, cap: 0);
        var result = (await graph.Store.FindShortestPathsAsync(query, None))!;

        Assert.Equal(10, result.Paths.Count);
        Assert.All(result.Paths, p => graph.AssertRealPath(p, query, expected.Length!.Value, "training"));
    }

    /// <summary>The generated graph, imported once into a real SQLite file, with brute-force answers.</summary>
    public sealed class Graph : IAsyncLifetime
    {
        public const string HubSource = "source:hub", Training = "unit:training";
        private const int Forces = 5, UnitsPerForce = 8, Officers = 2_500, Cases = 900;

        public SqliteGraphStore Store { get; } = new(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"));
        public Core.Model.Dataset Dataset { get; }
        private readonly Dictionary<string, GraphNode> _nodes;
        private readonly Dictionary<string, GraphRelationship> _relationships;
        private readonly Dictionary<string, List<(string Other, string Rel)>> _adjacent = new(StringComparer.Ordinal);
        private readonly string[] _ids;

        public Graph()
        {
            var random = new Random(42);
            var nodes = new List<GraphNode>();
            var rels = new List<GraphRelationship>();
            void Rel(string type, string from, string to, string? key = null, Dictionary<string, object?>? props = null, string source = HubSource) =>
                rels.Add(new GraphRelationship(GraphRelationship.MakeId(type, from, to, key), type, from, to, props ?? [], [source]));

            nodes.Add(Node(HubSource, Labels.Source, "Hub report", new() { ["kind"] = "report", ["title"] = "Hub report", ["seedFile"] = "hub" }));
            nodes.Add(Node("source:side", Labels.Source, "Side note", new() { ["kind"] = "blog", ["title"] = "Side note", ["seedFile"] = "side" }));
            nodes.Add(Node("org:paper", Labels.Organisation, "Paper", new() { ["kind"] = "media_outlet" }));
            Rel("PUBLISHED_BY", HubSource, "org:paper");
            nodes.Add(Node(Training, Labels.Unit, "Training school", []));
            for (var f = 0; f < Forces; f++)
            {
                nodes.Add(Node($"force:f{f}", Labels.Force, $"Force {f}", []));
                for (var u = 0; u < UnitsPerForce; u++)
                {
                    nodes.Add(Node($"unit:f{f}-u{u}", Labels.Unit, $"Unit {u} of {f}", []));
                    Rel("PART_OF", $"unit:f{f}-u{u}", $"force:f{f}");
                }
            }
            Rel("PART_OF", Training, "force:f0");
            for (var o = 0; o < Officers; o++)
            {
                var id = $"officer:o{o}";
                nodes.Add(Node(id, Labels.Officer, $"Officer {o}", new() { ["identified"] = true, ["status"] = "serving" }));
                var force = random.Next(Forces);
                Rel("SERVED_IN", id, $"force:f{force}", props: new() { ["from"] = "2001" });
                var spells = 1 + random.Next(3);
                for (var s = 0; s < spells; s++)
                {
                    // Two spells in the same unit are parallel relationships: distinct paths with the same nodes.
                    var unit = $"unit:f{force}-u{random.Next(UnitsPerForce / 2)}";
                    Rel("SERVED_IN", id, unit, key: $"{2000 + s}", props: new() { ["from"] = $"{2000 + s}" });
                }
                if (random.Next(10) < 7) Rel("SERVED_IN", id, Training, props: new() { ["from"] = "1999" });
                if (o > 0 && random.Next(40) == 0) Rel("WORKED_WITH", id, $"officer:o{random.Next(o)}");
            }
            for (var c = 0; c < Cases; c++)
            {
                var id = $"case:c{c}";
                nodes.Add(Node(id, Labels.Case, $"Case {c}", new() { ["legalStatus"] = "alleged", ["summary"] = "Generated." }, [HubSource]));
                Rel("REPORTS_ON", HubSource, id);
                if (random.Next(6) == 0) Rel("COMMENTS_ON", HubSource, id);
                if (random.Next(4) == 0) Rel("REPORTS_ON", "source:side", id, source: "source:side");
                var subjects = 1 + random.Next(2);
                foreach (var o in Enumerable.Range(0, subjects).Select(_ => random.Next(Officers)).Distinct())
                    Rel("SUBJECT_OF", $"officer:o{o}", id, props: new() { ["role"] = "subject", ["legalStatus"] = "alleged" });
                nodes.Add(Node($"event:c{c}", Labels.Event, "Step", new() { ["kind"] = "statement", ["date"] = "2020", ["summary"] = "Generated." }, [HubSource]));
                Rel("HAS_EVENT", id, $"event:c{c}");
                nodes.Add(Node($"victim:c{c}", Labels.VictimRole, "", new() { ["role"] = "victim", ["descriptor"] = "a person", ["anonymity"] = "protected" }, [HubSource]));
                Rel("HAS_VICTIM", id, $"victim:c{c}");
                if (c > 0 && random.Next(30) == 0) Rel("RELATED_TO", id, $"case:c{random.Next(c)}");
            }
            Dataset = new Core.Model.Dataset(nodes, rels);
            _nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
            _relationships = rels.ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var n in nodes) _adjacent[n.Id] = [];
            foreach (var r in rels)
            {
                _adjacent[r.From].Add((r.To, r.Id));
                _adjacent[r.To].Add((r.From, r.Id));
            }
            _ids = nodes.Select(n => n.Id).ToArray();
        }

        public static GraphNode Node(string id, string label, string name, Dictionary<string, object?> properties, string[]? sources = null) =>
            new(id, label, name, [], properties, sources ?? []);

        public async Task InitializeAsync() => await Store.ImportAsync(Dataset, null, None);

        public Task DisposeAsync() => Task.CompletedTask;

        /// <summary>Mostly officers and cases, sometimes a unit, force, event or the hub.</summary>
        public string Pick(Random random) => random.Next(10) switch
        {
            < 5 => $"officer:o{random.Next(Officers)}",
            < 8 => $"case:c{random.Next(Cases)}",
            8 => _ids[random.Next(_ids.Length)],
            _ => random.Next(2) == 0 ? HubSource : $"unit:f{random.Next(Forces)}-u{random.Next(UnitsPerForce)}",
        };

        public (string, string) CasesWithoutSharedSubjects()
        {
            var subjects = Dataset.Relationships.Where(r => r.Type == "SUBJECT_OF").ToLookup(r => r.To, r => r.From);
            var near = _adjacent["case:c0"].Select(e => e.Other).ToHashSet();
            return ("case:c0", Enumerable.Range(1, Cases - 1).Select(c => $"case:c{c}")
                .First(c => !near.Contains(c) && !subjects[c].Intersect(subjects["case:c0"]).Any()));
        }

        public static string Key(GraphPath path) =>
            string.Join("\u0001", path.Nodes.Select(n => n.Id)) + "\u0002" + string.Join("\u0001", path.Hops.Select(h => h.RelationshipId));

        private bool Passable(string id, PathQuery query) =>
            id == query.From || id == query.To || (!query.ExcludeIds.Contains(id) && !query.ExcludeLabels.Contains(_nodes[id].Label));

        private Dictionary<string, int> Distances(string start, PathQuery query)
        {
            var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
            var queue = new Queue<string>([start]);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                // An end is a place a path stops, never one it passes through.
                if (x != start && (x == query.From || x == query.To)) continue;
                foreach (var (y, _) in _adjacent[x])
                    if (Passable(y, query) && distance.TryAdd(y, distance[x] + 1)) queue.Enqueue(y);
            }
            return distance;
        }

        /// <summary>
        /// The shortest length (null when none within the hops) and how many shortest paths there are, by plain
        /// breadth-first search from both ends; with every path, in (node ids, relationship ids) order, when they are
        /// at most <paramref name="cap"/>.
        /// </summary>
        public (int? Length, long Count, List<string>? All) BruteForcePaths(PathQuery query, int cap)
        {
            if (query.From == query.To) return (0, 1, [query.From + "\u0002"]);
            var fromStart = Distances(query.From, query);
            if (!fromStart.TryGetValue(query.To, out var length) || length > query.MaxHops) return (null, 0, null);
            var toEnd = Distances(query.To, query);
            bool OnShortest(string id, int at) => fromStart.GetValueOrDefault(id, -1) == at && toEnd.GetValueOrDefault(id, -1) == length - at;

            // Count by dynamic programming over positions, so a hub with millions of paths is not enumerated.
            var count = new Dictionary<string, long>(StringComparer.Ordinal) { [query.From] = 1 };
            for (var at = 1; at <= length; at++)
                foreach (var (id, n) in count.Where(kv => fromStart[kv.Key] == at - 1).ToList())
                    foreach (var (y, _) in _adjacent[id].Where(e => OnShortest(e.Other, at)))
                        count[y] = count.GetValueOrDefault(y) + n;
            var total = count[query.To];
            if (total > cap) return (length, total, null);

            var all = new List<(List<string> Nodes, List<string> Rels)>();
            void Walk(List<string> nodes, List<string> rels)
            {
                var x = nodes[^1];
                if (nodes.Count == length + 1)
                {
                    all.Add((nodes.ToList(), rels.ToList()));
                    return;
                }
                foreach (var (y, r) in _adjacent[x].Where(e => OnShortest(e.Other, nodes.Count)))
                {
                    nodes.Add(y);
                    rels.Add(r);
                    Walk(nodes, rels);
                    nodes.RemoveAt(nodes.Count - 1);
                    rels.RemoveAt(rels.Count - 1);
                }
            }
            Walk([query.From], []);
            var ordered = all
                .OrderBy(p => string.Join("\u0001", p.Nodes), StringComparer.Ordinal)
                .ThenBy(p => string.Join("\u0001", p.Rels), StringComparer.Ordinal)
                .Select(p => string.Join("\u0001", p.Nodes) + "\u0002" + string.Join("\u0001", p.Rels))
                .ToList();
            return (length, total, ordered);
        }

        public void AssertRealPath(GraphPath path, PathQuery query, int length, string context)
        {
            Assert.True(path.Hops.Count == length, $"{context}: a path of {path.Hops.Count} hops, the shortest is {length}");
            Assert.Equal(query.From, path.Nodes[0].Id);
            Assert.Equal(query.To, path.Nodes[^1].Id);
            Assert.Equal(path.Nodes.Count, path.Nodes.Select(n => n.Id).Distinct().Count());
            for (var i = 0; i < path.Hops.Count; i++)
            {
                var stored = _relationships[path.Hops[i].RelationshipId];
                var (a, b) = (path.Nodes[i].Id, path.Nodes[i + 1].Id);
                Assert.True((stored.From == a && stored.To == b) || (stored.From == b && stored.To == a), $"{context}: hop {i} does not join {a} and {b}");
                Assert.Equal((stored.From, stored.To), (path.Hops[i].From, path.Hops[i].To));
            }
            foreach (var inner in path.Nodes.Skip(1).SkipLast(1))
                Assert.True(Passable(inner.Id, query) && inner.Id != query.From && inner.Id != query.To, $"{context}: passes through {inner.Id}");
            Assert.All(path.Nodes, n => Assert.Equal(_adjacent[n.Id].Count, n.Degree));
        }

        /// <summary>Layer by layer: every not yet included neighbour through a followed type with an asked label, by id, until the limit.</summary>
        public (List<string> Nodes, bool Truncated) BruteForceNeighbourhood(NeighbourhoodQuery query)
        {
            var included = new List<string> { query.Id };
            var frontier = new List<string> { query.Id };
            var truncated = false;
            for (var depth = 1; depth <= query.Depth && frontier.Count > 0 && !truncated; depth++)
            {
                var candidates = frontier.SelectMany(x => _adjacent[x])
                    .Where(e => query.Types is null || query.Types.Contains(_relationships[e.Rel].Type))
                    .Select(e => e.Other)
                    .Where(y => !included.Contains(y) && (query.Labels is null || query.Labels.Contains(_nodes[y].Label)))
                    .Distinct().Order(StringComparer.Ordinal).ToList();
                var room = query.Limit - included.Count;
                truncated = candidates.Count > room;
                frontier = candidates.Take(room).ToList();
                included.AddRange(frontier);
            }
            return (included.Order(StringComparer.Ordinal).ToList(), truncated);
        }
    }
}
