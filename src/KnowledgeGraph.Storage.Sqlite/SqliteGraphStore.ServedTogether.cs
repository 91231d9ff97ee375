using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Swapped (never mutated) by OnImported; a read in flight keeps the index it started with.
    private volatile Lazy<SqliteServiceIndex> _serviceIndex;

    private Lazy<SqliteServiceIndex> NewServiceIndex() => new(() =>
    {
        using var connection = Open();
        return SqliteServiceIndex.Load(connection);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public async Task<ServedTogetherResult?> FindServedTogetherAsync(ServedTogetherQuery query, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var officer = await LoadNodeAsync(connection, query.OfficerId, cancellationToken);
        if (officer is null || officer.Label != Labels.Officer) return null;

        // Only the officer's own places are read: at force scope a force's list already holds its units' spells.
        var index = _serviceIndex.Value;
        var own = index.SpellsOf(officer.Id);
        var places = new List<SpellTable>();
        foreach (var spell in own)
        {
            var table = query.Scope == ServiceScope.Force && ServedTogetherRule.ForceOf(spell) is { } force ? index.SpellsInForce(force.Id)
                : spell.Organisation.Label == Labels.Unit ? index.SpellsAt(spell.Organisation.Id) : null;
            // Each table once: the rule would count a spell twice if two of the officer's spells in one force read its table twice.
            if (table is not null && !places.Contains(table)) places.Add(table);
        }

        var workedWith = await connection.QueryAsync(
            $"SELECT {RelationshipColumns} FROM relationships r WHERE r.type = 'WORKED_WITH' AND (r.from_id = $id OR r.to_id = $id)",
            r => ReadRelationship(r), cancellationToken, ("$id", officer.Id));
        var ends = await LoadNodesAsync(connection, workedWith.SelectMany(r => new[] { r.From, r.To }), cancellationToken);
        var facts = workedWith.Select(r => new WorkedWithFact(NodeRef.Of(ends[r.From]), NodeRef.Of(ends[r.To]), r.Sources)).ToList();

        return await ServedTogetherRule.ForOfficerAsync(NodeRef.Of(officer), query.Scope, own, places, index.Keys, facts, query.Page, Today,
            async (citations, ct) => await LoadSourceRefsAsync(connection, citations, ct), cancellationToken, index.PlaceSizes);
    }

    public async Task<OrganisationServedTogether?> FindServedTogetherAtAsync(OrganisationServedTogetherQuery query, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var organisation = await LoadNodeAsync(connection, query.OrganisationId, cancellationToken);
        if (organisation is null || organisation.Label is not (Labels.Force or Labels.Unit)) return null;

        var sweep = _serviceIndex.Value.SweepAt(NodeRef.Of(organisation));
        return await ServedTogetherRule.AtOrganisationAsync(sweep, query.From, query.To, query.Page, Today,
            async (citations, ct) => await LoadSourceRefsAsync(connection, citations, ct), cancellationToken);
    }
}
