using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Core.Model;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class StatsSourcesAndVocabularyTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    [Fact]
    public async Task Outcome_counts_name_the_cases_behind_them_and_the_dismissal_ratio_shows_its_parts()
    {
        var stats = await GetJsonAsync("/api/stats/outcomes");
        var outcomes = stats.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.Equal(o.GetProperty("count").GetInt32(), o.GetProperty("caseIds").GetArrayLength()));
        Assert.All(outcomes, o => Assert.False(o.GetProperty("caseIdsTruncated").GetBoolean()));
        var ratio = stats.GetProperty("grossMisconductDismissal");
        var numerator = ratio.GetProperty("numerator").GetInt32();
        var denominator = ratio.GetProperty("denominator").GetInt32();
        Assert.InRange(numerator, 0, denominator);
        Assert.Equal(numerator, ratio.GetProperty("numeratorCaseIds").GetArrayLength());
        Assert.Equal(denominator, ratio.GetProperty("denominatorCaseIds").GetArrayLength());
        // The panel found Connor's conduct proven; the seeds do not code its level, so it is not counted as gross misconduct.
        Assert.Contains(outcomes, o => o.GetProperty("caseIds").EnumerateArray().Any(e => e.GetString() == "case:mark-connor-inappropriate-relationship"));
    }

    [Fact]
    public async Task Outcome_statistics_can_be_narrowed_to_a_force_and_a_category()
    {
        var all = await GetJsonAsync("/api/stats/outcomes");
        var narrowed = await GetJsonAsync("/api/stats/outcomes?force=force:metropolitan-police-service&category=abuse_of_position_sexual");
        Assert.Equal("force:metropolitan-police-service", narrowed.GetProperty("force").GetString());
        Assert.True(narrowed.GetProperty("casesConsidered").GetInt32() <= all.GetProperty("casesConsidered").GetInt32());
    }

    [Fact]
    public async Task Case_id_lists_can_be_capped_while_counts_stay_whole()
    {
        var all = await GetJsonAsync("/api/stats/outcomes");
        var capped = await GetJsonAsync("/api/stats/outcomes?caseIds=1");
        Assert.Equal(1, capped.GetProperty("caseIdLimit").GetInt32());
        var counts = all.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()).ToList();
        var cappedOutcomes = capped.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(counts, cappedOutcomes.Select(o => o.GetProperty("count").GetInt32()));
        Assert.All(cappedOutcomes, o =>
        {
            Assert.True(o.GetProperty("caseIds").GetArrayLength() <= 1);
            Assert.Equal(o.GetProperty("count").GetInt32() > 1, o.GetProperty("caseIdsTruncated").GetBoolean());
        });
        Assert.Contains("caseIds", (await GetValidationErrorsAsync("/api/stats/outcomes?caseIds=-1")).Keys);
    }

    [Fact]
    public async Task An_unknown_category_and_a_force_id_of_the_wrong_kind_are_refused_together()
    {
        var errors = await GetValidationErrorsAsync("/api/stats/outcomes?force=officer:mark-connor&category=jaywalking");
        Assert.Equal(["category", "force"], errors.Keys.Order());
    }

    [Fact]
    public async Task An_unknown_force_is_not_found()
    {
        await AssertNotFoundNamesAsync("/api/stats/outcomes?force=force:atlantis-constabulary", "force:atlantis-constabulary");
    }

    [Fact]
    public async Task A_source_lists_everything_it_evidences()
    {
        var evidence = await GetJsonAsync("/api/sources/source:iopc-connor-2024-07-18?limit=500");
        Assert.Equal("source:iopc-connor-2024-07-18", evidence.GetProperty("source").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(evidence.GetProperty("source").GetProperty("title").GetString()));
        Assert.NotEmpty(evidence.GetProperty("relationships").EnumerateArray());
        Assert.All(evidence.GetProperty("relationships").EnumerateArray(), r =>
            Assert.Contains("source:iopc-connor-2024-07-18", r.GetProperty("sources").EnumerateArray().Select(s => s.GetString())));
    }

    [Fact]
    public async Task A_source_walked_page_by_page_is_the_whole_evidence_and_a_bad_cursor_is_refused()
    {
        const string url = "/api/sources/source:iopc-connor-2024-07-18";
        var whole = await GetJsonAsync($"{url}?limit=500");
        var total = whole.GetProperty("total").GetInt32();
        Assert.Equal(whole.GetProperty("nodeTotal").GetInt32() + whole.GetProperty("relationshipTotal").GetInt32(), total);
        var expected = whole.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString())
            .Concat(whole.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("id").GetString())).ToList();
        Assert.Equal(total, expected.Count);

        var walked = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync(cursor is null ? $"{url}?limit=2" : $"{url}?limit=2&cursor={Uri.EscapeDataString(cursor)}");
            Assert.Equal(total, page.GetProperty("total").GetInt32());
            walked.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
            walked.AddRange(page.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            cursor = page.GetProperty("next").GetString();
        } while (cursor is not null);
        Assert.Equal(expected, walked);
        Assert.Contains("cursor", (await GetValidationErrorsAsync($"{url}?cursor=zzz")).Keys);
    }

    [Fact]
    public async Task An_unknown_source_is_not_found()
    {
        await AssertNotFoundNamesAsync("/api/sources/source:made-up", "source:made-up");
    }

    [Fact]
    public async Task Vocabularies_describe_every_label_type_and_legal_status()
    {
        var doc = await GetJsonAsync("/api/vocabularies");
        Assert.Equal(Labels.All.Order(), doc.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("label").GetString()!).Order());
        Assert.Equal(GraphSchema.Relationships.Select(r => r.Type).Order(),
            doc.GetProperty("relationshipTypes").EnumerateArray().Select(t => t.GetProperty("type").GetString()!).Order());
        Assert.Equal(Vocabularies.LegalStatus.Values, doc.GetProperty("vocabularies").GetProperty("legalStatus").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(3, doc.GetProperty("limits").GetProperty("maxDepth").GetInt32());
    }

    [Fact]
    public async Task Health_says_the_store_answers_and_what_it_holds()
    {
        var health = await GetJsonAsync("/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("sqlite", health.GetProperty("store").GetString());
        Assert.True(health.GetProperty("counts").GetProperty("labels").GetProperty("Officer").GetInt32() > 0);
    }

    [Fact]
    public async Task Health_reports_when_the_embedded_stores_indexes_are_built_after_start_up()
    {
        // Built in the background after the seed import; on the seeds that takes well under the 30 s allowed here.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var ready = (await GetJsonAsync("/health")).GetProperty("indexesReady");
        while (ready.ValueKind == System.Text.Json.JsonValueKind.False && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            ready = (await GetJsonAsync("/health")).GetProperty("indexesReady");
        }
        Assert.Equal(System.Text.Json.JsonValueKind.True, ready.ValueKind);
    }
}
