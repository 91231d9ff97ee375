using System.Net;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Neo4j.QueryApi;

namespace KnowledgeGraph.Tests.Neo4j;

/// <summary>A request as the fake server saw it.</summary>
public sealed record SeenRequest(HttpMethod Method, string Uri, string? Authorization, string? Affinity, string? Body)
{
    public JsonElement Json => JsonDocument.Parse(Body!).RootElement;
    public string Statement => Json.GetProperty("statement").GetString()!;
}

/// <summary>
/// Stands in for Neo4j's Query API at the HTTP boundary (the only fake in the suite: no server can run here).
/// <paramref name="answer"/> gets each request and returns a status and a JSON body.
/// </summary>
public sealed class FakeQueryApi(Func<SeenRequest, (HttpStatusCode Status, string Body)> answer) : HttpMessageHandler
{
    public List<SeenRequest> Requests { get; } = [];

    public Dictionary<string, string> ResponseHeaders { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var seen = new SeenRequest(request.Method, request.RequestUri!.AbsoluteUri, request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("neo4j-cluster-affinity", out var a) ? a.Single() : null, body);
        Requests.Add(seen);
        var (status, text) = answer(seen);
        var response = new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in ResponseHeaders) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    public static Neo4jOptions Options(string? user = "neo4j") => new()
    {
        Uri = new Uri("http://127.0.0.1:7474"),
        User = user,
        Password = user is null ? null : "secret",
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        QueryTimeout = TimeSpan.FromSeconds(5),
    };

    public QueryApiClient Client(Neo4jOptions? options = null) => new(new HttpClient(this), options ?? Options());

    /// <summary>A successful answer: <c>{"data": {"fields": [...], "values": [[...]]}, "bookmarks": [...]}</c>.</summary>
    public static (HttpStatusCode, string) Data(string[] fields, params object?[][] rows) =>
        (HttpStatusCode.Accepted, JsonSerializer.Serialize(new { data = new { fields, values = rows }, bookmarks = new[] { "FB:kcwQ" } }));

    public static (HttpStatusCode, string) Error(HttpStatusCode status, string code, string message) =>
        (status, JsonSerializer.Serialize(new { errors = new[] { new { code, message } } }));

    public static object Node(string label, Dictionary<string, object?> properties, string elementId = "4:db:1") =>
        new { elementId, labels = new[] { "Entity", label }, properties };

    public static object Relationship(string type, string start, string end, Dictionary<string, object?> properties, string elementId = "5:db:1") =>
        new { elementId, startNodeElementId = start, endNodeElementId = end, type, properties };
}
