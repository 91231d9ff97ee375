using System.Collections.Concurrent;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Every SERVED_IN spell held in memory, by officer, by place and by force (a force's list counts its units' spells),
/// with periods parsed once, so served-together reads only the records that can matter instead of scanning the table.
/// Built from the SQLite file on first use and dropped by <c>SqliteGraphStore.OnImported</c>, so it cannot drift from
/// the file. Immutable once built; the per-organisation sweeps are built lazily, once each.
/// </summary>
internal sealed class SqliteServiceIndex
{
    private static readonly ServiceSpell[] NoSpells = [];

    private readonly Dictionary<string, ServiceSpell[]> _byOfficer;
    // The served-together rule's tables, built once: officers, units and forces numbered by Keys.
    private readonly Dictionary<string, SpellTable> _atPlace, _inForce;
    private readonly SpellTable _noSpells;
    private readonly ConcurrentDictionary<string, Lazy<ServiceSweep>> _sweeps = new(StringComparer.Ordinal);

    private SqliteServiceIndex(List<ServiceSpell> spells)
    {
        _byOfficer = Group(spells, s => s.Officer.Id);
        _noSpells = new SpellTable(NoSpells, Keys);
        _atPlace = Tables(spells, s => s.Organisation.Id);
        _inForce = Tables(spells.Where(s => ServedTogetherRule.ForceOf(s) is not null), s => ServedTogetherRule.ForceOf(s)!.Id);
        PlaceSizes = ServedTogetherRule.CountOfficers(spells);
    }

    /// <summary>Officers per unit and per force, counted once here rather than from the candidates on every request.</summary>
    public IReadOnlyDictionary<string, int> PlaceSizes { get; }

    public int Count => _byOfficer.Values.Sum(s => s.Length);

    public IReadOnlyList<ServiceSpell> SpellsOf(string officerId) => _byOfficer.GetValueOrDefault(officerId, NoSpells);

    /// <summary>How the tables number officers, units and forces.</summary>
    public SpellKeys Keys { get; } = new();

    /// <summary>Spells at the force or unit itself.</summary>
    public SpellTable SpellsAt(string organisationId) => _atPlace.GetValueOrDefault(organisationId) ?? _noSpells;

    /// <summary>Spells at the force and at every unit that is part of it.</summary>
    public SpellTable SpellsInForce(string forceId) => _inForce.GetValueOrDefault(forceId) ?? _noSpells;

    public ServiceSweep SweepAt(NodeRef organisation) =>
        _sweeps.GetOrAdd(organisation.Id, _ => new Lazy<ServiceSweep>(() => new ServiceSweep(organisation,
            (organisation.Label == Labels.Force ? SpellsInForce(organisation.Id) : SpellsAt(organisation.Id)).Spells))).Value;

    public static SqliteServiceIndex Load(SqliteConnection connection)
    {
        // Each node once: its label and name are read only the first time its id is met.
        var nodes = new Dictionary<string, NodeRef>(StringComparer.Ordinal);
        NodeRef Node(SqliteRow row, int column)
        {
            var id = row.GetString(column);
            return nodes.TryGetValue(id, out var known) ? known : nodes[id] = new NodeRef(id, row.GetString(column + 1), row.GetUniqueString(column + 2));
        }

        // A unit's force: the first by id it is part of, as the rest of the store reads it.
        var forceOfUnit = new Dictionary<string, NodeRef>(StringComparer.Ordinal);
        foreach (var row in connection.Rows(
                     """
                     SELECT p.from_id, f.id, f.label, f.name FROM relationships p JOIN nodes f ON f.id = p.to_id
                     WHERE p.type = 'PART_OF' AND f.label = 'Force' ORDER BY p.from_id, f.id
                     """, CancellationToken.None))
            forceOfUnit.TryAdd(row.GetString(0), Node(row, 1));

        // Dates and citations repeat across spells and come from the query's string pool, one string each.
        var spells = new List<ServiceSpell>();
        foreach (var row in connection.Rows(
                     """
                     SELECT r.id, off.id, off.label, off.name, o.id, o.label, o.name,
                            json_extract(r.properties, '$.from'), json_extract(r.properties, '$.to'), r.sources
                     FROM relationships r JOIN nodes off ON off.id = r.from_id JOIN nodes o ON o.id = r.to_id
                     WHERE r.type = 'SERVED_IN' ORDER BY r.id
                     """, CancellationToken.None))
        {
            var place = Node(row, 4);
            var force = place.Label == Labels.Force ? place : forceOfUnit.GetValueOrDefault(place.Id);
            spells.Add(new ServiceSpell(row.GetUniqueString(0), Node(row, 1), place, force, row.NullableString(7), row.NullableString(8), row.List(9)));
        }
        return new SqliteServiceIndex(spells);
    }

    private Dictionary<string, SpellTable> Tables(IEnumerable<ServiceSpell> spells, Func<ServiceSpell, string> key) =>
        Group(spells, key).ToDictionary(g => g.Key, g => new SpellTable(g.Value, Keys), StringComparer.Ordinal);

    private static Dictionary<string, ServiceSpell[]> Group(IEnumerable<ServiceSpell> spells, Func<ServiceSpell, string> key) =>
        spells.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
}
