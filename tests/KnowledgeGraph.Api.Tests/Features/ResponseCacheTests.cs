using System.Net;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class ResponseCacheTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    private const string Url = "/api/search?q=carrick&limit=5";

    [Fact]
    public async Task The_same_question_asked_again_is_answered_from_the_cache_with_the_same_body()
    {
        var store = new CountingStore();
        using var factory = App.WithAdapter(_ => store);
        using var client = factory.CreateClient();

        using var first = await client.GetAsync(Url);
        using var second = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, store.Searches);
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "a cached answer says its age");
    }

    [Fact]
    public async Task Each_query_string_is_its_own_answer()
    {
        var store = new CountingStore();
        using var factory = App.WithAdapter(_ => store);
        using var client = factory.CreateClient();

        await client.GetAsync(Url);
        await client.GetAsync("/api/search?q=carrick&limit=6");
        await client.GetAsync("/api/search?limit=5&q=carrick&label=Officer");

        Assert.Equal(3, store.Searches);
    }

    [Fact]
    public async Task A_client_asking_for_no_cache_gets_a_fresh_answer()
    {
        var store = new CountingStore();
        using var factory = App.WithAdapter(_ => store);
        using var client = factory.CreateClient();

        await client.GetAsync(Url);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        using var fresh = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(2, store.Searches);
        Assert.False(fresh.Headers.Contains("Age"));
    }

    [Fact]
    public async Task Errors_are_never_replayed()
    {
        var store = new CountingStore();
        using var factory = App.WithAdapter(_ => store);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/nodes/officer:nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/nodes/officer:nobody")).StatusCode);
        Assert.Equal(2, store.NodeReads);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search?q=carrick&limit=100000")).StatusCode);
        Assert.Equal(0, store.Searches);
    }

    [Fact]
    public async Task The_cache_can_be_turned_off()
    {
        var store = new CountingStore();
        using var factory = App.WithAdapter(_ => store, ("Api:ResponseCache:Enabled", "false"));
        using var client = factory.CreateClient();

        await client.GetAsync(Url);
        await client.GetAsync(Url);

        Assert.Equal(2, store.Searches);
    }

    [Fact]
    public void Unusable_cache_settings_stop_the_start_with_their_names()
    {
        using var factory = App.WithAdapter(_ => new CountingStore(), ("Api:ResponseCache:SizeLimitMegabytes", "0"), ("Api:ResponseCache:Duration", "00:00:00"));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Api:ResponseCache:SizeLimitMegabytes is 0", error.ToString());
        Assert.Contains("Api:ResponseCache:Duration is 00:00:00", error.ToString());
    }

    /// <summary>Answers a search and a missing node, and counts how often it was asked.</summary>
    private sealed class CountingStore : TestStore
    {
        private int _searches, _nodeReads;
        public int Searches => _searches;
        public int NodeReads => _nodeReads;

        protected override Task<T> Answer<T>(CancellationToken cancellationToken) => throw new InvalidOperationException("not asked in these tests");

        public override Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _searches);
            return Task.FromResult(new SearchResult([new SearchHit("officer:david-carrick", Labels.Officer, "David Carrick", [])], false));
        }

        public override Task<NodeDetail?> GetNodeAsync(string id, int relationshipLimit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _nodeReads);
            return Task.FromResult<NodeDetail?>(null);
        }
    }
}
