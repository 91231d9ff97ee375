using System.Net;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Withheld;

/// <summary>The app built from the seeds plus withheld facts (its own database).</summary>
public sealed class WithheldApiFixture : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", Path.Combine(TestPaths.NewTempDirectory(), "withheld.db"));
        builder.UseSetting("Storage:SeedDirectory", WithheldTestData.CreateSeedDirectory());
    }
}

/// <summary>
/// The twin of the victim-protection sweep for withheld facts. Every withheld fact is an addition to the seeds, so the
/// brute-force oracle is simple: for every URL, the app with withheld facts must answer byte for byte as the app built
/// from the seeds alone, and no answer may carry a marker of the withheld data.
/// </summary>
public sealed class WithheldSweepTests(ApiFixture app, WithheldApiFixture withheld, ITestOutputHelper output)
    : ApiTest(app, output), IClassFixture<WithheldApiFixture>
{
    private ITestOutputHelper Log { get; } = output;

    private static readonly Dataset Seeds = DatasetLoader.Load(TestPaths.Seeds).Dataset!;

    private static List<(string Url, string? Owner)> Urls()
    {
        var urls = new List<(string Url, string? Owner)>();
        // Answers about the node itself may name it; the checker still looks for every withheld marker.
        urls.AddRange(Seeds.Nodes.SelectMany(EndpointSweep.PerNode).Select(u => (u.Url, u.About)));
        var (a, b) = WithheldTestData.WithheldPair;
        urls.Add(($"/api/paths?from={a}&to={b}&maxHops=6", null));
        foreach (var officer in Seeds.Nodes.Where(n => n.Label == Labels.Officer).Take(8))
            urls.Add(($"/api/paths?from={a}&to={officer.Id}&maxHops=6", null));
        foreach (var word in new[] { "Zephyrine", "Quillfeather", "PC Quillfeather", "xylophonic", "complaint", "Sergeant", "Connor", "Gage" })
            urls.Add(($"/api/search?q={Uri.EscapeDataString(word)}&limit=500", null));
        urls.Add(("/api/search?q=q&label=Officer&limit=500", null));
        urls.Add(("/api/stats/outcomes", null));
        // The withheld case is a corruption case at the Met: statistics filtered to it must not count it.
        urls.Add(("/api/stats/outcomes?category=corruption", null));
        urls.Add(("/api/stats/outcomes?force=force:metropolitan-police-service", null));
        urls.Add(("/api/vocabularies", null));
        urls.Add(("/api/export?format=cytoscape", null));
        urls.Add(("/api/export?format=graphml", null));
        return urls;
    }

    [Fact]
    public async Task Every_answer_with_withheld_facts_in_the_files_is_exactly_the_answer_without_them()
    {
        var checker = new WithheldLeakChecker();
        var problems = new List<string>();
        using var plain = App.CreateClient();
        using var client = withheld.CreateClient();
        var urls = Urls();
        foreach (var (url, owner) in urls)
        {
            using var expected = await plain.GetAsync(url);
            using var actual = await client.GetAsync(url);
            var body = await actual.Content.ReadAsStringAsync();
            if (actual.StatusCode != expected.StatusCode) problems.Add($"GET {url}: {(int)actual.StatusCode}, without withheld facts {(int)expected.StatusCode}");
            else if (body != await expected.Content.ReadAsStringAsync()) problems.Add($"GET {url}: differs from the answer without withheld facts");
            problems.AddRange(checker.Check(url, body, owner));
        }
        Log.WriteLine($"Swept {urls.Count} URLs on both apps.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }

    [Fact]
    public async Task Health_counts_what_the_seeds_alone_hold()
    {
        // Compared apart from the sweep: the rest of /health (index warmth) depends on timing, not on data.
        using var plain = App.CreateClient();
        using var client = withheld.CreateClient();
        var expected = JsonDocument.Parse(await plain.GetStringAsync("/health")).RootElement.GetProperty("counts").GetRawText();
        var actual = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("counts").GetRawText();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(WithheldTestData.WithheldOfficer)]
    [InlineData(WithheldTestData.WithheldCase)]
    [InlineData(WithheldTestData.WithheldEvent)]
    public async Task A_withheld_node_is_not_found_anywhere_it_could_be_asked_for_by_id(string id)
    {
        using var client = withheld.CreateClient();
        foreach (var url in new[] { $"/api/nodes/{id}", $"/api/nodes/{id}/neighbourhood", $"/api/officers/{id}/served-together",
                     $"/api/cases/{id}/timeline", $"/api/paths?from={id}&to=officer:mark-connor" })
        {
            using var response = await client.GetAsync(url);
            // The problem may repeat the id the caller sent; it must say no more than "not found".
            Assert.True(response.StatusCode is HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_public_log_lists_each_withholding_with_its_reason_and_dates_only()
    {
        using var client = withheld.CreateClient();
        var body = await client.GetStringAsync("/api/corrections?limit=500");
        Assert.Empty(new WithheldLeakChecker().Check("/api/corrections", body));
        Assert.Contains("takedown request under review", body);
        Assert.Contains("\"until\":\"2025-03-01\"", body);
        var atom = await client.GetStringAsync("/api/corrections.atom?limit=500");
        Assert.Empty(WithheldTestData.MarkersIn(atom));
        Assert.Contains("legal advice pending", atom);
    }

    [Fact]
    public void The_checker_catches_a_withheld_name_an_id_and_a_withheld_relationship_shown_without_its_id()
    {
        var checker = new WithheldLeakChecker();
        Assert.NotEmpty(checker.Check("crafted", """{"hits":[{"id":"officer:x","name":"Zephyrine Quillfeather"}]}"""));
        Assert.NotEmpty(checker.Check("crafted", """{"paths":[{"hops":[{"relationshipId":"WORKED_WITH:officer:mark-connor->officer:james-gage#withheld-test"}]}]}"""));
        Assert.NotEmpty(checker.Check("crafted", """{"entries":[{"officer":{"id":"officer:james-gage"},"basis":"explicit"}]}""", "officer:mark-connor"));
        Assert.NotEmpty(checker.Check("crafted", """{"edges":[{"data":{"source":"officer:mark-connor","target":"officer:james-gage","type":"WORKED_WITH"}}]}"""));
        Assert.Empty(checker.Check("crafted", """{"entries":[{"officer":{"id":"officer:james-gage"},"basis":"unit"}]}""", "officer:mark-connor"));
    }
}
