using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Rules;

/// <summary>
/// Numbers for the ids served-together compares (officers, units, forces), so a spell can be a row of numbers. One
/// numbering is shared by every table a question reads and by the officer's own spells. Filled while tables are built,
/// then only read: a store's numbering is read by many requests at once, which a Dictionary allows when nothing writes.
/// </summary>
public sealed class SpellKeys
{
    /// <summary>What <see cref="Find"/> gives for an id it has not numbered; no row ever holds it, so it matches nothing.</summary>
    public const int Unknown = -2;

    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public int Count => _numbers.Count;

    public int Add(string id)
    {
        if (_numbers.TryGetValue(id, out var known)) return known;
        _numbers[id] = _numbers.Count;
        return _numbers.Count - 1;
    }

    public int Find(string id) => _numbers.TryGetValue(id, out var known) ? known : Unknown;
}

/// <summary>
/// One spell as served-together's first pass reads it: who, where, the force it counts in (<see cref="NoForce"/>:
/// none), and the bounds of its period as day numbers (the same bounds <see cref="ServiceSpell"/> gives).
/// </summary>
internal readonly record struct SpellRow(int Officer, int Place, int Force, int EarliestStart, int LatestEnd, int LatestStart, int EarliestEnd)
{
    public const int NoForce = -1;
    /// <summary>A bound that is not known (<see cref="LatestStart"/>, <see cref="EarliestEnd"/>).</summary>
    public const int UnknownDay = int.MinValue;
    /// <summary><see cref="EarliestEnd"/> of a spell still ongoing: today, whichever day the question is asked.</summary>
    public const int OpenEnd = int.MaxValue;

    /// <summary>The row of a spell, its ids numbered by <paramref name="number"/> (a numbering's Add while tables are
    /// built; its Find for a question's own spells, as a store's numbering is shared).</summary>
    public static SpellRow Of(ServiceSpell spell, Func<string, int> number) => new(
        number(spell.Officer.Id), number(spell.Organisation.Id),
        ServedTogetherRule.ForceOf(spell) is { } force ? number(force.Id) : NoForce,
        spell.EarliestStart.DayNumber, spell.LatestEnd.DayNumber, spell.LatestStart?.DayNumber ?? UnknownDay,
        // Today matters only to an ongoing spell, and that one is OpenEnd, so any day may be passed for the others.
        spell.IsOngoing ? OpenEnd : spell.EarliestEnd(DateOnly.MinValue)?.DayNumber ?? UnknownDay);

    /// <summary>Whether the two spells may share a day (exactly <see cref="ServiceSpell.CanMeet"/>).</summary>
    public bool CanMeet(in SpellRow other) =>
        Math.Max(EarliestStart, other.EarliestStart) <= Math.Min(LatestEnd, other.LatestEnd);

    /// <summary>Days both spells surely cover (an open end runs to today; an unknown bound gives 0). Positive exactly
    /// when Period.OverlapWith says Certain (the same bounds: latest possible starts, earliest possible ends).</summary>
    public int SureDays(in SpellRow other, int today)
    {
        if (LatestStart == UnknownDay || other.LatestStart == UnknownDay) return 0;
        var end = Math.Min(EndOn(today), other.EndOn(today));
        if (end == UnknownDay) return 0;
        var start = Math.Max(LatestStart, other.LatestStart);
        return end < start ? 0 : end - start + 1;
    }

    private int EndOn(int today) => EarliestEnd == OpenEnd ? today : EarliestEnd;
}

/// <summary>
/// The spells of one place (a unit, or a force with its units) as an array of <see cref="SpellRow"/>s beside the spells
/// themselves, so the first pass over a force's tens of thousands of spells reads memory in order instead of following
/// each spell's objects. A store that keeps its spells builds its tables once; otherwise the rule builds one per question.
/// </summary>
public sealed class SpellTable
{
    private readonly SpellRow[] _rows;
    // Each row's officer, beside the rows: the first pass keeps a reference to each co-worker, and reading it from the
    // spell object cost a cache miss per spell (a force's spells are scattered over the heap), most of the pass.
    private readonly NodeRef[] _officers;

    public SpellTable(IReadOnlyList<ServiceSpell> spells, SpellKeys keys)
    {
        Spells = spells;
        _rows = new SpellRow[spells.Count];
        _officers = new NodeRef[spells.Count];
        for (var i = 0; i < _rows.Length; i++)
        {
            _rows[i] = SpellRow.Of(spells[i], keys.Add);
            _officers[i] = spells[i].Officer;
        }
    }

    public IReadOnlyList<ServiceSpell> Spells { get; }

    public int Count => _rows.Length;

    internal ReadOnlySpan<SpellRow> Rows => _rows;

    internal ReadOnlySpan<NodeRef> Officers => _officers;
}
