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
/// <remarks>
/// The rows are laid out so that a question reads only the rows whose dates can meet its officer's
/// (<see cref="RangesMeeting"/>): a national force holds 80,000 spells over forty years, and an officer who served five of
/// them used to read all 80,000 to find a few thousand co-workers. Three runs, each by earliest start:
/// <list type="bullet">
/// <item>short spells (at most <see cref="ShortSpan"/> days from earliest start to latest end): the rows that can meet a
/// period are one stretch, found by binary search, since each began at most that long before the period;</item>
/// <item>long spells with a known end (careers, unknown starts): read up to the period's end and skipped a block at a time
/// where no spell in the block lasts into the period;</item>
/// <item>spells with no latest end (still going on, or the end unknown): every one begun by the period's end can meet it.</item>
/// </list>
/// A third of the spells of a national force have no latest end: kept among the others, one would sit in nearly every
/// block and no block could be skipped.
/// </remarks>
public sealed class SpellTable
{
    /// <summary>The longest span (earliest start to latest end) of a spell in the short run: five years.</summary>
    internal const int ShortSpan = 5 * 366;

    // Rows of the long run per block; a block is skipped when none of its spells lasts into the period asked about.
    private const int Block = 64;

    private static readonly int NoLatestEnd = DateOnly.MaxValue.DayNumber;

    private readonly SpellRow[] _rows;
    // Each row's officer, beside the rows: the first pass keeps a reference to each co-worker, and reading it from the
    // spell object cost a cache miss per spell (a force's spells are scattered over the heap), most of the pass.
    private readonly NodeRef[] _officers;
    private readonly int[] _spellOf;        // row → its spell's index in Spells (the order the store gave)
    private readonly int _longFrom, _openFrom; // where the long run and the run with no latest end begin
    private readonly int[] _blockLatestEnd; // the long run's blocks: the latest LatestEnd of each

    public SpellTable(IReadOnlyList<ServiceSpell> spells, SpellKeys keys)
    {
        Spells = spells;
        var rows = new SpellRow[spells.Count];
        for (var i = 0; i < rows.Length; i++) rows[i] = SpellRow.Of(spells[i], keys.Add);

        int RunOf(int i) => rows[i].LatestEnd == NoLatestEnd ? 2 : (long)rows[i].LatestEnd - rows[i].EarliestStart <= ShortSpan ? 0 : 1;
        // By run, then earliest start, then the store's order (stable, so every build of the same spells reads alike),
        // as one number each: sorting numbers keeps a table built per question (a store that keeps none) cheap.
        // A day number is below 2^22 (DateOnly.MaxValue), and a table holds fewer than 2^31 spells.
        var order = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++) order[i] = ((long)RunOf(i) << 53) | ((long)rows[i].EarliestStart << 31) | (uint)i;
        Array.Sort(order);
        _spellOf = order.Select(o => (int)(o & int.MaxValue)).ToArray();
        _longFrom = _spellOf.Count(i => RunOf(i) == 0);
        _openFrom = _longFrom + _spellOf.Count(i => RunOf(i) == 1);

        _rows = new SpellRow[rows.Length];
        _officers = new NodeRef[rows.Length];
        for (var at = 0; at < _rows.Length; at++)
        {
            _rows[at] = rows[_spellOf[at]];
            _officers[at] = spells[_spellOf[at]].Officer;
        }
        _blockLatestEnd = new int[(_openFrom - _longFrom + Block - 1) / Block];
        for (var b = 0; b < _blockLatestEnd.Length; b++)
        {
            var latest = int.MinValue;
            for (int at = _longFrom + b * Block, end = Math.Min(at + Block, _openFrom); at < end; at++)
                latest = Math.Max(latest, _rows[at].LatestEnd);
            _blockLatestEnd[b] = latest;
        }
    }

    /// <summary>The spells in the order the store gave them (rows are laid out differently: <see cref="SpellAt"/>).</summary>
    public IReadOnlyList<ServiceSpell> Spells { get; }

    public int Count => _rows.Length;

    internal ReadOnlySpan<SpellRow> Rows => _rows;

    internal ReadOnlySpan<NodeRef> Officers => _officers;

    /// <summary>The spell of a row.</summary>
    internal ServiceSpell SpellAt(int row) => Spells[_spellOf[row]];

    /// <summary>Where a row's spell is in <see cref="Spells"/>: the order candidates were given in.</summary>
    internal int OrderOf(int row) => _spellOf[row];

    /// <summary>
    /// Stretches of rows [From, To), in row order, that hold every row whose spell may share a day with some day from
    /// <paramref name="earliest"/> to <paramref name="latest"/> (day numbers): every row with EarliestStart ≤ latest and
    /// LatestEnd ≥ earliest is in one, and the stretches hold few others. Nothing at all when latest &lt; earliest.
    /// </summary>
    internal IEnumerable<(int From, int To)> RangesMeeting(int earliest, int latest)
    {
        if (latest < earliest) yield break;
        // Short run: a spell lasting into the period began at most ShortSpan days before it.
        var from = FirstStartingAfter(0, _longFrom, (int)Math.Max(int.MinValue, (long)earliest - ShortSpan - 1));
        var to = FirstStartingAfter(from, _longFrom, latest);
        if (from < to) yield return (from, to);
        // Long run: the spells begun by the period's end, a block at a time.
        var longTo = FirstStartingAfter(_longFrom, _openFrom, latest);
        for (var b = 0; _longFrom + b * Block < longTo; b++)
        {
            if (_blockLatestEnd[b] < earliest) continue;
            var blockFrom = _longFrom + b * Block;
            // Consecutive kept blocks go out as one stretch.
            while (_longFrom + (b + 1) * Block < longTo && _blockLatestEnd[b + 1] >= earliest) b++;
            yield return (blockFrom, Math.Min(_longFrom + (b + 1) * Block, longTo));
        }
        // No latest end: every spell begun by the period's end lasts into it.
        var openTo = FirstStartingAfter(_openFrom, _rows.Length, latest);
        if (_openFrom < openTo) yield return (_openFrom, openTo);
    }

    // The first row in [from, to) whose EarliestStart is after day (rows there are by earliest start); to when none is.
    private int FirstStartingAfter(int from, int to, int day)
    {
        while (from < to)
        {
            var middle = from + (to - from) / 2;
            if (_rows[middle].EarliestStart <= day) from = middle + 1;
            else to = middle;
        }
        return from;
    }
}
