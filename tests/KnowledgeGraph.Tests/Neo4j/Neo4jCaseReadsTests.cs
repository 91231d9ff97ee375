using System.Net;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

/// <summary>
/// What the Neo4j store asks for when it answers connections, statistics, source evidence and export: each statement
/// starts from the case, the entities, the source or the last page (never "every case"), with the parameters the files
/// declare. Checked against a fake Query API; the real answers are in the contract suite when NEO4J_URI is set.
/// </summary>
public sealed class Neo4jCaseReadsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static bool Is(SeenRequest request, string statement) => request.Statement == CypherStatements.Get(statement).Text;

    private static Dictionary<string, object?> Props(params (string Key, object? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static Neo4jGraphStore Store(FakeQueryApi api) => new(api.Client(), FakeQueryApi.Options(), TimeProvider.System);

    private static (HttpStatusCode, string) Empty => FakeQueryApi.Data([]);

    [Fact]
    public async Task Connection_facts_start_from_the_case_and_its_entities_and_keep_a_big_category_as_a_hub()
    {
        var caseNode = FakeQueryApi.Node("Case", Props(("id", "case:a"), ("name", "A"), ("legalStatus", "alleged"), ("categories", new[] { "other" }), ("sources", Array.Empty<string>())));
        var members = Enumerable.Range(0, CaseConnectionRule.HubThreshold + 1)
            .Select(i => new object?[] { "category", "other", $"case:m{i:000}", $"Member {i % 7}", "alleged", "2020", new[] { "2021-03" } })
            .Append(["category", "other", "case:a", "A", "alleged", null, Array.Empty<string>()])
            .ToArray();
        var api = new FakeQueryApi(request =>
            Is(request, "case-facts-cases") ? FakeQueryApi.Data(["caseNode", "related", "reportingSourceIds"], [caseNode, Array.Empty<object>(), Array.Empty<string>()])
            : Is(request, "case-entity-cases") ? FakeQueryApi.Data(["kind", "entityId", "caseId", "name", "legalStatus", "date", "eventDates"], members)
            : Empty);

        var facts = (await Store(api).GetCaseConnectionFactsAsync("case:a", None))!;

        var statements = api.Requests.Select(r => CypherStatements.Available.Single(name => Is(r, name))).ToList();
        Assert.Equal(["case-facts-cases", "case-facts-subjects", "case-facts-events", "case-entity-cases"], statements);
        Assert.All(api.Requests.Take(3), r => Assert.Equal(["case:a"], r.Json.GetProperty("parameters").GetProperty("caseIds").EnumerateArray().Select(x => x.GetString())));
        var entities = api.Requests[3].Json.GetProperty("parameters");
        Assert.Equal("case:a", entities.GetProperty("caseId").GetString());
        Assert.Equal(["other"], entities.GetProperty("categories").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(0, entities.GetProperty("officerIds").GetArrayLength());

        Assert.Empty(facts.Candidates);
        var hub = Assert.Single(facts.Hubs);
        Assert.Equal((CaseConnectionRule.Category, "other", CaseConnectionRule.HubThreshold + 2), (hub.Kind, hub.Node.Id, hub.Cases.Count));
        // Members come in one name-then-id order, the order the rule ranks them by.
        var expected = hub.Cases.OrderBy(m => m.Case.Name, StringComparer.Ordinal).ThenBy(m => m.Case.Id, StringComparer.Ordinal).Select(m => m.Case.Id);
        Assert.Equal(expected, hub.Cases.Select(m => m.Case.Id));
        Assert.Equal(hub.Cases.Select((_, i) => i), hub.Cases.Select(m => m.Order));

        var page = CaseConnectionRule.For(facts, new PageRequest(10), new DateOnly(2026, 1, 1));
        Assert.Equal(CaseConnectionRule.HubThreshold + 1, page.Total);
        Assert.Equal(10, page.Connections.Count);
        Assert.All(page.Connections, c => Assert.Equal(CaseConnectionRule.Category, Assert.Single(c.Links).Kind));
    }

    [Fact]
    public async Task Outcomes_are_one_filtered_aggregation_decided_by_core()
    {
        var api = new FakeQueryApi(request => FakeQueryApi.Data(["caseId", "events"],
            ["case:b", new object[] { new { id = "event:b1", date = "2020-01", kind = "finding", legalStatus = "proven", misconductLevel = "gross_misconduct", sanction = (string?)null },
                                       new { id = "event:b2", date = "2020-02", kind = "sanction", legalStatus = "proven", misconductLevel = (string?)null, sanction = "dismissed" } }],
            ["case:a", Array.Empty<object>()]));

        var outcomes = await Store(api).GetCaseOutcomesAsync("force:met", null, None);

        var request = Assert.Single(api.Requests);
        Assert.True(Is(request, "case-outcome-events"));
        Assert.Equal("force:met", request.Json.GetProperty("parameters").GetProperty("forceId").GetString());
        Assert.Equal(["case:a", "case:b"], outcomes.Select(o => o.CaseId));
        Assert.Equal((OutcomeStatistics.GrossMisconduct, "dismissed"), (outcomes[1].Finding, outcomes[1].Sanctions.Single()));
    }

    [Fact]
    public async Task Source_evidence_asks_for_one_slice_of_nodes_then_the_rest_of_the_page_from_relationships()
    {
        var source = FakeQueryApi.Node("Source", Props(("id", "source:s"), ("name", "S"), ("kind", "report"), ("title", "S"), ("seedFile", "s.md")));
        var cited = FakeQueryApi.Node("Officer", Props(("id", "officer:x"), ("name", "X"), ("sources", new[] { "source:s#p. 4" })));
        var rel = FakeQueryApi.Relationship("SERVED_IN", "4:db:1", "4:db:2", Props(("id", "SERVED_IN:x"), ("sources", new[] { "source:s" })));
        var api = new FakeQueryApi(request =>
            Is(request, "get-nodes") ? FakeQueryApi.Data(["node"], [source])
            : Is(request, "get-sources") ? FakeQueryApi.Data(["id", "title", "kind", "published", "url", "publisher", "seedFile"], ["source:s", "S", "report", null, null, null, "s.md"])
            : Is(request, "source-citing-nodes") ? FakeQueryApi.Data(["total", "nodes"], [4, new[] { cited }])
            : Is(request, "source-citing-relationships") ? FakeQueryApi.Data(["total", "relationships"], [5, new[] { new { relationship = rel, fromNode = cited, toNode = cited } }])
            : Empty);

        var evidence = (await Store(api).GetSourceEvidenceAsync("source:s", new PageRequest(2, Paging.CursorAt(3)), None))!;

        var nodes = api.Requests.Single(r => Is(r, "source-citing-nodes")).Json.GetProperty("parameters");
        Assert.Equal((3, 2), (nodes.GetProperty("skip").GetInt32(), nodes.GetProperty("limit").GetInt32()));
        var rels = api.Requests.Single(r => Is(r, "source-citing-relationships")).Json.GetProperty("parameters");
        Assert.Equal((0, 1), (rels.GetProperty("skip").GetInt32(), rels.GetProperty("limit").GetInt32()));
        Assert.Equal((4, 5, 9), (evidence.NodeTotal, evidence.RelationshipTotal, evidence.Total));
        Assert.Equal(Paging.CursorAt(5), evidence.Next);
    }

    [Fact]
    public async Task Export_reads_nodes_in_keyset_pages_until_a_short_one()
    {
        const int page = 5000;
        var api = new FakeQueryApi(request =>
        {
            var after = request.Json.GetProperty("parameters").GetProperty("after").GetString();
            var count = after == "" ? page : 3;
            var start = after == "" ? 0 : page;
            return FakeQueryApi.Data(["node"], Enumerable.Range(start, count)
                .Select(i => new object?[] { FakeQueryApi.Node("Force", Props(("id", $"force:f{i:00000}"), ("name", $"F{i}"))) }).ToArray());
        });

        var ids = new List<string>();
        await foreach (var node in Store(api).ExportNodesAsync(None)) ids.Add(node.Id);

        Assert.Equal(page + 3, ids.Count);
        Assert.Equal(2, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.True(Is(r, "export-nodes")));
        Assert.Equal($"force:f{page - 1:00000}", api.Requests[1].Json.GetProperty("parameters").GetProperty("after").GetString());
    }
}
