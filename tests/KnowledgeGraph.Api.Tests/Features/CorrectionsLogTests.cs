using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Core.Dataset;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

/// <summary>The public corrections log over the seeds' replies, and the notes attached where the facts appear.</summary>
public sealed class CorrectionsLogTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    /// <summary>Brute force: every reply in the seed files, newest first then by key, computed from the dataset itself.</summary>
    private static List<(string Date, string Key)> Expected()
    {
        var dataset = DatasetLoader.Load(TestPaths.Seeds).Dataset!;
        return dataset.FactNotes.SelectMany(n => n.Replies.Select((r, i) => (r.Date, Key: $"reply:{n.FactId}:{i + 1}"))
                .Concat(n.Corrections.Select((c, i) => (c.Date, Key: $"correction:{n.FactId}:{i + 1}"))))
            .OrderByDescending(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_log_lists_every_reply_newest_first_and_pages_through_all_of_them_with_cursors()
    {
        var expected = Expected();
        Assert.True(expected.Count >= 3);
        var seen = new List<(string, string)>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync($"/api/corrections?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("date").GetString()!, e.GetProperty("key").GetString()!)));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.Equal(cursor is not null, page.GetProperty("truncated").GetBoolean());
        } while (cursor is not null);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Since_keeps_entries_dated_on_or_after_it_and_bad_parameters_are_refused()
    {
        var page = await GetJsonAsync("/api/corrections?since=2025&limit=500");
        Assert.Equal(Expected().Count(e => string.CompareOrdinal(e.Date, "2025") >= 0), page.GetProperty("total").GetInt32());
        await GetProblemAsync("/api/corrections?since=yesterday", HttpStatusCode.BadRequest);
        await GetProblemAsync("/api/corrections?cursor=not-ours", HttpStatusCode.BadRequest);
        await GetProblemAsync("/api/corrections?limit=0", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_atom_feed_is_valid_atom_with_stable_entry_ids_in_log_order()
    {
        using var client = App.CreateClient();
        var first = await client.GetStringAsync("/api/corrections.atom?limit=500");
        var again = await client.GetStringAsync("/api/corrections.atom?limit=500");
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(first).Root!;
        Assert.Equal(atom + "feed", feed.Name);
        Assert.NotNull(feed.Element(atom + "id"));
        Assert.NotNull(feed.Element(atom + "title"));
        Assert.True(DateTimeOffset.TryParse(feed.Element(atom + "updated")!.Value, out _));
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(Expected().Count, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.True(Uri.IsWellFormedUriString(e.Element(atom + "id")!.Value, UriKind.Absolute));
            Assert.False(string.IsNullOrWhiteSpace(e.Element(atom + "title")!.Value));
            Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")!.Value, out _));
        });
        Assert.Equal(entries.Select(e => e.Element(atom + "id")!.Value), XDocument.Parse(again).Root!.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/corrections?limit=500");
        request.Headers.Accept.ParseAdd("application/atom+xml");
        using var response = await client.SendAsync(request);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_disputed_fact_carries_its_reply_in_node_detail_and_in_the_timeline()
    {
        var detail = await GetJsonAsync("/api/nodes/officer:mark-connor");
        var subjectOf = detail.GetProperty("relationships").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "SUBJECT_OF:officer:mark-connor->case:mark-connor-inappropriate-relationship");
        var notes = subjectOf.GetProperty("notes");
        Assert.True(notes.GetProperty("disputed").GetBoolean());
        Assert.False(notes.GetProperty("corrected").GetBoolean());
        var reply = notes.GetProperty("replies")[0];
        Assert.Equal("officer:mark-connor", reply.GetProperty("by").GetProperty("id").GetString());
        Assert.NotEmpty(reply.GetProperty("sources").EnumerateArray());

        var timeline = await GetJsonAsync("/api/cases/case:mark-connor-inappropriate-relationship/timeline");
        var visit = timeline.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "event:connor-2017-home-visit");
        Assert.True(visit.GetProperty("notes").GetProperty("disputed").GetBoolean());
    }

    [Fact]
    public async Task Exports_carry_replies_in_graphml_keys_and_cytoscape_data()
    {
        using var client = App.CreateClient();
        var graphMl = XDocument.Parse(await client.GetStringAsync("/api/export?format=graphml"));
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        Assert.Contains(graphMl.Descendants(g + "key"), k => (string?)k.Attribute("id") == "e_replies");
        var edge = graphMl.Descendants(g + "edge").Single(e => (string?)e.Attribute("id") == "SUBJECT_OF:officer:mark-connor->case:mark-connor-inappropriate-relationship");
        Assert.Equal("true", edge.Elements(g + "data").Single(d => (string?)d.Attribute("key") == "e_disputed").Value);
        Assert.Contains("officer:mark-connor", edge.Elements(g + "data").Single(d => (string?)d.Attribute("key") == "e_replies").Value);

        var cytoscape = await GetJsonAsync("/api/export?format=cytoscape");
        var node = cytoscape.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("data").GetProperty("id").GetString() == "event:connor-2017-home-visit");
        Assert.True(node.GetProperty("data").GetProperty("disputed").GetBoolean());
        Assert.Equal("disputes", node.GetProperty("data").GetProperty("replies")[0].GetProperty("position").GetString());
    }
}
