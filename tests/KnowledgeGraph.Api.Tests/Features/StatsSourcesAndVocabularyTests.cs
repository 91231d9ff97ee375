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
        var evidence = await GetJsonAsync("/api/sources/source:iopc-connor-2024-07-18");
        Assert.Equal("source:iopc-connor-2024-07-18", evidence.GetProperty("source").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(evidence.GetProperty("source").GetProperty("title").GetString()));
        Assert.NotEmpty(evidence.GetProperty("relationships").EnumerateArray());
        Assert.All(evidence.GetProperty("relationships").EnumerateArray(), r =>
            Assert.Contains("source:iopc-connor-2024-07-18", r.GetProperty("sources").EnumerateArray().Select(s => s.GetString())));
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
}
