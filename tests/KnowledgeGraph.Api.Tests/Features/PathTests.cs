using KnowledgeGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class PathTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    [Fact]
    public async Task Connor_and_Mason_are_connected_and_every_hop_cites_a_source_and_reads_as_a_sentence()
    {
        var result = await GetJsonAsync("/api/paths?from=officer:mark-connor&to=officer:james-mason&maxHops=6");
        var paths = result.GetProperty("paths").EnumerateArray().ToList();
        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            var nodes = path.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
            Assert.Equal("officer:mark-connor", nodes[0]);
            Assert.Equal("officer:james-mason", nodes[^1]);
            var hops = path.GetProperty("hops").EnumerateArray().ToList();
            Assert.Equal(nodes.Count - 1, hops.Count);
            Assert.All(hops, hop =>
            {
                Assert.NotEmpty(hop.GetProperty("sources").EnumerateArray());
                Assert.Contains("(source:", hop.GetProperty("sentence").GetString());
            });
        }
        Assert.Equal(JsonValueKindArray, result.GetProperty("hubs").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;

    [Fact]
    public async Task Excluding_labels_and_ids_keeps_them_off_every_path()
    {
        var result = await GetJsonAsync("/api/paths?from=officer:mark-connor&to=officer:james-mason&maxHops=6&exclude=Source,force:metropolitan-police-service");
        foreach (var path in result.GetProperty("paths").EnumerateArray())
            Assert.All(path.GetProperty("nodes").EnumerateArray(), n =>
            {
                Assert.NotEqual("Source", n.GetProperty("label").GetString());
                Assert.NotEqual("force:metropolitan-police-service", n.GetProperty("id").GetString());
            });
    }

    [Fact]
    public async Task Missing_ends_too_many_hops_and_a_bad_exclusion_are_all_reported()
    {
        var errors = await GetValidationErrorsAsync("/api/paths?maxHops=7&exclude=Not%20A%20Thing");
        Assert.Equal(["exclude", "from", "maxHops", "to"], errors.Keys.Order());
    }

    [Fact]
    public async Task An_unknown_end_is_a_not_found_problem_naming_it()
    {
        await AssertNotFoundNamesAsync("/api/paths?from=officer:mark-connor&to=officer:no-such-officer", "officer:no-such-officer");
    }
}
