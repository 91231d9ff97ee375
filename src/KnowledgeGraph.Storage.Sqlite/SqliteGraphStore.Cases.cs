using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Every SERVED_IN with its organisation and the force that organisation is (or is part of).
    private const string ServiceSql =
        """
        WITH service AS (
            SELECT r.id AS rel_id, off.id AS officer_id, off.label AS officer_label, off.name AS officer_name,
                   o.id AS org_id, o.label AS org_label, o.name AS org_name, r.properties, r.sources,
                   CASE WHEN o.label = 'Force' THEN o.id
                        ELSE (SELECT p.to_id FROM relationships p WHERE p.from_id = o.id AND p.type = 'PART_OF' ORDER BY p.to_id LIMIT 1)
                   END AS force_id
            FROM relationships r JOIN nodes o ON o.id = r.to_id JOIN nodes off ON off.id = r.from_id
            WHERE r.type = 'SERVED_IN')
        SELECT rel_id, officer_id, officer_label, officer_name, org_id, org_label, org_name, force_id, properties, sources FROM service
        """;

    private async Task<List<ServiceRecord>> LoadServiceAsync(SqliteConnection connection, string where, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var rows = await connection.QueryAsync($"{ServiceSql} {where} ORDER BY rel_id",
            r => (Id: r.GetString(0), Officer: new NodeRef(r.GetString(1), r.GetString(2), r.GetString(3)),
                Organisation: new NodeRef(r.GetString(4), r.GetString(5), r.GetString(6)), ForceId: r.NullableString(7),
                Properties: r.Properties(8), Sources: r.List(9)),
            cancellationToken, parameters);
        var refs = await LoadSourceRefsAsync(connection, rows.SelectMany(r => r.Sources), cancellationToken);
        return rows.Select(r => new ServiceRecord(r.Id, r.Officer, r.Organisation, r.ForceId,
            r.Properties.GetValueOrDefault("from") as string, r.Properties.GetValueOrDefault("to") as string,
            r.Properties.GetValueOrDefault("rank") as string, Citations.Cite(r.Sources, refs))).ToList();
    }

    public async Task<CaseTimeline?> GetCaseTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var @case = await LoadNodeAsync(connection, caseId, cancellationToken);
        if (@case is null || @case.Label != Labels.Case) return null;

        var events = await connection.QueryAsync(
            $"SELECT {NodeColumns} FROM relationships h JOIN nodes n ON n.id = h.to_id WHERE h.from_id = $case AND h.type = 'HAS_EVENT'",
            r => ReadNode(r), cancellationToken, ("$case", caseId));
        var actors = await LoadActorsAsync(connection, events.Select(e => e.Id), cancellationToken);
        var refs = await LoadSourceRefsAsync(connection, events.SelectMany(e => e.Sources), cancellationToken);

        var timeline = events.Select(e => CaseRecords.ToTimelineEvent(e, actors.GetValueOrDefault(e.Id) ?? [], Citations.Cite(e.Sources, refs)));
        return new CaseTimeline(NodeRef.Of(@case), @case.Text("legalStatus") ?? "unknown", TimelineOrder.Sort(timeline));
    }

    /// <summary>Who acted in each event (BY relationships), in a stable order.</summary>
    private static async Task<Dictionary<string, List<Actor>>> LoadActorsAsync(SqliteConnection connection, IEnumerable<string> eventIds,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            """
            SELECT b.from_id, a.id, a.label, a.name, b.properties FROM relationships b JOIN nodes a ON a.id = b.to_id
            WHERE b.type = 'BY' AND b.from_id IN (SELECT value FROM json_each($ids))
            ORDER BY b.from_id, a.id
            """,
            r => (Event: r.GetString(0), Actor: new Actor(new NodeRef(r.GetString(1), r.GetString(2), r.GetString(3)),
                r.Properties(4).GetValueOrDefault("role") as string)),
            cancellationToken, ("$ids", PropertyJson.WriteList(eventIds)));
        return rows.GroupBy(r => r.Event).ToDictionary(g => g.Key, g => g.Select(x => x.Actor).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Every case's facts in one pass (the case index is built from these; never per request).</summary>
    private async Task<List<CaseFacts>> LoadAllCaseFactsAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var cases = await connection.QueryAsync($"SELECT {NodeColumns} FROM nodes n WHERE n.label = 'Case' ORDER BY n.id", r => ReadNode(r), cancellationToken);
        var caseRels = await connection.QueryAsync(
            $"SELECT {RelationshipColumns} FROM relationships r WHERE r.type IN ('SUBJECT_OF', 'HAS_EVENT', 'REPORTS_ON', 'COMMENTS_ON', 'RELATED_TO') ORDER BY r.id",
            r => ReadRelationship(r), cancellationToken);
        // Only the subjects' spells: the facts hold service for subjects alone, and a national graph has far more officers
        // than subjects.
        var service = (await LoadServiceAsync(connection, "WHERE officer_id IN (SELECT from_id FROM relationships WHERE type = 'SUBJECT_OF')",
            cancellationToken)).ToLookup(s => s.Officer.Id);
        var events = await connection.QueryAsync($"SELECT {NodeColumns} FROM nodes n WHERE n.label = 'Event'", r => ReadNode(r), cancellationToken);
        var eventsById = events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var actors = await LoadActorsAsync(connection, events.Select(e => e.Id), cancellationToken);
        var people = await LoadNodesAsync(connection, caseRels.Where(r => r.Type is RelationshipTypes.SubjectOf).Select(r => r.From), cancellationToken);
        var caseNames = cases.ToDictionary(c => c.Id, NodeRef.Of, StringComparer.Ordinal);
        var sourceIds = caseRels.Where(r => r.Type is RelationshipTypes.ReportsOn or RelationshipTypes.CommentsOn).Select(r => r.From)
            .Concat(cases.SelectMany(c => c.Sources));
        var refs = await LoadSourceRefsAsync(connection, sourceIds, cancellationToken);

        // One pass to index relationships by case; scanning all of them per case would be quadratic.
        var byCase = caseRels.SelectMany(r => r.Type is RelationshipTypes.HasEvent ? [(Case: r.From, Rel: r)]
                : r.Type is RelationshipTypes.RelatedTo ? [(Case: r.From, Rel: r), (Case: r.To, Rel: r)]
                : new[] { (Case: r.To, Rel: r) })
            .ToLookup(x => x.Case, x => x.Rel, StringComparer.Ordinal);
        return cases.Select(c =>
        {
            var mine = byCase[c.Id].ToList();
            var subjects = mine.Where(r => r.Type == RelationshipTypes.SubjectOf)
                .Select(r => new SubjectFact(NodeRef.Of(people[r.From]), r.Text("role"), r.Text("legalStatus") ?? "unknown", service[r.From].ToList()))
                .ToList();
            var caseEvents = CaseRecords.ToEventFacts(mine.Where(r => r.Type == RelationshipTypes.HasEvent).Select(r => eventsById[r.To])
                .Select(e => (e, (IReadOnlyList<NodeRef>)(actors.GetValueOrDefault(e.Id) ?? []).Select(a => a.Node).ToList())));
            var sources = mine.Where(r => r.Type is RelationshipTypes.ReportsOn or RelationshipTypes.CommentsOn).Select(r => r.From).Concat(c.Sources);
            var related = mine.Where(r => r.Type == RelationshipTypes.RelatedTo).Select(r => caseNames[r.From == c.Id ? r.To : r.From]);
            return CaseRecords.ToCaseFacts(c, subjects, caseEvents, Citations.Cite(sources, refs), related);
        }).ToList();
    }
}
