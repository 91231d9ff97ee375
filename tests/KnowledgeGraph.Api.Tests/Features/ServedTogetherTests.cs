using KnowledgeGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class ServedTogetherTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    [Fact]
    public async Task Carrick_served_with_Couzens_in_the_same_unit()
    {
        var result = await GetJsonAsync("/api/officers/officer:david-carrick/served-together?scope=unit");
        Assert.Equal("officer:david-carrick", result.GetProperty("officer").GetProperty("id").GetString());
        Assert.Equal("unit", result.GetProperty("scope").GetString());
        var couzens = result.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("officer").GetProperty("id").GetString() == "officer:wayne-couzens" && e.GetProperty("basis").GetString() == "unit");
        Assert.Equal("Unit", couzens.GetProperty("organisation").GetProperty("label").GetString());
        Assert.Contains(couzens.GetProperty("certainty").GetString(), new[] { "certain", "possible" });
        Assert.NotEmpty(couzens.GetProperty("sources").EnumerateArray());
        Assert.True(couzens.TryGetProperty("from", out _));
        Assert.True(couzens.TryGetProperty("to", out _));
    }

    [Fact]
    public async Task At_force_scope_the_answer_says_so_and_still_includes_unit_colleagues()
    {
        var result = await GetJsonAsync("/api/officers/officer:david-carrick/served-together?scope=force");
        Assert.Equal("force", result.GetProperty("scope").GetString());
        Assert.Contains(result.GetProperty("entries").EnumerateArray(), e => e.GetProperty("officer").GetProperty("id").GetString() == "officer:wayne-couzens");
    }

    [Fact]
    public async Task An_unknown_scope_is_refused()
    {
        var errors = await GetValidationErrorsAsync("/api/officers/officer:david-carrick/served-together?scope=team");
        Assert.Contains("team", errors["scope"].Single());
    }

    [Fact]
    public async Task Served_together_for_an_unknown_officer_is_not_found()
    {
        await AssertNotFoundNamesAsync("/api/officers/officer:nobody/served-together", "officer:nobody");
    }

    [Fact]
    public async Task A_force_lists_every_pair_who_served_there_at_the_same_time()
    {
        var result = await GetJsonAsync("/api/organisations/force:metropolitan-police-service/served-together?limit=500");
        var pairs = result.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Contains(pairs, p =>
            new[] { p.GetProperty("officer").GetProperty("id").GetString(), p.GetProperty("otherOfficer").GetProperty("id").GetString() }
                .Order().SequenceEqual(new[] { "officer:david-carrick", "officer:wayne-couzens" }));
        Assert.All(pairs, p => Assert.NotEmpty(p.GetProperty("sources").EnumerateArray()));
        Assert.False(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Bad_dates_and_a_reversed_window_are_refused_together()
    {
        var errors = await GetValidationErrorsAsync("/api/organisations/force:metropolitan-police-service/served-together?from=2017-13&to=20x&limit=999");
        Assert.Equal(["from", "limit", "to"], errors.Keys.Order());
        var reversed = await GetValidationErrorsAsync("/api/organisations/force:metropolitan-police-service/served-together?from=2020&to=2010");
        Assert.Contains("before", reversed["to"].Single());
    }

    [Fact]
    public async Task Served_together_at_an_unknown_organisation_is_not_found()
    {
        await AssertNotFoundNamesAsync("/api/organisations/unit:nowhere/served-together", "unit:nowhere");
    }
}
