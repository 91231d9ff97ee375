using System.Net;
using System.Text;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

public sealed class QueryApiClientTests
{
    private static readonly CypherStatement Statement = new("get-nodes", "UNWIND $ids AS nodeId MATCH (n:Entity {id: nodeId}) RETURN n AS node");
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_query_posts_the_statement_then_its_parameters_to_the_databases_query_endpoint_with_basic_auth()
    {
        var api = new FakeQueryApi(_ => FakeQueryApi.Data(["node"]));
        await api.Client().RunAsync(Statement, new Dictionary<string, object?> { ["ids"] = new[] { "officer:a" }, ["label"] = null, ["flag"] = true }, None);

        var request = Assert.Single(api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:7474/db/neo4j/query/v2", request.Uri);
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:secret"))}", request.Authorization);
        Assert.StartsWith("{\"statement\":", request.Body);
        Assert.Equal(Statement.Text, request.Statement);
        var parameters = request.Json.GetProperty("parameters");
        Assert.Equal("officer:a", parameters.GetProperty("ids")[0].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, parameters.GetProperty("label").ValueKind);
        Assert.True(parameters.GetProperty("flag").GetBoolean());
    }

    [Fact]
    public async Task Without_a_user_no_authorization_header_is_sent_and_the_database_name_is_escaped_into_the_path()
    {
        var api = new FakeQueryApi(_ => FakeQueryApi.Data(["x"]));
        var options = FakeQueryApi.Options(user: null);
        options.Database = "my db";
        await api.Client(options).RunAsync(Statement, null, None);

        Assert.Null(api.Requests[0].Authorization);
        Assert.Equal("http://127.0.0.1:7474/db/my%20db/query/v2", api.Requests[0].Uri);
    }

