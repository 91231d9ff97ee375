using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using KnowledgeGraph.Storage.Neo4j.QueryApi;

namespace KnowledgeGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<ServedTogetherResult?> FindServedTogetherAsync(string officerId, ServiceScope scope, CancellationToken cancellationToken)
    {
        var officer = await LoadNodeAsync(officerId, cancellationToken);
        if (officer is null || officer.Label != Labels.Officer) return null;

        // The officer's own places, the forces they belong to and those forces' units: every record the rule could pair.
        var places = (await RunAsync("officer-service-places", cancellationToken, ("officerId", officerId))).Rows;
        var forceIds = places.Select(p => p.String("forceId")).OfType<string>().Distinct().ToArray();
        var units = forceIds.Length == 0 ? [] : (await RunAsync("units-of-forces", cancellationToken, ("forceIds", forceIds))).Rows
            .Select(r => r.RequiredString("id"));
        var organisationIds = places.Select(p => p.RequiredString("organisationId")).Concat(forceIds).Concat(units).Distinct().ToArray();
        var records = await LoadServiceAsync("service-records-at-organisations", ("organisationIds", organisationIds), cancellationToken);

        var workedWith = (await RunAsync("worked-with", cancellationToken, ("officerId", officerId))).Rows
            .Select(r => (Officer: Neo4jValues.ToNode(r["officer"]), Other: Neo4jValues.ToNode(r["otherOfficer"]),
                Sources: Neo4jValues.List(r["relationship"].GetProperty("properties"), "sources")))
            .ToList();
        var refs = await LoadSourceRefsAsync(workedWith.SelectMany(w => w.Sources), cancellationToken);
        var facts = workedWith.Select(w => new WorkedWithFact(NodeRef.Of(w.Officer), NodeRef.Of(w.Other), Citations.Cite(w.Sources, refs))).ToList();

        return new ServedTogetherResult(NodeRef.Of(officer), scope, ServedTogetherRule.ForOfficer(officerId, records, facts, scope, Today));
    }

    public async Task<OrganisationServedTogether?> FindServedTogetherAtAsync(OrganisationServedTogetherQuery query, CancellationToken cancellationToken)
    {
        var organisation = await LoadNodeAsync(query.OrganisationId, cancellationToken);
        if (organisation is null || organisation.Label is not (Labels.Force or Labels.Unit)) return null;

        var units = organisation.Label == Labels.Force
            ? (await RunAsync("units-of-forces", cancellationToken, ("forceIds", new[] { organisation.Id }))).Rows.Select(r => r.RequiredString("id"))
            : [];
        var records = await LoadServiceAsync("service-records-at-organisations", ("organisationIds", units.Prepend(organisation.Id).ToArray()),
            cancellationToken);
        var (pairs, truncated) = ServedTogetherRule.AtOrganisation(NodeRef.Of(organisation), records, query.From, query.To, query.Limit, Today);
        return new OrganisationServedTogether(NodeRef.Of(organisation), pairs, truncated);
    }

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
