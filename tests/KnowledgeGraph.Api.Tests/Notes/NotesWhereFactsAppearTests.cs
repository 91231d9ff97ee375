using System.Text.Json;
using System.Xml.Linq;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeGraph.Api.Tests.Notes;

/// <summary>The app built from the seeds with more replies and a correction on chosen facts (its own database).</summary>
public sealed class NotedApiFixture : WebApplicationFactory<Program>
{
    public string SeedDirectory { get; } = NotedTestData.CreateSeedDirectory();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", Path.Combine(TestPaths.NewTempDirectory(), "noted.db"));
        builder.UseSetting("Storage:SeedDirectory", SeedDirectory);
    }
}

/// <summary>
/// Replies and corrections come with the fact wherever it appears (issue 12): node detail, each relationship, path hops,
/// timeline events and the case, served-together entries, case connections and source evidence. The oracle is the
/// dataset itself: what the files say about each fact, read by the loader, not by the API.
/// </summary>
public sealed class NotesWhereFactsAppearTests(NotedApiFixture app) : IClassFixture<NotedApiFixture>
{
    private readonly Dictionary<string, FactNote> _files =
        DatasetLoader.Load(app.SeedDirectory).Dataset!.FactNotes.ToDictionary(n => n.FactId, StringComparer.Ordinal);

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement? NotesOf(JsonElement element) =>
        element.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Object ? notes : null;

