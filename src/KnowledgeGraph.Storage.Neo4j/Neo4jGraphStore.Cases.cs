using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using KnowledgeGraph.Storage.Neo4j.QueryApi;

namespace KnowledgeGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private async Task<List<ServiceRecord>> LoadServiceAsync(string statement, (string Name, object? Value) parameter, CancellationToken cancellationToken)
    {
        var rows = (await RunAsync(statement, cancellationToken, parameter)).Rows
            .Select(r =>
            {
                var officer = Neo4jValues.ToNode(r["officer"]);
                var place = Neo4jValues.ToNode(r["place"]);
                return (Relationship: Neo4jValues.ToRelationship(r["relationship"], officer.Id, place.Id), Officer: NodeRef.Of(officer),
                    Organisation: NodeRef.Of(place), ForceId: r.String("forceId"));
            })
            .DistinctBy(r => r.Relationship.Id)
            .OrderBy(r => r.Relationship.Id, StringComparer.Ordinal)
            .ToList();
        var refs = await LoadSourceRefsAsync(rows.SelectMany(r => r.Relationship.Sources), cancellationToken);
        return rows.Select(r => new ServiceRecord(r.Relationship.Id, r.Officer, r.Organisation, r.ForceId,
            r.Relationship.Text("from"), r.Relationship.Text("to"), r.Relationship.Text("rank"), Citations.Cite(r.Relationship.Sources, refs))).ToList();
    }

    public async Task<CaseTimeline?> GetCaseTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        var @case = await LoadNodeAsync(caseId, cancellationToken);
        if (@case is null || @case.Label != Labels.Case) return null;

        var rows = (await RunAsync("case-timeline", cancellationToken, ("caseId", caseId))).Rows
            .Select(r => (Event: Neo4jValues.ToNode(r["event"]), Actors: r["actors"].EnumerateArray()
                .Select(a => new Actor(NodeRef.Of(Neo4jValues.ToNode(a.GetProperty("node"))), Neo4jValues.Text(a, "role"))).ToList()))
            .ToList();
        var refs = await LoadSourceRefsAsync(rows.SelectMany(r => r.Event.Sources), cancellationToken);

        var timeline = rows.Select(r => CaseRecords.ToTimelineEvent(r.Event, r.Actors, Citations.Cite(r.Event.Sources, refs)));
        return new CaseTimeline(NodeRef.Of(@case), @case.Text("legalStatus") ?? "unknown", TimelineOrder.Sort(timeline));
    }

    /// <summary>The facts of the given cases only (three statements, each starting from the case ids).</summary>
    private async Task<List<CaseFacts>> LoadCaseFactsAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0) return [];
        var ids = caseIds.ToArray();
        var cases = (await RunAsync("case-facts-cases", cancellationToken, ("caseIds", ids))).Rows
            .Select(r => (Case: Neo4jValues.ToNode(r["caseNode"]), Related: Nodes(r["related"]), Reporting: Strings(r["reportingSourceIds"])))
            .ToList();
        var subjects = (await RunAsync("case-facts-subjects", cancellationToken, ("caseIds", ids))).Rows
            .Select(r => (CaseId: r.RequiredString("caseId"), Officer: Neo4jValues.ToNode(r["officer"]), Role: r.String("role"),
                LegalStatus: r.String("legalStatus")))
            .ToList();
        var events = (await RunAsync("case-facts-events", cancellationToken, ("caseIds", ids))).Rows
            .Select(r => (CaseId: r.RequiredString("caseId"), Event: Neo4jValues.ToNode(r["event"]), Actors: Nodes(r["actors"])))
            .ToList();
        var officerIds = subjects.Select(s => s.Officer.Id).Distinct().ToArray();
        var service = (officerIds.Length == 0 ? [] : await LoadServiceAsync("service-records-of-officers", ("officerIds", officerIds), cancellationToken))
            .ToLookup(s => s.Officer.Id);
        var refs = await LoadSourceRefsAsync(cases.SelectMany(c => c.Reporting.Concat(c.Case.Sources)), cancellationToken);
        var subjectsByCase = subjects.ToLookup(s => s.CaseId);
        var eventsByCase = events.ToLookup(e => e.CaseId);

        return cases.Select(c => CaseRecords.ToCaseFacts(
            c.Case,
            subjectsByCase[c.Case.Id].Select(s => new SubjectFact(NodeRef.Of(s.Officer), s.Role, s.LegalStatus ?? "unknown", service[s.Officer.Id].ToList()))
                .ToList(),
            CaseRecords.ToEventFacts(eventsByCase[c.Case.Id].Select(e => (e.Event, (IReadOnlyList<NodeRef>)e.Actors.Select(NodeRef.Of).ToList()))),
            Citations.Cite(c.Reporting.Concat(c.Case.Sources), refs),
            c.Related.Select(NodeRef.Of)))
            .ToList();
    }

    public async Task<CaseConnectionFacts?> GetCaseConnectionFactsAsync(string caseId, CancellationToken cancellationToken)
    {
        var subject = (await LoadCaseFactsAsync([caseId], cancellationToken)).SingleOrDefault();
        if (subject is null) return null;

        // Start from the case's own entities; every case sharing one comes back once per entity.
        var entities = CaseConnectionRule.EntitiesOf(subject).DistinctBy(e => e.Key).ToList();
        string[] Ids(string kind) => entities.Where(e => e.Kind == kind).Select(e => e.Node.Id).ToArray();
        var rows = (await RunAsync("case-entity-cases", cancellationToken, ("caseId", caseId),
                ("officerIds", Ids(CaseConnectionRule.Officer)), ("unitIds", Ids(CaseConnectionRule.Unit)), ("forceIds", Ids(CaseConnectionRule.Force)),
                ("institutionIds", Ids(CaseConnectionRule.Institution)), ("sourceIds", Ids(CaseConnectionRule.Source)),
                ("categories", Ids(CaseConnectionRule.Category)))).Rows
            .Select(r => (Kind: r.RequiredString("kind"), Entity: r.RequiredString("entityId"), CaseId: r.RequiredString("caseId"),
                Name: r.String("name") ?? r.RequiredString("caseId"), LegalStatus: r.String("legalStatus") ?? "unknown",
                Period: CaseConnectionRule.CasePeriod(r.String("date"), Strings(r["eventDates"]))))
            .DistinctBy(r => (r.Kind, r.Entity, r.CaseId))
            .ToList();

        var nodes = entities.ToDictionary(e => e.Key, e => e.Node, StringComparer.Ordinal);
        var hubs = new List<(string Kind, NodeRef Node, List<(string CaseId, string Name, string LegalStatus, Period Period)> Members)>();
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(r => (r.Kind, r.Entity)))
        {
            var members = group.Select(r => (r.CaseId, r.Name, r.LegalStatus, r.Period)).ToList();
            if (CaseConnectionRule.CanBeHub(group.Key.Kind) && members.Count > CaseConnectionRule.HubThreshold)
                hubs.Add((group.Key.Kind, nodes.GetValueOrDefault(new CaseEntity(group.Key.Kind, new NodeRef(group.Key.Entity, "", "")).Key)
                    ?? new NodeRef(group.Key.Entity, group.Key.Kind, group.Key.Entity), members));
            else candidates.UnionWith(members.Select(m => m.CaseId));
        }
        candidates.Remove(caseId);

        // One name-then-id order across every hub of this answer (the rule ranks members by it).
        var order = hubs.SelectMany(h => h.Members).DistinctBy(m => m.CaseId)
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.CaseId, StringComparer.Ordinal)
            .Select((m, i) => (m.CaseId, i)).ToDictionary(x => x.CaseId, x => x.i, StringComparer.Ordinal);
        // A force reached through one of its units is known by id only; name it.
        var named = await LoadNodesAsync(hubs.Where(h => h.Kind == CaseConnectionRule.Force && h.Node.Name == h.Node.Id).Select(h => h.Node.Id), cancellationToken);
        var caseHubs = hubs.Select(h => new CaseHub(h.Kind, named.TryGetValue(h.Node.Id, out var node) ? NodeRef.Of(node) : h.Node,
            h.Members.Select(m => new CaseHubMember(new NodeRef(m.CaseId, Labels.Case, m.Name), m.LegalStatus, m.Period, order[m.CaseId]))
                .OrderBy(m => m.Order).ToList())).ToList();
        return new CaseConnectionFacts(subject, await LoadCaseFactsAsync(candidates, cancellationToken), caseHubs);
    }

    public async Task<IReadOnlyList<CaseOutcome>> GetCaseOutcomesAsync(string? forceId, string? category, CancellationToken cancellationToken) =>
        (await RunAsync("case-outcome-events", cancellationToken, ("forceId", forceId), ("category", category))).Rows
            .Select(r => OutcomeStatistics.OutcomeOf(r.RequiredString("caseId"), CaseRecords.ToEventFacts(r["events"].EnumerateArray()
                .Select(e => (new GraphNode(Neo4jValues.Text(e, "id")!, Labels.Event, "", [], EventProperties(e), []), (IReadOnlyList<NodeRef>)[])))))
            .OrderBy(o => o.CaseId, StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, object?> EventProperties(JsonElement e) => new(StringComparer.Ordinal)
    {
        ["date"] = Neo4jValues.Text(e, "date"), ["kind"] = Neo4jValues.Text(e, "kind"), ["legalStatus"] = Neo4jValues.Text(e, "legalStatus"),
        ["misconductLevel"] = Neo4jValues.Text(e, "misconductLevel"), ["sanction"] = Neo4jValues.Text(e, "sanction"),
    };

    private static List<GraphNode> Nodes(JsonElement list) => list.EnumerateArray().Select(Neo4jValues.ToNode).ToList();

    private static List<string> Strings(JsonElement list) => list.EnumerateArray().Select(s => s.GetString()).OfType<string>().ToList();
}
