using System.Net;
using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

/// <summary>The import's conversation with the Query API, against a fake server that answers each statement.</summary>
public sealed class Neo4jImportTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Core.Model.Dataset SmallDataset()
    {
        GraphNode Officer(string slug) => new($"officer:{slug}", "Officer", slug, [], new Dictionary<string, object?> { ["identified"] = true, ["status"] = "serving" }, []);
        var nodes = new List<GraphNode>
        {
            Officer("a"), Officer("b"), Officer("c"),
            new("force:met", "Force", "Met", ["MPS"], new Dictionary<string, object?>(), []),
            new("source:s", "Source", "S", [], new Dictionary<string, object?> { ["kind"] = "report", ["title"] = "S", ["seedFile"] = "s.md" }, []),
        };
        var relationships = new List<GraphRelationship>
        {
            new(GraphRelationship.MakeId("SERVED_IN", "officer:a", "force:met", null), "SERVED_IN", "officer:a", "force:met",
                new Dictionary<string, object?> { ["from"] = "2001" }, ["source:s"]),
        };
        return new Core.Model.Dataset(nodes, relationships);
    }

    /// <summary>A fake server: every row of an import statement comes back with the given created/updated flags.</summary>
    private static FakeQueryApi Server(bool created, bool updated, Func<SeenRequest, (HttpStatusCode, string)?>? instead = null) =>
        new(request =>
        {
            if (instead?.Invoke(request) is { } special) return special;
            if (request.Method == HttpMethod.Delete || request.Uri.EndsWith("/commit", StringComparison.Ordinal))
                return (HttpStatusCode.Accepted, "{}");
            var tx = request.Uri.Contains("/tx", StringComparison.Ordinal) ? ",\"transaction\":{\"id\":\"t1\"}" : "";
            var statement = request.Statement;
            string data;
            if (statement.Contains("DELETE", StringComparison.Ordinal))
                data = """{"fields":["deleted"],"values":[[0]]}""";
            else if (statement.Contains("UNWIND $rows", StringComparison.Ordinal))
            {
                var ids = request.Json.GetProperty("parameters").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString());
                data = JsonSerializer.Serialize(new { fields = new[] { "id", "created", "updated" }, values = ids.Select(id => new object?[] { id, created, updated }) });
            }
            else data = """{"fields":[],"values":[]}""";
            return (HttpStatusCode.Accepted, $"{{\"data\":{data}{tx}}}");
        });

    private static Neo4jGraphStore Store(FakeQueryApi api, int batchSize = 1000)
    {
        var options = FakeQueryApi.Options();
        options.BatchSize = batchSize;
        return new Neo4jGraphStore(api.Client(options), options, TimeProvider.System);
    }

    [Fact]
    public async Task An_import_applies_the_schema_then_writes_every_batch_in_one_transaction_and_commits()
    {
        var api = Server(created: true, updated: false);
        var progress = new List<ImportProgress>();
        var summary = await Store(api, batchSize: 2).ImportAsync(SmallDataset(), new SyncProgress(progress), None);

        Assert.Equal(new ImportCounts(5, 0, 0, 0), summary.Nodes);
        Assert.Equal(new ImportCounts(1, 0, 0, 0), summary.Relationships);
        var schema = api.Requests.TakeWhile(r => !r.Uri.Contains("/tx", StringComparison.Ordinal)).ToList();
        Assert.All(schema, r => Assert.EndsWith("/query/v2", r.Uri));
        Assert.Contains(schema, r => r.Statement.StartsWith("CREATE FULLTEXT INDEX", StringComparison.Ordinal));
        var inTransaction = api.Requests.Skip(schema.Count).ToList();
        Assert.EndsWith("/query/v2/tx", inTransaction[0].Uri);
        Assert.All(inTransaction.Skip(1), r => Assert.Contains("/query/v2/tx/t1", r.Uri));
        Assert.EndsWith("/tx/t1/commit", inTransaction[^1].Uri);
        // three officers in batches of two, then one force, one source and one SERVED_IN
        var rowsPerWrite = inTransaction.Where(r => r.Body?.Contains("\"rows\"", StringComparison.Ordinal) == true)
            .Select(r => r.Json.GetProperty("parameters").GetProperty("rows").GetArrayLength()).ToList();
        Assert.Equal([1, 2, 1, 1, 1], rowsPerWrite);
        Assert.Equal(("relationships", 1, 1), (progress[^1].Stage, progress[^1].Done, progress[^1].Total));
    }

    [Fact]
    public async Task A_second_import_of_the_same_data_reports_everything_unchanged()
    {
        var summary = await Store(Server(created: false, updated: false)).ImportAsync(SmallDataset(), null, None);

        Assert.Equal(new ImportCounts(0, 0, 5, 0), summary.Nodes);
        Assert.Equal(new ImportCounts(0, 0, 1, 0), summary.Relationships);
    }

    [Fact]
    public async Task A_failing_batch_is_named_with_the_entity_and_the_transaction_is_rolled_back()
    {
        var api = Server(created: true, updated: false, instead: r =>
            r.Body?.Contains("officer:b", StringComparison.Ordinal) == true && r.Statement.Contains(":Officer", StringComparison.Ordinal)
                ? FakeQueryApi.Error(HttpStatusCode.Accepted, "Neo.ClientError.Schema.ConstraintValidationFailed",
                    "Node(7) already exists with label `Officer` and property `id` = 'officer:b'")
                : null);

        var ex = await Assert.ThrowsAsync<Neo4jImportException>(() => Store(api, batchSize: 2).ImportAsync(SmallDataset(), null, None));

        Assert.Equal("officer:b", ex.EntityId);
        Assert.Contains("batch 1 of 2 of Officer nodes", ex.Message);
        Assert.IsType<Neo4jConstraintViolationException>(ex.InnerException);
        Assert.DoesNotContain(api.Requests, r => r.Uri.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Equal(HttpMethod.Delete, api.Requests[^1].Method);
    }

    [Fact]
    public async Task A_relationship_row_the_server_did_not_write_fails_the_import_naming_it()
    {
        var api = Server(created: true, updated: false, instead: r =>
            r.Body?.Contains("\"from\":\"officer:a\"", StringComparison.Ordinal) == true
                ? (HttpStatusCode.Accepted, "{\"data\":{\"fields\":[\"id\",\"created\",\"updated\"],\"values\":[]},\"transaction\":{\"id\":\"t1\"}}")
                : null);

        var ex = await Assert.ThrowsAsync<Neo4jImportException>(() => Store(api).ImportAsync(SmallDataset(), null, None));

        Assert.Equal("SERVED_IN:officer:a->force:met", ex.EntityId);
        Assert.Equal(HttpMethod.Delete, api.Requests[^1].Method);
    }

    private sealed class SyncProgress(List<ImportProgress> seen) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => seen.Add(value);
    }
}
