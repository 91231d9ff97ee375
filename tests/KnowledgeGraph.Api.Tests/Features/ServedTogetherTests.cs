using System.Text.Json;
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
        Assert.Equal(result.GetProperty("entries").GetArrayLength(), result.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("next").ValueKind);
        Assert.False(result.GetProperty("truncated").GetBoolean());
        var couzens = result.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("officer").GetProperty("id").GetString() == "officer:wayne-couzens");
        Assert.Equal("unit", couzens.GetProperty("basis").GetString());
        Assert.Contains(couzens.GetProperty("certainty").GetString(), new[] { "certain", "possible" });
        var shared = couzens.GetProperty("shared").EnumerateArray().Single();
        Assert.Equal("Unit", shared.GetProperty("organisation").GetProperty("label").GetString());
        Assert.Equal("unit", shared.GetProperty("basis").GetString());
        Assert.NotEmpty(shared.GetProperty("sources").EnumerateArray());
        Assert.True(shared.TryGetProperty("from", out _));
        Assert.True(shared.TryGetProperty("to", out _));
        Assert.True(shared.TryGetProperty("certainty", out _));
    }

    [Fact]
    public async Task At_force_scope_the_answer_says_so_and_still_includes_unit_colleagues()
    {
        var result = await GetJsonAsync("/api/officers/officer:david-carrick/served-together?scope=force");
        Assert.Equal("force", result.GetProperty("scope").GetString());
        Assert.Contains(result.GetProperty("entries").EnumerateArray(), e => e.GetProperty("officer").GetProperty("id").GetString() == "officer:wayne-couzens");
    }

    [Fact]
    public async Task Following_next_lists_every_co_worker_once_with_the_total_on_every_page()
    {
        const string url = "/api/officers/officer:mark-connor/served-together?scope=force";
        var whole = await GetJsonAsync(url);
        var total = whole.GetProperty("total").GetInt32();
        Assert.True(total > 2);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync($"{url}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.Equal(total, page.GetProperty("total").GetInt32());
            Assert.True(page.GetProperty("entries").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("officer").GetProperty("id").GetString()!));
            cursor = page.GetProperty("next").GetString();
            Assert.Equal(cursor is not null, page.GetProperty("truncated").GetBoolean());
        } while (cursor is not null);

        Assert.Equal(whole.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("officer").GetProperty("id").GetString()), seen);
    }

    [Fact]
    public async Task Pairs_at_a_force_page_with_next_and_total()
    {
        const string url = "/api/organisations/force:metropolitan-police-service/served-together";
        var first = await GetJsonAsync($"{url}?limit=1");
        Assert.True(first.GetProperty("total").GetInt32() > 1);
        Assert.Single(first.GetProperty("pairs").EnumerateArray());
        Assert.True(first.GetProperty("truncated").GetBoolean());
        var second = await GetJsonAsync($"{url}?limit=1&cursor={Uri.EscapeDataString(first.GetProperty("next").GetString()!)}");
        Assert.NotEqual(first.GetProperty("pairs")[0].ToString(), second.GetProperty("pairs")[0].ToString());
    }

    [Theory]
    [InlineData("/api/officers/officer:david-carrick/served-together")]
    [InlineData("/api/organisations/force:metropolitan-police-service/served-together")]
    public async Task A_cursor_we_did_not_give_out_and_a_limit_out_of_bounds_are_refused(string url)
    {
        var cursor = await GetValidationErrorsAsync($"{url}?cursor=not-ours");
        Assert.Contains("not-ours", cursor["cursor"].Single());
        foreach (var limit in new[] { 0, 501 })
            Assert.Contains("between 1 and 500", (await GetValidationErrorsAsync($"{url}?limit={limit}"))["limit"].Single());
        Assert.True((await GetJsonAsync($"{url}?limit=500")).GetProperty("total").GetInt32() >= 0);
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
        Assert.Equal(pairs.Count, result.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("next").ValueKind);
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