    [Fact]
    public async Task Rows_are_read_by_field_name_in_the_order_of_fields()
    {
        var api = new FakeQueryApi(_ => FakeQueryApi.Data(["label", "count"], ["Officer", 12], ["Unit", 3]));
        var result = await api.Client().RunAsync(Statement, null, None);

        Assert.Equal(["label", "count"], result.Fields);
        Assert.Equal([("Officer", 12), ("Unit", 3)], result.Rows.Select(r => (r.RequiredString("label"), r.Int("count"))));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", typeof(Neo4jSyntaxException))]
    [InlineData(HttpStatusCode.Accepted, "Neo.ClientError.Statement.SyntaxError", typeof(Neo4jSyntaxException))]
    [InlineData(HttpStatusCode.Accepted, "Neo.ClientError.Schema.ConstraintValidationFailed", typeof(Neo4jConstraintViolationException))]
    [InlineData(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", typeof(Neo4jAuthenticationException))]
    [InlineData(HttpStatusCode.NotFound, "Neo.ClientError.Database.DatabaseNotFound", typeof(Neo4jDatabaseNotFoundException))]
    [InlineData(HttpStatusCode.InternalServerError, "Neo.DatabaseError.General.UnknownError", typeof(Neo4jException))]
    public async Task Errors_in_the_body_are_read_whatever_the_http_status_and_mapped_by_code(HttpStatusCode status, string code, Type expected)
    {
        var api = new FakeQueryApi(_ => FakeQueryApi.Error(status, code, "it went wrong"));
        var ex = await Assert.ThrowsAnyAsync<Neo4jException>(() => api.Client().RunAsync(Statement, null, None));

        Assert.IsType(expected, ex);
        Assert.Equal(code, ex.Code);
        Assert.Equal("get-nodes", ex.Statement);
        Assert.Contains("it went wrong", ex.Message);
        Assert.Single(api.Requests); // client errors are not retried
    }

    [Fact]
    public async Task A_401_without_a_body_is_an_authentication_failure()
    {
        var api = new FakeQueryApi(_ => (HttpStatusCode.Unauthorized, ""));
        var ex = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => api.Client().RunAsync(Statement, null, None));
        Assert.Contains("NEO4J_PASSWORD", ex.Message);
    }

    [Fact]
    public async Task A_transient_error_is_retried_and_then_succeeds()
    {
        var calls = 0;
        var api = new FakeQueryApi(_ => ++calls == 1
            ? FakeQueryApi.Error(HttpStatusCode.ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable", "starting")
            : FakeQueryApi.Data(["n"], [1]));
        var result = await api.Client().RunAsync(Statement, null, None);

        Assert.Equal(2, api.Requests.Count);
        Assert.Single(result.Rows);
    }

    [Fact]
    public async Task A_server_that_stays_unavailable_gives_up_after_the_configured_retries()
    {
        var api = new FakeQueryApi(_ => (HttpStatusCode.ServiceUnavailable, "<html>busy</html>"));
        await Assert.ThrowsAsync<Neo4jUnavailableException>(() => api.Client().RunAsync(Statement, null, None));
        Assert.Equal(3, api.Requests.Count); // the first try and MaxRetries = 2
    }

    [Fact]
    public async Task A_connection_failure_is_reported_as_unavailable_with_the_address()
    {
        var api = new FakeQueryApi(_ => throw new HttpRequestException("Connection refused"));
        var ex = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => api.Client().RunAsync(Statement, null, None));
        Assert.Contains("http://127.0.0.1:7474", ex.Message);
        Assert.Contains("Connection refused", ex.Message);
    }

    [Fact]
    public async Task A_query_slower_than_the_timeout_fails_with_a_timeout_naming_the_statement()
    {
        var handler = new SlowHandler();
        var options = FakeQueryApi.Options();
        options.QueryTimeout = TimeSpan.FromMilliseconds(50);
        var client = new Storage.Neo4j.QueryApi.QueryApiClient(new HttpClient(handler), options);

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.RunAsync(Statement, null, None));
        Assert.Contains("get-nodes", ex.Message);
    }

    [Fact]
    public async Task An_explicit_transaction_runs_on_its_own_uri_replays_the_affinity_header_and_commits()
    {
        var api = new FakeQueryApi(r => r.Uri.EndsWith("/commit", StringComparison.Ordinal)
            ? (HttpStatusCode.Accepted, "{\"bookmarks\":[\"FB:x\"]}")
            : (HttpStatusCode.Accepted, "{\"data\":{\"fields\":[],\"values\":[]},\"transaction\":{\"id\":\"lyU\",\"expires\":\"2024-10-22T15:48:29Z\"}}"));
        api.ResponseHeaders["neo4j-cluster-affinity"] = "MTAuOC41";
        var client = api.Client();

        var (tx, _) = await client.BeginAsync(Statement, null, None);
        await tx.RunAsync(Statement, null, None);
        await tx.CommitAsync(None);
        await tx.DisposeAsync();

        Assert.Equal(["http://127.0.0.1:7474/db/neo4j/query/v2/tx", "http://127.0.0.1:7474/db/neo4j/query/v2/tx/lyU",
            "http://127.0.0.1:7474/db/neo4j/query/v2/tx/lyU/commit"], api.Requests.Select(r => r.Uri));
        Assert.All(api.Requests.Skip(1), r => Assert.Equal("MTAuOC41", r.Affinity));
        Assert.DoesNotContain(api.Requests, r => r.Method == HttpMethod.Delete);
    }

    [Fact]
    public async Task A_transaction_left_without_commit_is_rolled_back_with_delete()
    {
        var api = new FakeQueryApi(_ => (HttpStatusCode.Accepted, "{\"data\":{\"fields\":[],\"values\":[]},\"transaction\":{\"id\":\"t1\"}}"));
        var (tx, _) = await api.Client().BeginAsync(Statement, null, None);
        await tx.DisposeAsync();

        Assert.Equal(HttpMethod.Delete, api.Requests[^1].Method);
        Assert.Equal("http://127.0.0.1:7474/db/neo4j/query/v2/tx/t1", api.Requests[^1].Uri);
    }

    [Fact]
    public void Options_take_NEO4J_variables_over_configuration_and_explain_what_is_missing()
    {
        var env = new Dictionary<string, string?> { ["NEO4J_URI"] = "http://db:7474", ["NEO4J_USER"] = "u", ["NEO4J_PASSWORD"] = "p", ["NEO4J_DATABASE"] = "graph" };
        var options = new Neo4jOptions { Uri = new Uri("http://other:7474") }.ApplyEnvironment(env.GetValueOrDefault);

        Assert.Equal(new Uri("http://db:7474"), options.Uri);
        Assert.Equal(("u", "p", "graph"), (options.User, options.Password, options.Database));
        Assert.Empty(options.Problems());
        Assert.Contains(new Neo4jOptions().Problems(), p => p.Contains("NEO4J_URI"));
        Assert.Contains(new Neo4jOptions { Uri = new Uri("bolt://db:7687") }.Problems(), p => p.Contains("http://"));
    }

    private sealed class SlowHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
