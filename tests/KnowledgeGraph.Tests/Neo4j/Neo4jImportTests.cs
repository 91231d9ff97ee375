using System.Net;
using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

/// <summary>
/// The import's conversation with the Query API, against a fake server that keeps a graph as Neo4j would (each request
/// its own committed transaction), so what a failed run leaves and what the next run does can be checked.
/// </summary>
public sealed class Neo4jImportTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static GraphNode Officer(string slug) =>
        new($"officer:{slug}", "Officer", slug, [], new Dictionary<string, object?> { ["identified"] = true, ["status"] = "serving" }, []);

    private static GraphRelationship ServedIn(string officer, string from) =>
        new(GraphRelationship.MakeId("SERVED_IN", officer, "force:met", null), "SERVED_IN", officer, "force:met",
            new Dictionary<string, object?> { ["from"] = from }, ["source:s"]);

    private static Core.Model.Dataset SmallDataset() => new(
        [
            Officer("a"), Officer("b"), Officer("c"),
            new("force:met", "Force", "Met", ["MPS"], new Dictionary<string, object?>(), []),
            new("source:s", "Source", "S", [], new Dictionary<string, object?> { ["kind"] = "report", ["title"] = "S", ["seedFile"] = "s.md" }, []),
        ],
        [ServedIn("officer:a", "2001")]);

    private static Neo4jGraphStore Store(FakeQueryApi api, int batchSize = 1000)
    {
        var options = FakeQueryApi.Options();
        options.BatchSize = batchSize;
        return new Neo4jGraphStore(api.Client(options), options, TimeProvider.System);
    }

    [Fact]
    public async Task An_import_applies_the_schema_then_commits_every_batch_as_its_own_request()
    {
        var graph = new FakeGraph();
        var progress = new List<ImportProgress>();
        var summary = await Store(graph.Api, batchSize: 2).ImportAsync(SmallDataset(), new SyncProgress(progress), None);

        Assert.Equal(new ImportCounts(5, 0, 0, 0), summary.Nodes);
        Assert.Equal(new ImportCounts(1, 0, 0, 0), summary.Relationships);
        // Auto-commit requests only: no explicit transaction spans two batches.
        Assert.All(graph.Api.Requests, r => Assert.EndsWith("/query/v2", r.Uri));
        var names = graph.Names();
        Assert.True(names.IndexOf("await-indexes") < names.IndexOf("import-node-force"));
        // three officers in batches of two, then one force, one source and one SERVED_IN
        var rowsPerWrite = graph.Api.Requests.Where(r => graph.NameOf(r).StartsWith("import-", StringComparison.Ordinal))
            .Select(r => r.Json.GetProperty("parameters").GetProperty("rows").GetArrayLength()).ToList();
        Assert.Equal([1, 2, 1, 1, 1], rowsPerWrite);
        Assert.Contains(progress, p => (p.Stage, p.Done, p.Total) == ("relationships", 1, 1));
        Assert.Equal(graph.Expect(SmallDataset()), graph.Snapshot());
    }

    [Fact]
    public async Task A_second_import_of_the_same_data_reports_everything_unchanged()
    {
        var graph = new FakeGraph();
        await Store(graph.Api).ImportAsync(SmallDataset(), null, None);
        var summary = await Store(graph.Api).ImportAsync(SmallDataset(), null, None);

        Assert.Equal(new ImportCounts(0, 0, 5, 0), summary.Nodes);
        Assert.Equal(new ImportCounts(0, 0, 1, 0), summary.Relationships);
    }

    [Fact]
    public async Task Citations_that_only_point_to_other_rows_are_stored_and_counted_as_repointed_not_updated()
    {
        static Core.Model.Dataset Cited(string row, string status) => new(
            [
                Officer("a") with { Properties = new Dictionary<string, object?> { ["identified"] = true, ["status"] = status }, Sources = [$"source:s#roster.csv, row {row}"] },
                .. SmallDataset().Nodes.Skip(1),
            ],
            [ServedIn("officer:a", "2001") with { Sources = [$"source:s#roster.csv, row {row}"] }]);
        var graph = new FakeGraph();
        await Store(graph.Api).ImportAsync(Cited("2", "serving"), null, None);

        var moved = await Store(graph.Api).ImportAsync(Cited("9", "serving"), null, None);
        Assert.Equal(new ImportCounts(0, 0, 4, 0, Repointed: 1), moved.Nodes);
        Assert.Equal(new ImportCounts(0, 0, 0, 0, Repointed: 1), moved.Relationships);
        Assert.Equal(graph.Expect(Cited("9", "serving")), graph.Snapshot()); // the new rows are stored

        // A change of content with it is an update.
        var changed = await Store(graph.Api).ImportAsync(Cited("3", "retired"), null, None);
        Assert.Equal(new ImportCounts(0, 1, 4, 0), changed.Nodes);
    }

    [Fact]
    public async Task A_records_release_goes_in_requests_of_one_batch_each_and_a_reordered_one_only_repoints()
    {
        static string Release(bool reversed)
        {
            var dir = TestPaths.NewTempDirectory();
            File.WriteAllText(Path.Combine(dir, "force.json"), """{ "nodes": [ { "id": "force:rel", "label": "Force", "name": "Release Force" } ] }""");
            File.WriteAllText(Path.Combine(dir, "r.records.yaml"), """
                source: { id: source:rel-2024, name: Release, kind: dataset, title: Release, published: 2024-03 }
                tables:
                  - file: roster.csv
                    nodes: [ { as: officer, label: Officer, id: "officer:rel-{id}", name: "Officer {id}", properties: { identified: true, status: serving } } ]
                    relationships: [ { type: SERVED_IN, from: officer, to: "force:rel", properties: { from: "{appointed}" } } ]
                """);
            var rows = Enumerable.Range(0, 700).Select(i => $"{i},{2000 + i % 20}").ToList();
            if (reversed) rows.Reverse();
            File.WriteAllText(Path.Combine(dir, "roster.csv"), "id,appointed\n" + string.Join("\n", rows) + "\n");
            return dir;
        }
        var dataset = KnowledgeGraph.Records.DatasetReader.Read(Release(false)).Result.Dataset!;
        var graph = new FakeGraph();
        await Store(graph.Api, batchSize: 100).ImportAsync(dataset, null, None);

        var writes = graph.Api.Requests.Where(r => graph.NameOf(r).StartsWith("import-", StringComparison.Ordinal)).ToList();
        Assert.All(writes, r => Assert.InRange(r.Json.GetProperty("parameters").GetProperty("rows").GetArrayLength(), 1, 100));
        // No request carries the release: the largest is about one batch of the 1,400 facts.
        Assert.True(writes.Max(r => r.Body!.Length) * 5 < writes.Sum(r => r.Body!.Length), "a request holds more than a batch");
        Assert.Equal(graph.Expect(dataset), graph.Snapshot());

        var reordered = KnowledgeGraph.Records.DatasetReader.Read(Release(true)).Result.Dataset!;
        var summary = await Store(graph.Api, batchSize: 100).ImportAsync(reordered, null, None);
        Assert.Equal((0, 0, 0), (summary.Nodes.Created, summary.Nodes.Updated, summary.Nodes.Deleted));
        Assert.Equal((0, 0, 0), (summary.Relationships.Created, summary.Relationships.Updated, summary.Relationships.Deleted));
        // 700 rows reversed: every row moves, so every officer and every SERVED_IN cites another row.
        Assert.Equal((700, 700), (summary.Nodes.Repointed, summary.Relationships.Repointed));
        Assert.Equal(graph.Expect(reordered), graph.Snapshot());
    }

    [Fact]
    public async Task Stale_relationships_then_nodes_are_deleted_in_batches_only_after_every_upsert_and_counted_exactly()
    {
        var graph = new FakeGraph();
        var before = new Core.Model.Dataset([.. SmallDataset().Nodes, .. Enumerable.Range(0, 5).Select(i => Officer($"old{i}"))],
            [.. SmallDataset().Relationships, .. Enumerable.Range(0, 5).Select(i => ServedIn($"officer:old{i}", "1999"))]);
        await Store(graph.Api).ImportAsync(before, null, None);
        graph.Api.Requests.Clear();

        var summary = await Store(graph.Api, batchSize: 2).ImportAsync(SmallDataset(), null, None);

        Assert.Equal(new ImportCounts(0, 0, 5, 5), summary.Nodes);
        Assert.Equal(new ImportCounts(0, 0, 1, 5), summary.Relationships);
        Assert.Equal(graph.Expect(SmallDataset()), graph.Snapshot());
        var names = graph.Names();
        var lastUpsert = names.FindLastIndex(n => n.StartsWith("import-", StringComparison.Ordinal));
        Assert.True(names.IndexOf("delete-relationships") > lastUpsert);
        Assert.True(names.IndexOf("delete-nodes") > names.LastIndexOf("delete-relationships"));
        // five stale of each in batches of two
        Assert.Equal([2, 2, 1], graph.Api.Requests.Where(r => graph.NameOf(r) == "delete-nodes")
            .Select(r => r.Json.GetProperty("parameters").GetProperty("ids").GetArrayLength()));
        Assert.Equal(3, names.Count(n => n == "delete-relationships"));
    }

    [Fact]
    public async Task A_failure_midway_keeps_the_committed_batches_deletes_nothing_and_the_next_run_finishes_the_job()
    {
        var graph = new FakeGraph();
        var old = new Core.Model.Dataset([.. SmallDataset().Nodes, Officer("gone")], [.. SmallDataset().Relationships, ServedIn("officer:gone", "1990")]);
        await Store(graph.Api).ImportAsync(old, null, None);
        var changed = new Core.Model.Dataset(
            [Officer("a"), Officer("b"), Officer("c"), Officer("d"), .. SmallDataset().Nodes.Skip(3)],
            [ServedIn("officer:a", "2005"), ServedIn("officer:d", "2010")]);
        graph.FailWhen = r => r.Body!.Contains("officer:c", StringComparison.Ordinal) && graph.NameOf(r) == "import-node-officer"
            ? FakeQueryApi.Error(HttpStatusCode.Accepted, "Neo.ClientError.Schema.ConstraintValidationFailed",
                "Node(7) already exists with label `Officer` and property `id` = 'officer:c'")
            : null;

        var ex = await Assert.ThrowsAsync<Neo4jImportException>(() => Store(graph.Api, batchSize: 2).ImportAsync(changed, null, None));

        Assert.Equal("officer:c", ex.EntityId);
        Assert.Contains("batch 2 of 2 of Officer nodes", ex.Message);
        Assert.Contains("running the import again finishes it", ex.Message);
        // The first officer batch (a, b) is committed; nothing stale was deleted; the old graph is still whole.
        var afterFailure = graph.Snapshot();
        Assert.Contains("officer:gone", afterFailure.Nodes.Keys);
        Assert.Contains("SERVED_IN:officer:gone->force:met", afterFailure.Relationships.Keys);
        // (The first, whole import replaced the notes, which is not a deletion of stale facts.)
        Assert.DoesNotContain(graph.Names(), n => n.StartsWith("delete-", StringComparison.Ordinal) && n != "delete-fact-notes");
        Assert.All(afterFailure.Relationships.Values, r => Assert.True(afterFailure.Nodes.ContainsKey(r.From) && afterFailure.Nodes.ContainsKey(r.To)));

        graph.FailWhen = null;
        var summary = await Store(graph.Api, batchSize: 2).ImportAsync(changed, null, None);

        Assert.Equal(graph.Expect(changed), graph.Snapshot());
        Assert.Equal(new ImportCounts(1, 0, 5, 1), summary.Nodes); // d created; a, b (done by the failed run), c, force, source unchanged
        Assert.Equal(new ImportCounts(1, 1, 0, 1), summary.Relationships);
    }

    [Fact]
    public async Task A_relationship_row_the_server_did_not_write_fails_the_import_naming_it()
    {
        var graph = new FakeGraph();
        var dataset = SmallDataset() with { Relationships = [ServedIn("officer:nobody", "2001")] };

        var ex = await Assert.ThrowsAsync<Neo4jImportException>(() => Store(graph.Api).ImportAsync(dataset, null, None));

        Assert.Equal("SERVED_IN:officer:nobody->force:met", ex.EntityId);
        Assert.DoesNotContain(graph.Names(), n => n.StartsWith("delete-", StringComparison.Ordinal));
    }

    private sealed class SyncProgress(List<ImportProgress> seen) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => seen.Add(value);
    }

    private sealed record StoredRelationship(string From, string To, string Properties);

    private sealed record GraphState(SortedDictionary<string, string> Nodes, SortedDictionary<string, StoredRelationship> Relationships)
    {
        public bool Equals(GraphState? other) => other is not null && Nodes.SequenceEqual(other.Nodes) && Relationships.SequenceEqual(other.Relationships);

        public override int GetHashCode() => Nodes.Count;
    }

    /// <summary>
    /// A graph behind the fake Query API: import statements upsert rows and say created/updated as the cypher/ files do,
    /// list and delete statements page and delete. Every request commits on its own, as an auto-commit request does.
    /// </summary>
    private sealed class FakeGraph
    {
        private static readonly Dictionary<string, string> NamesByText = CypherStatements.Available
            .Where(n => n != "schema").ToDictionary(n => CypherStatements.Get(n).Text, n => n);

        private readonly SortedDictionary<string, string> _nodes = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, (string Id, string From, string To, string Properties)> _relationships = new(StringComparer.Ordinal);
        private int _elementIds;

        public FakeGraph() => Api = new FakeQueryApi(Answer);

        public FakeQueryApi Api { get; }

        public Func<SeenRequest, (HttpStatusCode, string)?>? FailWhen { get; set; }

        public string NameOf(SeenRequest request) => NamesByText.GetValueOrDefault(request.Statement, "schema");

        public List<string> Names() => Api.Requests.Select(NameOf).ToList();

        public GraphState Snapshot() => new(new SortedDictionary<string, string>(_nodes, StringComparer.Ordinal),
            new SortedDictionary<string, StoredRelationship>(_relationships.Values.ToDictionary(r => r.Id, r => new StoredRelationship(r.From, r.To, r.Properties)),
                StringComparer.Ordinal));

        /// <summary>What the graph must hold for a dataset, worked out from the dataset alone.</summary>
        public GraphState Expect(Core.Model.Dataset dataset) => new(
            new SortedDictionary<string, string>(dataset.Nodes.ToDictionary(n => n.Id, n => Canonical(Neo4jValues.StoredProperties(n))), StringComparer.Ordinal),
            new SortedDictionary<string, StoredRelationship>(dataset.Relationships.ToDictionary(r => r.Id,
                r => new StoredRelationship(r.From, r.To, Canonical(Neo4jValues.StoredProperties(r)))), StringComparer.Ordinal));

        private (HttpStatusCode, string) Answer(SeenRequest request)
        {
            if (FailWhen?.Invoke(request) is { } failure) return failure;
            var name = NameOf(request);
            var parameters = request.Json.TryGetProperty("parameters", out var p) ? p : default;
            if (name.StartsWith("import-node-", StringComparison.Ordinal))
                return Upserted(parameters.GetProperty("rows").EnumerateArray().Select(row =>
                {
                    var id = row.GetProperty("id").GetString()!;
                    var properties = Canonical(row.GetProperty("properties"));
                    var existed = _nodes.TryGetValue(id, out var was);
                    _nodes[id] = properties;
                    return new object?[] { id, !existed, existed && was != properties, StoredSources(existed ? was : null, row) };
                }).ToList());
            if (name.StartsWith("import-rel-", StringComparison.Ordinal))
                return Upserted(parameters.GetProperty("rows").EnumerateArray()
                    .Where(row => _nodes.ContainsKey(row.GetProperty("from").GetString()!) && _nodes.ContainsKey(row.GetProperty("to").GetString()!))
                    .Select(row =>
                    {
                        var id = row.GetProperty("id").GetString()!;
                        var properties = Canonical(row.GetProperty("properties"));
                        var existing = _relationships.FirstOrDefault(r => r.Value.Id == id);
                        var elementId = existing.Key ?? $"5:db:{++_elementIds:D6}";
                        _relationships[elementId] = (id, row.GetProperty("from").GetString()!, row.GetProperty("to").GetString()!, properties);
                        return new object?[] { id, existing.Key is null, existing.Key is not null && existing.Value.Properties != properties,
                            StoredSources(existing.Value.Properties, row) };
                    }).ToList());
            return name switch
            {
                "list-node-ids" => FakeQueryApi.Data(["id"], [.. Page(parameters).Select(id => new object?[] { id })]),
                "list-relationship-ids" => FakeQueryApi.Data(["node", "relationships"], [.. Page(parameters).Select(id => new object?[]
                {
                    id, _relationships.Where(r => r.Value.From == id).Select(r => new { id = r.Value.Id, elementId = r.Key }).ToArray(),
                })]),
                "delete-relationships" => Deleted(parameters.GetProperty("elementIds"), e => _relationships.Remove(e)),
                "delete-nodes" => Deleted(parameters.GetProperty("ids"), id =>
                {
                    foreach (var key in _relationships.Where(r => r.Value.From == id || r.Value.To == id).Select(r => r.Key).ToList())
                        _relationships.Remove(key);
                    return _nodes.Remove(id);
                }),
                _ => FakeQueryApi.Data([]),
            };
        }

        private IEnumerable<string> Page(JsonElement parameters) =>
            _nodes.Keys.Where(id => string.CompareOrdinal(id, parameters.GetProperty("after").GetString()) > 0).Take(parameters.GetProperty("limit").GetInt32()).ToList();

        private static (HttpStatusCode, string) Upserted(List<object?[]> rows) => FakeQueryApi.Data(["id", "created", "updated", "storedSources"], [.. rows]);

        // As the cypher/ files say: the sources stored before, when the row differs in nothing else.
        private static string[]? StoredSources(string? stored, JsonElement row)
        {
            if (stored is null) return null;
            var before = JsonDocument.Parse(stored).RootElement;
            var properties = row.GetProperty("properties");
            var others = before.EnumerateObject().Where(p => p.Name != "sources").ToDictionary(p => p.Name, p => p.Value);
            others["sources"] = properties.GetProperty("sources");
            return JsonSerializer.Serialize(new SortedDictionary<string, JsonElement>(others, StringComparer.Ordinal)) == Canonical(properties)
                ? before.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToArray() : null;
        }

        private static (HttpStatusCode, string) Deleted(JsonElement ids, Func<string, bool> delete) =>
            FakeQueryApi.Data(["deleted"], new object?[] { ids.EnumerateArray().Count(id => delete(id.GetString()!)) });

        private static string Canonical(Dictionary<string, object?> properties) =>
            Canonical(JsonDocument.Parse(JsonSerializer.Serialize(properties)).RootElement);

        // Properties as the Query API received them, keys in order, so "same properties" compares as text.
        private static string Canonical(JsonElement properties) => JsonSerializer.Serialize(
            new SortedDictionary<string, JsonElement>(properties.EnumerateObject().ToDictionary(x => x.Name, x => x.Value), StringComparer.Ordinal));
    }
}
