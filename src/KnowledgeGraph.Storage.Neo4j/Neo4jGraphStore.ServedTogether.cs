using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<ServedTogetherResult?> FindServedTogetherAsync(ServedTogetherQuery query, CancellationToken cancellationToken)
    {
        var officer = await LoadNodeAsync(query.OfficerId, cancellationToken);
        if (officer is null || officer.Label != Labels.Officer) return null;

        // The officer's own places; at force scope also their forces and those forces' units: every spell the rule could pair.
        var places = (await RunAsync("officer-service-places", cancellationToken, ("officerId", officer.Id))).Rows
            .Select(p => (Place: p.RequiredString("organisationId"), Force: p.String("forceId"))).ToList();
        var organisationIds = places.Select(p => p.Place).ToList();
        if (query.Scope == ServiceScope.Force)
        {
            var forceIds = places.Select(p => p.Force).OfType<string>().Distinct().ToArray();
            if (forceIds.Length > 0)
                organisationIds.AddRange(forceIds.Concat((await RunAsync("units-of-forces", cancellationToken, ("forceIds", forceIds))).Rows
                    .Select(r => r.RequiredString("id"))));
        }
        var spells = organisationIds.Count == 0 ? [] : await LoadSpellsAsync(organisationIds.Distinct().ToArray(), cancellationToken);
        var own = spells.Where(s => s.Officer.Id == officer.Id).ToList();

        var workedWith = (await RunAsync("worked-with", cancellationToken, ("officerId", officer.Id))).Rows
            .Select(r => new WorkedWithFact(NodeRef.Of(Neo4jValues.ToNode(r["officer"])), NodeRef.Of(Neo4jValues.ToNode(r["otherOfficer"])),
                Neo4jValues.List(r["relationship"].GetProperty("properties"), "sources")))
            .ToList();

        return await ServedTogetherRule.ForOfficerAsync(NodeRef.Of(officer), query.Scope, own, spells, workedWith, query.Page, Today,
            async (citations, ct) => await LoadSourceRefsAsync(citations, ct), cancellationToken);
    }

    public async Task<OrganisationServedTogether?> FindServedTogetherAtAsync(OrganisationServedTogetherQuery query, CancellationToken cancellationToken)
    {
        var organisation = await LoadNodeAsync(query.OrganisationId, cancellationToken);
        if (organisation is null || organisation.Label is not (Labels.Force or Labels.Unit)) return null;

        var units = organisation.Label == Labels.Force
            ? (await RunAsync("units-of-forces", cancellationToken, ("forceIds", new[] { organisation.Id }))).Rows.Select(r => r.RequiredString("id"))
            : [];
        var spells = await LoadSpellsAsync(units.Prepend(organisation.Id).ToArray(), cancellationToken);
        var sweep = new ServiceSweep(NodeRef.Of(organisation), spells);
        return await ServedTogetherRule.AtOrganisationAsync(sweep, query.From, query.To, query.Page, Today,
            async (citations, ct) => await LoadSourceRefsAsync(citations, ct), cancellationToken);
    }

    private async Task<List<ServiceSpell>> LoadSpellsAsync(string[] organisationIds, CancellationToken cancellationToken) =>
        (await RunAsync("service-records-at-organisations", cancellationToken, ("organisationIds", organisationIds))).Rows
            .Select(r =>
            {
                var officer = Neo4jValues.ToNode(r["officer"]);
                var place = Neo4jValues.ToNode(r["place"]);
                var relationship = Neo4jValues.ToRelationship(r["relationship"], officer.Id, place.Id);
                var force = r.String("forceId") is { } forceId ? new NodeRef(forceId, Labels.Force, r.String("forceName") ?? forceId) : null;
                return new ServiceSpell(relationship.Id, NodeRef.Of(officer), NodeRef.Of(place), force, relationship.Text("from"),
                    relationship.Text("to"), relationship.Sources);
            })
            .DistinctBy(s => s.RelationshipId)
            .ToList();
}
