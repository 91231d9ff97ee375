using KnowledgeGraph.Api.Tests.Infrastructure;
using System.Text.Json;
using KnowledgeGraph.Core.Model;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class CaseTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    private const string Mason = "case:james-mason-kristina-oconnor";

    [Fact]
    public async Task Masons_case_timeline_is_in_date_order_and_each_step_is_cited()
    {
        var timeline = await GetJsonAsync($"/api/cases/{Mason}/timeline");
        Assert.Equal(Mason, timeline.GetProperty("case").GetProperty("id").GetString());
        var events = timeline.GetProperty("events").EnumerateArray().ToList();
        Assert.True(events.Count > 3);
        var dates = events.Select(e => PartialDate.Parse(e.GetProperty("date").GetString()!)).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.All(events, e =>
        {
            Assert.NotEmpty(e.GetProperty("sources").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("kind").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("summary").GetString()));
            Assert.True(e.TryGetProperty("legalStatus", out _));
            Assert.True(e.TryGetProperty("outcome", out _));
            Assert.Equal(System.Text.Json.JsonValueKind.Array, e.GetProperty("by").ValueKind);
        });
    }

    [Fact]
    public async Task Steps_that_decide_wrongdoing_carry_their_legal_status()
    {
        var timeline = await GetJsonAsync($"/api/cases/{Mason}/timeline");
        Assert.All(timeline.GetProperty("events").EnumerateArray()
                .Where(e => Vocabularies.EventKindsNeedingLegalStatus.Contains(e.GetProperty("kind").GetString())),
            e => Assert.True(Vocabularies.LegalStatus.Contains(e.GetProperty("legalStatus").GetString())));
    }

    [Fact]
    public async Task The_timeline_of_an_unknown_case_is_not_found()
    {
        await AssertNotFoundNamesAsync("/api/cases/case:nothing-here/timeline", "case:nothing-here");
    }

    [Fact]
    public async Task The_Couzens_case_connects_to_the_Carrick_case_through_their_shared_unit()
    {
        var result = await GetJsonAsync("/api/cases/case:wayne-couzens-murder-of-sarah-everard/connections?limit=500");
        var carrick = result.GetProperty("connections").EnumerateArray()
            .Single(c => c.GetProperty("case").GetProperty("id").GetString() == "case:david-carrick-serial-rape");
        var unit = carrick.GetProperty("links").EnumerateArray().First(l => l.GetProperty("kind").GetString() == "unit");
        var path = unit.GetProperty("path").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal("case:wayne-couzens-murder-of-sarah-everard", path[0]);
        Assert.Equal("case:david-carrick-serial-rape", path[^1]);
        Assert.Contains("officer:wayne-couzens", path);
        Assert.Contains("officer:david-carrick", path);
        Assert.Equal("strong", carrick.GetProperty("strength").GetString());
    }

    [Fact]
    public async Task Connections_put_strong_links_first_and_weak_ones_last()
    {
        var result = await GetJsonAsync("/api/cases/case:mark-connor-inappropriate-relationship/connections?limit=500");
        var rank = new Dictionary<string, int> { ["strong"] = 0, ["medium"] = 1, ["weak"] = 2 };
        var strengths = result.GetProperty("connections").EnumerateArray().Select(c => rank[c.GetProperty("strength").GetString()!]).ToList();
        Assert.NotEmpty(strengths);
        Assert.Equal(strengths.Order(), strengths);
        Assert.All(result.GetProperty("connections").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("legalStatus").GetString())));
    }

    [Fact]
    public async Task A_connection_limit_cuts_the_list_and_says_so()
    {
        var result = await GetJsonAsync("/api/cases/case:mark-connor-inappropriate-relationship/connections?limit=1");
        Assert.Single(result.GetProperty("connections").EnumerateArray());
        Assert.True(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Connections_of_an_unknown_case_are_not_found_and_a_bad_limit_or_cursor_is_refused()
    {
        await AssertNotFoundNamesAsync("/api/cases/case:nothing-here/connections", "case:nothing-here");
        var errors = await GetValidationErrorsAsync($"/api/cases/{Mason}/connections?limit=0&cursor=not-ours");
        Assert.Equal(["cursor", "limit"], errors.Keys.Order());
    }

    [Fact]
    public async Task Connections_walked_page_by_page_are_the_whole_list_in_the_same_order()
    {
        const string url = "/api/cases/case:mark-connor-inappropriate-relationship/connections";
        var whole = await GetJsonAsync($"{url}?limit=500");
        var total = whole.GetProperty("total").GetInt32();
        Assert.True(total > 2);
        Assert.Equal(total, whole.GetProperty("connections").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Array, whole.GetProperty("hubs").ValueKind);

        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync(cursor is null ? $"{url}?limit=2" : $"{url}?limit=2&cursor={Uri.EscapeDataString(cursor)}");
            Assert.Equal(total, page.GetProperty("total").GetInt32());
            Assert.Equal(page.GetProperty("next").ValueKind != JsonValueKind.Null, page.GetProperty("truncated").GetBoolean());
            walked.AddRange(page.GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("case").GetProperty("id").GetString()!));
            cursor = page.GetProperty("next").GetString();
        } while (cursor is not null);
        Assert.Equal(whole.GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("case").GetProperty("id").GetString()!), walked);
    }
}
