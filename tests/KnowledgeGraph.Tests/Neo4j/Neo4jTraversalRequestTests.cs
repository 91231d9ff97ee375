using System.Net;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

/// <summary>What the Neo4j store asks the server for paths and node details (the fake answers; no server runs here).</summary>
public sealed class Neo4jTraversalRequestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static object Officer(string id, string elementId) =>
        FakeQueryApi.Node("Officer", new() { ["id"] = id, ["name"] = id, ["identified"] = true, ["status"] = "serving" }, elementId);

    private static (HttpStatusCode, string) Answer(SeenRequest request, int degree)
    {
        var statement = request.Statement;
        if (statement.Contains("RETURN n AS node", StringComparison.Ordinal))
        {
            var ids = request.Json.GetProperty("parameters").GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();
            return FakeQueryApi.Data(["node"], ids.Select((id, i) => new[] { Officer(id, $"4:db:{i}") }).ToArray<object?[]>());
        }
        if (statement.Contains("AS degree", StringComparison.Ordinal))
            return FakeQueryApi.Data(["id", "degree"], ["officer:a", degree]);
        if (statement.Contains("RETURN r AS relationship, startNode(r).id AS from", StringComparison.Ordinal))
            return FakeQueryApi.Data(["relationship", "from", "to", "other"],
                [FakeQueryApi.Relationship("WORKED_WITH", "4:db:0", "4:db:1", new() { ["id"] = "WORKED_WITH:officer:a->officer:b", ["sources"] = new[] { "source:s" } }),
                 "officer:a", "officer:b", Officer("officer:b", "4:db:1")]);
        return FakeQueryApi.Data([]);
    }

    private static (Neo4jGraphStore, FakeQueryApi) Store(int degree = 1)
    {
        var api = new FakeQueryApi(r => Answer(r, degree));
        var options = FakeQueryApi.Options();
        return (new Neo4jGraphStore(api.Client(options), options, TimeProvider.System), api);
    }

    [Fact]
    public async Task Paths_are_searched_with_ALL_SHORTEST_and_the_exclusion_inside_the_pattern()
    {
        var (store, api) = Store();

        await store.FindShortestPathsAsync(new PathQuery("officer:a", "officer:b", 4, ["force:met"], ["Force", "Source"], 10), None);

        var request = api.Requests.Single(r => r.Statement.Contains("SHORTEST", StringComparison.Ordinal));
        // The statement as it runs, without its header comment.
        var statement = string.Join('\n', request.Statement.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        Assert.Contains("ALL SHORTEST", statement);
        Assert.DoesNotContain("allShortestPaths", statement);
        // The predicate sits inside the quantified pattern (before its {1,6}), so Neo4j applies it while searching.
        Assert.True(statement.IndexOf("$excludeIds", StringComparison.Ordinal) < statement.IndexOf("{1,6}", StringComparison.Ordinal), statement);
        Assert.True(statement.IndexOf("$excludeLabels", StringComparison.Ordinal) < statement.IndexOf("{1,6}", StringComparison.Ordinal), statement);
        var parameters = request.Json.GetProperty("parameters");
        Assert.Equal(["force:met"], parameters.GetProperty("excludeIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Force", "Source"], parameters.GetProperty("excludeLabels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, parameters.GetProperty("maxHops").GetInt32());
        Assert.Equal(10, parameters.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task A_node_detail_asks_for_at_most_the_limit_and_reports_the_true_total()
    {
        var (store, api) = Store(degree: 50_000);

        var detail = (await store.GetNodeAsync("officer:a", 1, None))!;

        var request = api.Requests.Single(r => r.Statement.Contains("startNode(r).id AS from", StringComparison.Ordinal));
        Assert.Equal(1, request.Json.GetProperty("parameters").GetProperty("limit").GetInt32());
        Assert.Contains("LIMIT $limit", request.Statement);
        Assert.Contains("ORDER BY type(r), other.id, r.id", request.Statement);
        Assert.Single(detail.Relationships);
        Assert.Equal(50_000, detail.RelationshipsTotal);
        Assert.True(detail.RelationshipsTruncated);
    }
}
