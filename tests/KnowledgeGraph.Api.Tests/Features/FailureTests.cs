using System.Net;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Core.Graph;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class FailureTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_that_hides_the_exception()
    {
        using var factory = App.WithAdapter(_ => new FailingStore("secret connection string at Foo.Bar() line 42"));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/search?q=carrick");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("FailingStore", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_store_slower_than_the_time_budget_gives_a_503_problem_with_an_explanation()
    {
        using var factory = App.WithAdapter(_ => new SlowStore(TimeSpan.FromSeconds(30)), ("Api:QueryTimeout", "00:00:00.500"));
        using var client = factory.CreateClient();
        var started = DateTime.UtcNow;
        using var response = await client.GetAsync("/api/cases/case:james-mason-kristina-oconnor/connections");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the request should end with its budget, not with the store");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("budget", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_is_a_503_problem_when_the_store_fails()
    {
        using var factory = App.WithAdapter(_ => new FailingStore("down"));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Imports nothing (the shared database is already built); every question throws.</summary>
    private sealed class FailingStore(string message) : TestStore
    {
        protected override Task<T> Answer<T>(CancellationToken cancellationToken) => throw new InvalidOperationException(message);
    }

    /// <summary>Ignores its CancellationToken on purpose: the API must still answer in time.</summary>
    private sealed class SlowStore(TimeSpan delay) : TestStore
    {
        protected override async Task<T> Answer<T>(CancellationToken cancellationToken)
        {
            await Task.Delay(delay, CancellationToken.None);
            throw new InvalidOperationException("too late");
        }
    }
}

/// <summary>A store for failure tests: import succeeds trivially, every query goes through <see cref="Answer{T}"/>.</summary>
public abstract class TestStore : IGraphStore
{
    protected abstract Task<T> Answer<T>(CancellationToken cancellationToken);

    public virtual Task<ImportSummary> ImportAsync(Core.Model.Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(new ImportSummary(ImportCounts.Zero, ImportCounts.Zero));

    public virtual Task<GraphCounts> GetCountsAsync(CancellationToken cancellationToken) => Answer<GraphCounts>(cancellationToken);
    public virtual Task<NodeDetail?> GetNodeAsync(string id, int relationshipLimit, CancellationToken cancellationToken) => Answer<NodeDetail?>(cancellationToken);
    public virtual Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => Answer<SearchResult>(cancellationToken);
    public virtual Task<Subgraph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken) => Answer<Subgraph?>(cancellationToken);
    public virtual Task<PathResult?> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken) => Answer<PathResult?>(cancellationToken);
    public virtual Task<ServedTogetherResult?> FindServedTogetherAsync(ServedTogetherQuery query, CancellationToken cancellationToken) => Answer<ServedTogetherResult?>(cancellationToken);
    public virtual Task<OrganisationServedTogether?> FindServedTogetherAtAsync(OrganisationServedTogetherQuery query, CancellationToken cancellationToken) => Answer<OrganisationServedTogether?>(cancellationToken);
    public virtual Task<CaseTimeline?> GetCaseTimelineAsync(string caseId, CancellationToken cancellationToken) => Answer<CaseTimeline?>(cancellationToken);
    public virtual Task<CaseConnectionFacts?> GetCaseConnectionFactsAsync(string caseId, CancellationToken cancellationToken) => Answer<CaseConnectionFacts?>(cancellationToken);
    public virtual Task<IReadOnlyList<CaseOutcome>> GetCaseOutcomesAsync(string? forceId, string? category, CancellationToken cancellationToken) => Answer<IReadOnlyList<CaseOutcome>>(cancellationToken);
    public virtual Task<SourceEvidence?> GetSourceEvidenceAsync(string sourceId, PageRequest page, CancellationToken cancellationToken) => Answer<SourceEvidence?>(cancellationToken);

    public virtual async IAsyncEnumerable<Core.Model.GraphNode> ExportNodesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var node in await Answer<IReadOnlyList<Core.Model.GraphNode>>(cancellationToken)) yield return node;
    }

    public virtual async IAsyncEnumerable<Core.Model.GraphRelationship> ExportRelationshipsAsync(string? type,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var rel in await Answer<IReadOnlyList<Core.Model.GraphRelationship>>(cancellationToken)) yield return rel;
    }
}
