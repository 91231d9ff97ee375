using KnowledgeGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class SearchTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    [Fact]
    public async Task Searching_for_a_surname_finds_the_officer_with_id_label_name_and_aliases()
    {
        var result = await GetJsonAsync("/api/search?q=carrick");
        var hit = result.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "officer:david-carrick");
        Assert.Equal("Officer", hit.GetProperty("label").GetString());
        Assert.Equal("David Carrick", hit.GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, hit.GetProperty("aliases").ValueKind);
        Assert.False(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task A_label_filter_keeps_only_nodes_with_that_label()
    {
        var result = await GetJsonAsync("/api/search?q=carrick&label=Case");
        Assert.NotEmpty(result.GetProperty("hits").EnumerateArray());
        Assert.All(result.GetProperty("hits").EnumerateArray(), h => Assert.Equal("Case", h.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task A_limit_of_one_cuts_the_hits_and_says_so()
    {
        var result = await GetJsonAsync("/api/search?q=met&limit=1");
        Assert.Single(result.GetProperty("hits").EnumerateArray());
        Assert.True(result.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=%20%20")]
    public async Task A_missing_or_blank_query_is_a_validation_problem(string url)
    {
        var errors = await GetValidationErrorsAsync(url);
        Assert.Contains("q", errors.Keys);
    }

    [Fact]
    public async Task Every_bad_parameter_is_listed_in_one_answer()
    {
        var errors = await GetValidationErrorsAsync("/api/search?label=Spaceship&limit=501");
        Assert.Equal(["label", "limit", "q"], errors.Keys.Order());
        Assert.Contains("Spaceship", errors["label"][0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task A_limit_outside_one_to_five_hundred_is_refused(int limit)
    {
        var errors = await GetValidationErrorsAsync($"/api/search?q=carrick&limit={limit}");
        Assert.Contains("limit", errors.Keys);
    }

    [Fact]
    public async Task A_limit_that_is_not_a_number_is_a_bad_request_problem()
    {
        await GetProblemAsync("/api/search?q=carrick&limit=lots", System.Net.HttpStatusCode.BadRequest);
    }
}