    private static List<string> Summaries(JsonElement? notes, string list, string field) =>
        notes is { } n ? n.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(field).GetString()!).Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The element shows exactly the notes the files give the fact: its replies, its corrections and both marks.</summary>
    private void AssertNotesOf(string factId, JsonElement element, string where)
    {
        var notes = NotesOf(element);
        var file = _files.GetValueOrDefault(factId);
        var replies = file?.Replies.Select(r => r.Summary).Order(StringComparer.Ordinal).ToList() ?? [];
        var corrections = file?.Corrections.Select(c => c.Reason).Order(StringComparer.Ordinal).ToList() ?? [];
        Assert.True(replies.SequenceEqual(Summaries(notes, "replies", "summary")), $"{where}: replies of {factId}");
        Assert.True(corrections.SequenceEqual(Summaries(notes, "corrections", "reason")), $"{where}: corrections of {factId}");
        if (replies.Count + corrections.Count == 0) return;
        Assert.Equal(corrections.Count > 0, notes!.Value.GetProperty("corrected").GetBoolean());
        Assert.Equal(file!.Replies.Any(r => FactNotes.DisputingPositions.Contains(r.Position)), notes.Value.GetProperty("disputed").GetBoolean());
    }

    /// <summary>A merged entry (resting on several facts) carries at least the notes of <paramref name="factId"/>, marked.</summary>
    private void AssertCarries(string factId, JsonElement? notes, string where)
    {
        Assert.True(notes is not null, $"{where}: no notes, though it rests on {factId}");
        var file = _files[factId];
        Assert.True(notes.Value.GetProperty("corrected").GetBoolean(), $"{where}: not marked corrected");
        Assert.True(notes.Value.GetProperty("disputed").GetBoolean(), $"{where}: not marked disputed");
        Assert.Superset(file.Corrections.Select(c => c.Reason).ToHashSet(), Summaries(notes, "corrections", "reason").ToHashSet());
        Assert.Superset(file.Replies.Select(r => r.Summary).ToHashSet(), Summaries(notes, "replies", "summary").ToHashSet());
    }

    [Fact]
    public void The_test_data_gives_each_chosen_fact_a_correction_and_a_disputing_reply()
    {
        foreach (var fact in NotedTestData.Facts)
        {
            Assert.NotEmpty(_files[fact].Corrections);
            Assert.Contains(_files[fact].Replies, r => r.Position == "disputes" && r.Summary.Contains(NotedTestData.Marker));
        }
    }

    [Fact]
    public async Task Every_node_and_each_of_its_relationships_carry_exactly_the_notes_of_the_files()
    {
        var dataset = DatasetLoader.Load(app.SeedDirectory).Dataset!;
        foreach (var node in dataset.Nodes)
        {
            var detail = await app.GetJsonAsync($"/api/nodes/{Uri.EscapeDataString(node.Id)}?limit=500");
            AssertNotesOf(node.Id, detail, $"node {node.Id}");
            foreach (var relationship in detail.GetProperty("relationships").EnumerateArray())
                AssertNotesOf(Text(relationship, "id")!, relationship, $"relationships of {node.Id}");
        }
    }

    [Fact]
    public async Task Every_timeline_carries_the_notes_of_the_case_and_of_each_event()
    {
        foreach (var caseId in DatasetLoader.Load(app.SeedDirectory).Dataset!.Nodes.Where(n => n.Label == Labels.Case).Select(n => n.Id))
        {
            var timeline = await app.GetJsonAsync($"/api/cases/{caseId}/timeline");
            AssertNotesOf(caseId, timeline, $"timeline of {caseId}");
            foreach (var step in timeline.GetProperty("events").EnumerateArray())
                AssertNotesOf(Text(step, "id")!, step, $"timeline of {caseId}");
        }
        var noted = await app.GetJsonAsync($"/api/cases/{NotedTestData.Case}/timeline");
        AssertCarries(NotedTestData.Event, NotesOf(noted.GetProperty("events").EnumerateArray().Single(e => Text(e, "id") == NotedTestData.Event)), "the noted event");
    }

    [Theory]
    [InlineData(NotedTestData.Officer, NotedTestData.Case, NotedTestData.SubjectOf)]
    [InlineData(NotedTestData.Case, NotedTestData.OtherCase, NotedTestData.Related)]
    public async Task Path_hops_carry_the_notes_of_their_relationship(string from, string to, string noted)
    {
        var result = await app.GetJsonAsync($"/api/paths?from={from}&to={to}&maxHops=3");
        var hops = result.GetProperty("paths").EnumerateArray().SelectMany(p => p.GetProperty("hops").EnumerateArray()).ToList();
        Assert.Contains(hops, h => Text(h, "relationshipId") == noted);
        foreach (var hop in hops) AssertNotesOf(Text(hop, "relationshipId")!, hop, $"path {from} to {to}");
    }

    [Fact]
    public async Task Served_together_entries_resting_on_a_noted_spell_carry_its_notes()
    {
        var result = await app.GetJsonAsync($"/api/officers/{NotedTestData.Officer}/served-together?scope=force&limit=500");
        var atMet = result.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("shared").EnumerateArray().Any(s => s.GetProperty("basis").GetString() == "force"
                && s.GetProperty("organisation").GetProperty("id").GetString() == NotedTestData.Force)).ToList();
        Assert.NotEmpty(atMet);
        foreach (var entry in atMet) AssertCarries(NotedTestData.Service, NotesOf(entry), $"served-together entry {entry.GetProperty("officer").GetProperty("id")}");

        var pairs = await app.GetJsonAsync($"/api/organisations/{NotedTestData.Force}/served-together?limit=500");
        var withConnor = pairs.GetProperty("pairs").EnumerateArray()
            .Where(p => p.GetProperty("officer").GetProperty("id").GetString() == NotedTestData.Officer
                || p.GetProperty("otherOfficer").GetProperty("id").GetString() == NotedTestData.Officer).ToList();
        Assert.NotEmpty(withConnor);
        foreach (var pair in withConnor) AssertCarries(NotedTestData.Service, NotesOf(pair), "organisation served-together pair");
    }

    [Fact]
    public async Task A_connection_entry_carries_the_notes_of_the_other_case_and_each_link_those_of_its_relationships()
    {
        var fromOther = await app.GetJsonAsync($"/api/cases/{NotedTestData.OtherCase}/connections?limit=500");
        var toCase = fromOther.GetProperty("connections").EnumerateArray().Single(c => c.GetProperty("case").GetProperty("id").GetString() == NotedTestData.Case);
        AssertCarries(NotedTestData.Case, NotesOf(toCase), "connection entry");
        AssertCarries(NotedTestData.Related, NotesOf(toCase), "connection entry");
        var related = toCase.GetProperty("links").EnumerateArray().Single(l => Text(l, "kind") == "related");
        AssertNotesOf(NotedTestData.Related, related, "related link");

        var fromCase = await app.GetJsonAsync($"/api/cases/{NotedTestData.Case}/connections?limit=500");
        var toOther = fromCase.GetProperty("connections").EnumerateArray().Single(c => c.GetProperty("case").GetProperty("id").GetString() == NotedTestData.OtherCase);
        var viaSource = toOther.GetProperty("links").EnumerateArray()
            .Single(l => Text(l, "kind") == "source" && l.GetProperty("path")[1].GetProperty("id").GetString() == NotedTestData.Source);
        AssertCarries(NotedTestData.Report, NotesOf(viaSource), "source link");
        AssertCarries(NotedTestData.Report, NotesOf(toOther), "connection entry");
        // The other case has no notes of its own and the link through the category rests on nothing noted.
        Assert.DoesNotContain(toOther.GetProperty("links").EnumerateArray(), l => Text(l, "kind") == "category" && NotesOf(l) is not null);
    }

    [Fact]
    public async Task Source_evidence_nodes_and_relationships_carry_their_notes()
    {
        var evidence = await app.GetJsonAsync($"/api/sources/{NotedTestData.Source}?limit=500");
        Assert.False(evidence.GetProperty("truncated").GetBoolean());
        var nodes = evidence.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(nodes, n => Text(n, "id") == NotedTestData.Event);
        foreach (var node in nodes) AssertNotesOf(Text(node, "id")!, node, "source evidence");
        var relationships = evidence.GetProperty("relationships").EnumerateArray().ToList();
        Assert.Contains(relationships, r => Text(r, "id") == NotedTestData.Report);
        foreach (var relationship in relationships) AssertNotesOf(Text(relationship, "id")!, relationship, "source evidence");
    }

    [Fact]
    public async Task Search_hits_and_the_neighbourhood_carry_the_notes()
    {
        var search = await app.GetJsonAsync("/api/search?q=Mark%20Connor&limit=50");
        var hit = search.GetProperty("hits").EnumerateArray().Single(h => Text(h, "id") == NotedTestData.Case);
        AssertNotesOf(NotedTestData.Case, hit, "search hit");

        // The neighbourhood is Cytoscape elements: each carries its notes in its data, in the dataset's form.
        var graph = await app.GetJsonAsync($"/api/nodes/{NotedTestData.Officer}/neighbourhood?depth=2&limit=500");
        var data = graph.GetProperty("nodes").EnumerateArray().Concat(graph.GetProperty("edges").EnumerateArray())
            .Select(e => e.GetProperty("data")).ToDictionary(d => d.GetProperty("id").GetString()!, StringComparer.Ordinal);
        foreach (var fact in new[] { NotedTestData.Case, NotedTestData.SubjectOf, NotedTestData.Service })
        {
            Assert.True(data[fact].GetProperty("corrected").GetBoolean(), fact);
            Assert.Equal(_files[fact].Corrections.Single().Reason, data[fact].GetProperty("corrections")[0].GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task Exports_carry_corrections_and_replies_of_every_noted_node_and_edge()
    {
        using var client = app.CreateClient();
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var graphMl = XDocument.Parse(await client.GetStringAsync("/api/export?format=graphml"));
        var keys = graphMl.Descendants(g + "key").Select(k => (string?)k.Attribute("id")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "n_disputed", "n_corrected", "n_replies", "n_corrections", "e_disputed", "e_corrected", "e_replies", "e_corrections" }, keys);
        var cytoscape = await client.GetStringAsync("/api/export?format=cytoscape");
        var elements = JsonDocument.Parse(cytoscape).RootElement;
        var data = elements.GetProperty("nodes").EnumerateArray().Concat(elements.GetProperty("edges").EnumerateArray())
            .Select(e => e.GetProperty("data")).ToDictionary(d => d.GetProperty("id").GetString()!, StringComparer.Ordinal);

        foreach (var fact in NotedTestData.Facts)
        {
            var file = _files[fact];
            var prefix = fact.Contains("->") ? "e" : "n";
            var element = graphMl.Descendants().Single(e => (e.Name == g + "node" || e.Name == g + "edge") && (string?)e.Attribute("id") == fact);
            string Data(string key) => element.Elements(g + "data").Single(d => (string?)d.Attribute("key") == $"{prefix}_{key}").Value;
            Assert.Equal("true", Data("corrected"));
            Assert.Equal("true", Data("disputed"));
            // GraphML holds the notes as JSON text.
            Assert.Equal(file.Corrections.Select(c => c.Reason), JsonDocument.Parse(Data("corrections")).RootElement.EnumerateArray().Select(c => c.GetProperty("reason").GetString()));
            Assert.Equal(file.Replies.Select(r => r.Summary), JsonDocument.Parse(Data("replies")).RootElement.EnumerateArray().Select(r => r.GetProperty("summary").GetString()));

            var d = data[fact];
            Assert.True(d.GetProperty("corrected").GetBoolean(), fact);
            Assert.Equal(file.Corrections.Select(c => c.Reason), d.GetProperty("corrections").EnumerateArray().Select(c => c.GetProperty("reason").GetString()));
            Assert.Equal(file.Replies.Select(r => r.Summary), d.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("summary").GetString()));
        }
    }
}
