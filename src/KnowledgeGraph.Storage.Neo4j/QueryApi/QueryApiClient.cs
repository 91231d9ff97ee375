using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace KnowledgeGraph.Storage.Neo4j.QueryApi;

/// <summary>
/// Neo4j's HTTP Query API (<c>POST {uri}/db/{database}/query/v2</c>, Neo4j 5.26 and later), plain JSON format.
/// Single statements run in implicit transactions and are retried on transient failures; explicit transactions
/// (<see cref="BeginAsync"/>) are not retried statement by statement, because the server rolls the whole
/// transaction back on an error.
/// </summary>
public sealed class QueryApiClient
{
    private const string AffinityHeader = "neo4j-cluster-affinity";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly string _queryUri;

    public QueryApiClient(HttpClient http, Neo4jOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        _http = http;
        _options = options;
        // Each request has its own timeout (QueryTimeout), so the client's own must not cut in first.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _queryUri = $"{options.Uri!.ToString().TrimEnd('/')}/db/{Uri.EscapeDataString(options.Database)}/query/v2";
        _retry = options.MaxRetries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Neo4jUnavailableException>(),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    /// <summary>Runs one statement in an implicit (auto-commit) transaction.</summary>
    public Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters,
        CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(async ct =>
        {
            var (result, _) = await SendAsync(HttpMethod.Post, _queryUri, statement.Name, Body(statement, parameters), null, ct);
            return result;
        }, cancellationToken).AsTask();

    /// <summary>Opens an explicit transaction with its first statement (an empty opening request is avoided: some
    /// 5.x servers mishandle it).</summary>
    public async Task<(QueryTransaction Transaction, QueryResult Result)> BeginAsync(CypherStatement statement,
        IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        var (result, affinity) = await _retry.ExecuteAsync(
            async ct => await SendAsync(HttpMethod.Post, $"{_queryUri}/tx", statement.Name, Body(statement, parameters), null, ct),
            cancellationToken);
        if (result.TransactionId is null)
            throw new Neo4jException($"Neo4j opened no transaction for '{statement.Name}' (the answer had no transaction.id)", null, statement.Name);
        return (new QueryTransaction(this, $"{_queryUri}/tx/{Uri.EscapeDataString(result.TransactionId)}", affinity), result);
    }

    internal async Task<QueryResult> RunInAsync(string transactionUri, string? affinity, CypherStatement statement,
        IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, transactionUri, statement.Name, Body(statement, parameters), affinity, cancellationToken)).Result;

    // The documented commit request carries Content-Type: application/json and no body; sent exactly so.
    internal async Task CommitAsync(string transactionUri, string? affinity, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, $"{transactionUri}/commit", "commit", "", affinity, cancellationToken);

    internal async Task RollbackAsync(string transactionUri, string? affinity, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, transactionUri, "rollback", null, affinity, cancellationToken);

    /// <summary>The request body: "statement" before "parameters", because servers before 2026.08 read the fields in order.</summary>
    internal static string Body(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters) =>
        JsonSerializer.Serialize(new QueryRequest(statement.Text, parameters ?? new Dictionary<string, object?>()), Json);

    private sealed record QueryRequest(string Statement, IReadOnlyDictionary<string, object?> Parameters);

    private async Task<(QueryResult Result, string? Affinity)> SendAsync(HttpMethod method, string uri, string statementName, string? body,
        string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(_options.User))
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{_options.Password}")));
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.QueryTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var returnedAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : affinity;
            return (QueryApiResponse.Parse(response.StatusCode, text, statementName), returnedAffinity);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Neo4j did not answer '{statementName}' within {_options.QueryTimeout.TotalSeconds:0.#} s (Neo4j:QueryTimeout)", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new Neo4jUnavailableException($"cannot reach Neo4j at {_options.Uri} running '{statementName}': {ex.Message}", null, statementName, ex);
        }
    }
}

/// <summary>An open explicit transaction; disposing it without <see cref="CommitAsync"/> rolls it back.</summary>
public sealed class QueryTransaction(QueryApiClient client, string uri, string? affinity) : IAsyncDisposable
{
    private bool _finished;

    public Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters,
        CancellationToken cancellationToken) => client.RunInAsync(uri, affinity, statement, parameters, cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        _finished = true;
        await client.CommitAsync(uri, affinity, cancellationToken);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_finished) return;
        _finished = true;
        await client.RollbackAsync(uri, affinity, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        try { await RollbackAsync(CancellationToken.None); }
        // The server rolls back a failed transaction itself and forgets it, so a rollback may find nothing to roll back.
        catch (Exception ex) when (ex is Neo4jException or TimeoutException) { }
    }
}
