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

    public async Task<IReadOnlyList<CaseFacts>> GetCaseFactsAsync(CancellationToken cancellationToken)
    {
        var cases = (await RunAsync("case-facts-cases", cancellationToken)).Rows
            .Select(r => (Case: Neo4jValues.ToNode(r["caseNode"]), Related: Nodes(r["related"]), Reporting: Strings(r["reportingSourceIds"])))
            .ToList();
        var subjects = (await RunAsync("case-facts-subjects", cancellationToken)).Rows
            .Select(r => (CaseId: r.RequiredString("caseId"), Officer: Neo4jValues.ToNode(r["officer"]), Role: r.String("role"),
                LegalStatus: r.String("legalStatus")))
            .ToList();
        var events = (await RunAsync("case-facts-events", cancellationToken)).Rows
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

    private static List<GraphNode> Nodes(JsonElement list) => list.EnumerateArray().Select(Neo4jValues.ToNode).ToList();

    private static List<string> Strings(JsonElement list) => list.EnumerateArray().Select(s => s.GetString()).OfType<string>().ToList();
}
