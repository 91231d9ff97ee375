using System.Net;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Victims;

public sealed class VictimProtectionSweepTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    private static readonly Dataset Seeds = DatasetLoader.Load(TestPaths.Seeds).Dataset
        ?? throw new InvalidOperationException("the seeds must be valid for the sweep");

    private static VictimLeakChecker Checker => new(Seeds.Nodes.Where(n => n.Label == Labels.VictimRole).ToList());

    [Fact]
    public async Task No_endpoint_shows_a_victim_role_with_more_than_its_protected_name()
    {
        var urls = new List<(string Url, string? Owner)>();
        // Only a node's own detail may show the role it is about; every other answer shows roles by protected name alone.
        urls.AddRange(Seeds.Nodes.SelectMany(EndpointSweep.PerNode).Select(u => (u.Url, u.IsNodeDetail ? u.About : null)));
        foreach (var role in Seeds.Nodes.Where(n => n.Label == Labels.VictimRole))
            foreach (var person in Seeds.Nodes.Where(n => n.Label == Labels.Person).Take(5))
                urls.Add(($"/api/paths?from={role.Id}&to={person.Id}&maxHops=6", null));
        // Search for every word of every victim's descriptor and pseudonym, and for every person's name.
        var words = Seeds.Nodes.Where(n => n.Label == Labels.VictimRole)
            .SelectMany(v => $"{v.Text("descriptor")} {v.Text("pseudonym")}".Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(Seeds.Nodes.Where(n => n.Label == Labels.Person).Select(p => p.Name))
            .Select(w => w.Trim(',', '.', '(', ')', '"')).Where(w => w.Length > 2).Distinct();
        urls.AddRange(words.Select(w => ($"/api/search?q={Uri.EscapeDataString(w)}&limit=500", (string?)null)));
        urls.Add(("/api/search?q=victim&label=VictimRole&limit=500", null));
        urls.Add(("/api/export?format=cytoscape", null));
        urls.Add(("/api/stats/outcomes", null));

        var checker = Checker;
        var problems = new List<string>();
        using var client = App.CreateClient();
        foreach (var (url, owner) in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            problems.AddRange(checker.CheckJson(url, await response.Content.ReadAsStringAsync(), owner));
        }
        using (var graphMl = await client.GetAsync("/api/export?format=graphml"))
            problems.AddRange(checker.CheckGraphMl("graphml export", await graphMl.Content.ReadAsStringAsync()));

        Output.WriteLine($"Swept {urls.Count + 1} responses.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }

    private ITestOutputHelper Output { get; } = output;

    [Fact]
    public void The_checker_catches_a_victim_role_shown_with_a_real_name()
    {
        var victim = Seeds.Nodes.First(n => n.Label == Labels.VictimRole && n.Text("anonymity") == "protected");
        var problems = Checker.CheckJson("crafted", $$"""{"hits":[{"id":"{{victim.Id}}","label":"VictimRole","name":"Jane Realname","aliases":[]}]}""");
        Assert.Single(problems);
    }

    [Fact]
    public void The_checker_catches_an_identification_of_a_protected_role()
    {
        var victim = Seeds.Nodes.First(n => n.Label == Labels.VictimRole && n.Text("anonymity") == "protected");
        Assert.NotEmpty(Checker.CheckJson("crafted", $$$"""{"edges":[{"data":{"id":"x","source":"{{{victim.Id}}}","target":"person:someone","type":"IDENTIFIED_AS"}}]}"""));
        Assert.NotEmpty(Checker.CheckJson("crafted", $$$"""{"relationships":[{"type":"IDENTIFIED_AS","direction":"out","other":{"id":"person:someone"}}]}""", victim.Id));
    }

    [Fact]
    public void The_checker_catches_a_pseudonym_written_as_if_it_were_a_name()
    {
        var pseudonym = Seeds.Nodes.First(n => n.Text("pseudonym") is not null).Text("pseudonym");
        Assert.NotEmpty(Checker.CheckJson("crafted", $$"""{"summary":"{{pseudonym}} reported it in 2015"}"""));
        Assert.Empty(Checker.CheckJson("crafted", $$"""{"summary":"{{pseudonym}} (a pseudonym) reported it in 2015","pseudonym":"{{pseudonym}}"}"""));
    }
}
