using System.Net;
using KnowledgeGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class NodeTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    [Fact]
    public async Task A_node_comes_with_its_relationships_each_cited_and_its_sources()
    {
        var detail = await GetJsonAsync("/api/nodes/officer:mark-connor");
        Assert.Equal("officer:mark-connor", detail.GetProperty("node").GetProperty("id").GetString());
        var relationships = detail.GetProperty("relationships").EnumerateArray().ToList();
        Assert.NotEmpty(relationships);
        Assert.All(relationships, r =>
        {
            Assert.NotEmpty(r.GetProperty("sources").EnumerateArray());
            Assert.Contains(r.GetProperty("direction").GetString(), new[] { "out", "in" });
            Assert.False(string.IsNullOrEmpty(r.GetProperty("other").GetProperty("name").GetString()));
        });
        Assert.NotEmpty(detail.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task Being_the_subject_of_a_case_carries_its_legal_status()
    {
        var detail = await GetJsonAsync("/api/nodes/officer:mark-connor");
        var subjectOf = detail.GetProperty("relationships").EnumerateArray().Where(r => r.GetProperty("type").GetString() == "SUBJECT_OF").ToList();
        Assert.NotEmpty(subjectOf);
        Assert.All(subjectOf, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("legalStatus").GetString())));
    }

    [Fact]
    public async Task An_unknown_node_is_a_not_found_problem_naming_the_id()
    {
        await AssertNotFoundNamesAsync("/api/nodes/officer:nobody-at-all", "officer:nobody-at-all");
    }

    [Fact]
    public async Task A_neighbourhood_has_the_shape_cytoscape_loads()
    {
        var graph = await GetJsonAsync("/api/nodes/officer:david-carrick/neighbourhood?depth=2");
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToList();
        var edges = graph.GetProperty("edges").EnumerateArray().ToList();
        Assert.Contains(nodes, n => n.GetProperty("data").GetProperty("id").GetString() == "officer:david-carrick");
        Assert.All(nodes, n => Assert.False(string.IsNullOrEmpty(n.GetProperty("data").GetProperty("label").GetString())));
        var ids = nodes.Select(n => n.GetProperty("data").GetProperty("id").GetString()).ToHashSet();
        Assert.NotEmpty(edges);
        Assert.All(edges, e =>
        {
            var data = e.GetProperty("data");
            Assert.Contains(data.GetProperty("source").GetString(), ids);
            Assert.Contains(data.GetProperty("target").GetString(), ids);
            Assert.NotEmpty(data.GetProperty("sources").EnumerateArray());
            Assert.True(data.TryGetProperty("legalStatus", out _));
            Assert.False(string.IsNullOrEmpty(data.GetProperty("type").GetString()));
        });
        Assert.False(graph.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task A_neighbourhood_follows_only_the_types_asked_for()
    {
        var graph = await GetJsonAsync("/api/nodes/officer:david-carrick/neighbourhood?depth=1&types=SERVED_IN");
        Assert.All(graph.GetProperty("edges").EnumerateArray(), e => Assert.Equal("SERVED_IN", e.GetProperty("data").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_small_neighbourhood_limit_cuts_the_graph_and_says_so()
    {
        var graph = await GetJsonAsync("/api/nodes/force:metropolitan-police-service/neighbourhood?depth=2&limit=2");
        Assert.True(graph.GetProperty("nodes").GetArrayLength() <= 2);
        Assert.True(graph.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Neighbourhood_depth_limit_labels_and_types_are_all_checked_at_once()
    {
        var errors = await GetValidationErrorsAsync("/api/nodes/officer:david-carrick/neighbourhood?depth=4&limit=0&labels=Officer,Wizard&types=SERVED_IN,HAUNTS");
        Assert.Equal(["depth", "labels", "limit", "types"], errors.Keys.Order());
        Assert.Contains("Wizard", errors["labels"].Single());
        Assert.Contains("HAUNTS", errors["types"].Single());
    }

    [Fact]
    public async Task The_neighbourhood_of_an_unknown_node_is_not_found()
    {
        await AssertNotFoundNamesAsync("/api/nodes/case:no-such-case/neighbourhood", "case:no-such-case");
    }

    [Fact]
    public async Task The_root_serves_the_web_page()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
