using System.Buffers;
using System.Runtime.InteropServices;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>A WORKED_WITH relationship: a source says directly that two officers worked together.</summary>
public sealed record WorkedWithFact(NodeRef Officer, NodeRef OtherOfficer, IReadOnlyList<string> Citations);

/// <summary>
/// "Served together" (DESIGN.md): a source says so directly (basis <c>explicit</c>), or both served in the same unit
/// (basis <c>unit</c>), or at force scope the same force, counting a unit as part of its force (basis <c>force</c>),
/// in periods that overlap. Unknown or open-ended dates that could go either way give <c>possible</c>, never a silent yes.
/// Stores fetch the records; this rule decides, ranks and pages, so every store answers alike.
/// </summary>
public static class ServedTogetherRule
{
    public const string Explicit = "explicit", UnitBasis = "unit", ForceBasis = "force";
    public const string CertainText = "certain", PossibleText = "possible";

    /// <summary>
    /// One entry per other officer, ranked strongest first: a source's direct statement, then certain before possible,
    /// then the longer overlap (days both spells surely cover), then the smaller place (fewer officers), then name and id.
    /// <paramref name="own"/> are the officer's spells; <paramref name="candidates"/> must hold every spell at the officer's
    /// units and, at force scope, every spell in the officer's forces (their units included); anything else is ignored.
    /// <paramref name="placeSizes"/> (officers per place, as <see cref="CountOfficers"/> counts them over every spell) may
    /// be given by a store that keeps them; without it they are counted from the candidates, which give the same numbers.
    /// Cost: one pass over the candidates with no allocation per co-worker, a top-k selection for the page, and the
    /// details (places, periods, sources) only for the officers on the page.
    /// </summary>
    public static Task<ServedTogetherResult> ForOfficerAsync(NodeRef officer, ServiceScope scope, IReadOnlyList<ServiceSpell> own,
        IEnumerable<ServiceSpell> candidates, IReadOnlyList<WorkedWithFact> workedWith, PageRequest page, DateOnly today,
        SourceLoader loadSources, CancellationToken cancellationToken, IReadOnlyDictionary<string, int>? placeSizes = null)
    {
        var candidateList = candidates as IReadOnlyList<ServiceSpell> ?? candidates.ToList();
        var keys = new SpellKeys();
        foreach (var spell in own) SpellRow.Of(spell, keys.Add); // numbered first: the officer's own ids need numbers too
        return ForOfficerAsync(officer, scope, own, [new SpellTable(candidateList, keys)], keys, workedWith, page, today, loadSources,
            cancellationToken, placeSizes ?? CountOfficers(candidateList));
    }

    /// <summary>
    /// The same answer from tables a store keeps (<paramref name="keys"/> numbers the officer's own spells too): together
    /// the tables must hold what <c>candidates</c> must hold above, and a spell may be in only one of them.
    /// </summary>
    public static async Task<ServedTogetherResult> ForOfficerAsync(NodeRef officer, ServiceScope scope, IReadOnlyList<ServiceSpell> own,
        IReadOnlyList<SpellTable> tables, SpellKeys keys, IReadOnlyList<WorkedWithFact> workedWith, PageRequest page, DateOnly today,
        SourceLoader loadSources, CancellationToken cancellationToken, IReadOnlyDictionary<string, int> placeSizes)
    {
        var matches = new Matcher(keys.Find(officer.Id), scope, own, keys, placeSizes, today);

        // Pass 1: how strong each co-worker's link is, and which candidate spells gave it (chained, so pass 2 visits only
        // the page's co-workers' spells instead of scanning again; rows are numbered across the tables in order). Only
        // the rows whose dates can meet the officer's are read, so the cost follows the answer, not the force's size.
        var total = tables.Sum(t => t.Count);
        using var coWorkers = new CoWorkers(keys.Count, total + workedWith.Count);
        foreach (var fact in workedWith)
            if (OtherThan(officer, fact) is { } other) coWorkers.Of(keys.Find(other.Id), other).AddExplicit();
        var start = 0;
        foreach (var table in tables)
        {
            var rows = table.Rows;
            var officers = table.Officers;
            foreach (var (from, to) in table.RangesMeeting(matches.EarliestStart, matches.LatestEnd))
                for (var i = from; i < to; i++)
                {
                    if (!matches.Measure(rows[i], out var certain, out var days, out var size)) continue;
                    ref var strength = ref coWorkers.Of(rows[i].Officer, officers[i]);
                    strength.Add(certain, days, size);
                    coWorkers.Chain(ref strength, start + i);
                }
            start += rows.Length;
        }

        // The page: the strongest offset + limit, ranked.
        var ranked = Strongest(coWorkers.All, page.Offset + page.Limit);
        var slice = Paging.Slice(ranked, coWorkers.Count, page);

        // Pass 2: the shared places, periods and citations of the officers on the page only.
        var colleagues = slice.Items.ToDictionary(s => s.Officer.Id, s => new Colleague(s.Officer), StringComparer.Ordinal);
        foreach (var fact in workedWith)
            if (OtherThan(officer, fact) is { } other && colleagues.TryGetValue(other.Id, out var c)) c.AddExplicit(fact.Citations);
        var spells = new List<int>();
        var found = new List<Match>();
        foreach (var strength in slice.Items)
        {
            spells.Clear();
            for (var i = strength.LastSpell; i >= 0; i = coWorkers.NextSpell(i)) spells.Add(i);
            // In candidate order (tables in order, each in the order its spells were given), not the rows' layout: ties
            // between equally strong pairs keep the first candidate, whichever way a table lays out its rows.
            spells.Sort((x, y) => CandidateOrder(tables, x).CompareTo(CandidateOrder(tables, y)));
            var c = colleagues[strength.Officer.Id];
            foreach (var i in spells)
            {
                var (table, at, _) = Locate(tables, i);
                foreach (var m in matches.Find(table.Rows[at], found))
                    c.Add(m.Place, m.Basis, m.Certain, m.Days, m.Size, m.Mine, table.SpellAt(at));
            }
        }

        var inOrder = slice.Items.Select(s => colleagues[s.Officer.Id]).ToList();
        var refs = await loadSources(inOrder.SelectMany(c => c.Shared).SelectMany(s => s.Citations).SelectMany(c => c), cancellationToken);
        var entries = inOrder.Select(c => c.ToEntry(refs, today)).ToList();
        return new ServedTogetherResult(officer, scope, slice.Total, slice.Next, entries);
    }

    // The table and row of a row numbered across the tables in order (a question reads a few tables), and how many rows
    // the tables before it hold.
    private static (SpellTable Table, int At, int Before) Locate(IReadOnlyList<SpellTable> tables, int index)
    {
        var before = 0;
        foreach (var table in tables)
        {
            if (index < table.Count) return (table, index, before);
            index -= table.Count;
            before += table.Count;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    // Where a row numbered across the tables comes among the candidates: its table's start, then its spell's place there.
    private static int CandidateOrder(IReadOnlyList<SpellTable> tables, int index)
    {
        var (table, at, before) = Locate(tables, index);
        return before + table.OrderOf(at);
    }

    /// <summary>
    /// Officers per place, the "smaller units rank first" of the ranking: for a unit, the officers with a spell there;
    /// for a force, the officers with a spell at it or at one of its units.
    /// </summary>
    public static Dictionary<string, int> CountOfficers(IEnumerable<ServiceSpell> spells)
    {
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Count(string place, string officer)
        {
            if (!members.TryGetValue(place, out var here)) members[place] = here = new HashSet<string>(StringComparer.Ordinal);
            here.Add(officer);
        }
        foreach (var spell in spells)
        {
            if (spell.Organisation.Label == Labels.Unit) Count(spell.Organisation.Id, spell.Officer.Id);
            if (ForceOf(spell) is { } force) Count(force.Id, spell.Officer.Id);
        }
        return members.ToDictionary(m => m.Key, m => m.Value.Count, StringComparer.Ordinal);
    }

    private static NodeRef? OtherThan(NodeRef officer, WorkedWithFact fact)
    {
        var other = fact.Officer.Id == officer.Id ? fact.OtherOfficer : fact.OtherOfficer.Id == officer.Id ? fact.Officer : null;
        return other is null || other.Id == officer.Id ? null : other;
    }

    // The k strongest, ranked: a heap whose root is the weakest kept, so most co-workers cost one comparison. The heap
    // holds positions in the segment, not copies: a force has tens of thousands of co-workers, and copying each one's
    // Strength into and out of the comparer was a fifth of the question.
    private static List<Strength> Strongest(ArraySegment<Strength> all, int k)
    {
        var items = all.AsSpan();
        var array = all.Array!;
        var offset = all.Offset;
        var heap = new PriorityQueue<int, int>(Comparer<int>.Create((x, y) => Strength.Compare(in array[offset + y], in array[offset + x])));
        for (var i = 0; i < items.Length; i++)
        {
            if (heap.Count < k) heap.Enqueue(i, i);
            else
            {
                ref readonly var weakest = ref items[heap.Peek()];
                // Most co-workers are plainly weaker than the weakest kept: one comparison of keys, no names.
                if (items[i].Key >= weakest.Key && Strength.Compare(in items[i], in weakest) < 0) heap.DequeueEnqueue(i, i);
            }
        }
        var ranked = heap.UnorderedItems.Select(i => array[offset + i.Element]).ToList();
        ranked.Sort((x, y) => Strength.Compare(in x, in y));
        return ranked;
    }

    /// <summary>One of the officer's spells meeting a candidate's: where, on what basis, how surely, for how many sure days.</summary>
    private readonly record struct Match(ServiceSpell Mine, NodeRef Place, string Basis, bool Certain, int Days, int Size);

    /// <summary>Where and how strongly one candidate spell meets the officer's own spells: the one statement of the rule
    /// both passes use, so the ranking and the details cannot disagree.</summary>
    private sealed class Matcher
    {
        private readonly int _officer, _today;
        private readonly Own[] _own;

        /// <summary>One of the officer's spells, with the unit and force it can be met at (-1: not at this scope) and their sizes.</summary>
        private readonly record struct Own(ServiceSpell Spell, SpellRow Row, int Unit, int UnitSize, NodeRef? Force, int ForceKey, int ForceSize);

        public Matcher(int officer, ServiceScope scope, IReadOnlyList<ServiceSpell> own, SpellKeys keys, IReadOnlyDictionary<string, int> sizes, DateOnly today)
        {
            (_officer, _today) = (officer, today.DayNumber);
            _own = own.Select(s =>
            {
                var force = scope == ServiceScope.Force ? ForceOf(s) : null;
                var isUnit = s.Organisation.Label == Labels.Unit;
                // Numbers looked up, not added: a store's numbering is shared, and an id it lacks can match nothing anyway.
                var row = SpellRow.Of(s, keys.Find);
                return new Own(s, row, isUnit ? row.Place : -1, isUnit ? sizes.GetValueOrDefault(s.Organisation.Id) : 0,
                    force, force is null ? -1 : keys.Find(force.Id), force is null ? 0 : sizes.GetValueOrDefault(force.Id));
            }).ToArray();
            // Every day any of the officer's spells may cover: a candidate outside it cannot meet one of them.
            (EarliestStart, LatestEnd) = _own.Length == 0 ? (int.MaxValue, int.MinValue)
                : (_own.Min(o => o.Row.EarliestStart), _own.Max(o => o.Row.LatestEnd));
        }

        /// <summary>The earliest day any of the officer's spells may have begun (day number).</summary>
        public int EarliestStart { get; }

        /// <summary>The latest day any of the officer's spells may have lasted to (day number).</summary>
        public int LatestEnd { get; }

        /// <summary>Fills <paramref name="found"/> (cleared first; reused so the pass allocates nothing per spell).</summary>
        public List<Match> Find(in SpellRow other, List<Match> found)
        {
            found.Clear();
            if (other.Officer == _officer) return found;
            foreach (ref readonly var mine in _own.AsSpan())
                if (Meets(mine, other, out var days, out var atUnit))
                    found.Add(atUnit
                        ? new Match(mine.Spell, mine.Spell.Organisation, UnitBasis, days > 0, days, mine.UnitSize)
                        : new Match(mine.Spell, mine.Force!, ForceBasis, days > 0, days, mine.ForceSize));
            return found;
        }

        /// <summary>What <see cref="Find"/> gives, folded as the ranking folds it (certain if any match is, the most sure
        /// days, the smallest place), without building the matches: pass 1 asks this of every candidate spell.</summary>
        public bool Measure(in SpellRow other, out bool certain, out int days, out int size)
        {
            (certain, days, size) = (false, 0, int.MaxValue);
            if (other.Officer == _officer) return false;
            var met = false;
            foreach (ref readonly var mine in _own.AsSpan())
            {
                if (!Meets(mine, other, out var sure, out var atUnit)) continue;
                met = true;
                certain |= sure > 0;
                days = Math.Max(days, sure);
                size = Math.Min(size, atUnit ? mine.UnitSize : mine.ForceSize);
            }
            return met;
        }

        // The rule itself, once: the spells may share a day, at the same unit or (force scope) in the same force.
        private bool Meets(in Own mine, in SpellRow other, out int days, out bool atUnit)
        {
            days = 0;
            atUnit = mine.Unit >= 0 && mine.Unit == other.Place;
            if (!atUnit && (mine.ForceKey < 0 || mine.ForceKey != other.Force)) return false;
            if (!mine.Row.CanMeet(other)) return false;
            // CanMeet is exactly "OverlapWith is not None", and OverlapWith says Certain exactly when some day is surely
            // shared, so ranking needs no period text; the page's overlaps are computed by OverlapWith itself (ToEntry).
            days = mine.Row.SureDays(other, _today);
            return true;
        }
    }

    /// <summary>
    /// Pass 1's working state: each co-worker's <see cref="Strength"/>, found by the officer's number, and the chain of
    /// matching spells. A force holds tens of thousands of co-workers: looking them up in a dictionary by id was the
    /// larger part of the pass, and arrays that size would go to the large object heap on every question, so the arrays
    /// are rented and go back when the question is answered.
    /// </summary>
    private sealed class CoWorkers : IDisposable
    {
        private readonly int _numbers;
        private readonly int[] _slotOf;      // by officer number: 1 + the co-worker's slot; 0: not met yet
        private readonly Strength[] _strengths;
        private readonly int[] _nextSpell;   // by spell: the same co-worker's previous matching spell
        // An officer named only by a direct statement may have no spells, so no number: numbered here instead.
        private Dictionary<string, int>? _unnumbered;

        public CoWorkers(int numbers, int bound)
        {
            _numbers = numbers;
            _slotOf = ArrayPool<int>.Shared.Rent(numbers);
            Array.Clear(_slotOf, 0, numbers);
            _strengths = ArrayPool<Strength>.Shared.Rent(bound);
            _nextSpell = ArrayPool<int>.Shared.Rent(bound);
        }

        public int Count { get; private set; }

        public ArraySegment<Strength> All => new(_strengths, 0, Count);

        public ref Strength Of(int number, NodeRef officer)
        {
            ref var slot = ref number >= 0 && number < _numbers ? ref _slotOf[number] : ref Unnumbered(officer);
            if (slot == 0)
            {
                _strengths[Count] = new Strength(officer);
                slot = ++Count;
            }
            return ref _strengths[slot - 1];
        }

        private ref int Unnumbered(NodeRef officer) =>
            ref CollectionsMarshal.GetValueRefOrAddDefault(_unnumbered ??= new(StringComparer.Ordinal), officer.Id, out _);

        public void Chain(ref Strength strength, int spell)
        {
            _nextSpell[spell] = strength.LastSpell;
            strength.LastSpell = spell;
        }

        public int NextSpell(int spell) => _nextSpell[spell];

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_slotOf);
            Array.Clear(_strengths, 0, Count); // they hold officers: a pooled array must not keep them alive
            ArrayPool<Strength>.Shared.Return(_strengths);
            ArrayPool<int>.Shared.Return(_nextSpell);
        }
    }

    /// <summary>How strongly one co-worker is linked, in the ranking's terms (each the strongest over what they shared).</summary>
    private struct Strength(NodeRef officer)
    {
        public readonly NodeRef Officer = officer;
        /// <summary>The last candidate spell that matched (-1: none; a direct statement alone).</summary>
        public int LastSpell = -1;
        private bool _explicit, _certain;
        private int _days;
        private int _size = int.MaxValue;

        // A source's direct statement is certain by itself.
        public void AddExplicit() => (_explicit, _certain) = (true, true);

        public void Add(bool certain, int days, int size)
        {
            _certain |= certain;
            _days = Math.Max(_days, days);
            _size = Math.Min(_size, size);
        }

        /// <summary>The ranking before names, as one number, larger for the stronger: explicit, then certain, then more
        /// sure days (below 2^22: no DateOnly span is longer), then the smaller place. Comparing it is one instruction,
        /// so the strongest of a force's tens of thousands of co-workers are found without reading their names.</summary>
        public readonly ulong Key =>
            (_explicit ? 1UL << 54 : 0) | (_certain ? 1UL << 53 : 0) | ((ulong)_days << 31) | (uint)(int.MaxValue - _size);

        public static int Compare(in Strength x, in Strength y)
        {
            var c = y.Key.CompareTo(x.Key);
            if (c == 0) c = string.CompareOrdinal(x.Officer.Name, y.Officer.Name);
            return c != 0 ? c : string.CompareOrdinal(x.Officer.Id, y.Officer.Id);
        }
    }

    /// <summary>One page of the pairs of officers who served at the sweep's organisation at the same time (see
    /// <see cref="ServiceSweep"/> for the order and what <c>Total</c> counts).</summary>
    public static async Task<OrganisationServedTogether> AtOrganisationAsync(ServiceSweep sweep, PartialDate? from, PartialDate? to,
        PageRequest page, DateOnly today, SourceLoader loadSources, CancellationToken cancellationToken)
    {
        var window = ServiceSweep.Window(from, to);
        var (pairs, total, next) = sweep.Page(from, to, page);
        var basis = sweep.Organisation.Label == Labels.Force ? ForceBasis : UnitBasis;
        var best = pairs.Select(p => BestPair(p.First, p.Second, window, today)).ToList();
        var refs = await loadSources(best.SelectMany(b => b.A.Citations.Concat(b.B.Citations)), cancellationToken);
        var items = best.Select(b => new ServedTogetherPair(b.A.Officer, b.B.Officer, sweep.Organisation, b.Overlap.From, b.Overlap.To,
            basis, Name(b.Overlap.Certainty), Citations.Cite(b.A.Citations.Concat(b.B.Citations), refs))).ToList();
        return new OrganisationServedTogether(sweep.Organisation, total, next, items);
    }

    // The strongest of the two officers' spell pairs that can share a day in the window (certain first, then sweep order).
    private static (ServiceSpell A, ServiceSpell B, Overlap Overlap) BestPair(IReadOnlyList<ServiceSpell> first, IReadOnlyList<ServiceSpell> second,
        (DateOnly From, DateOnly To) window, DateOnly today)
    {
        (ServiceSpell A, ServiceSpell B, Overlap Overlap)? best = null;
        foreach (var a in first)
            foreach (var b in second)
            {
                if (!ServiceSweep.MeetInWindow(a, b, window)) continue;
                var overlap = a.Period.OverlapWith(b.Period, today);
                if (overlap.Certainty == Certainty.None) continue;
                if (best is null || (overlap.Certainty == Certainty.Certain && best.Value.Overlap.Certainty != Certainty.Certain))
                    best = (a, b, overlap);
            }
        return best ?? throw new InvalidOperationException("the sweep paired two officers whose spells cannot meet");
    }

    /// <summary>The force a spell belongs to: the force itself, or the force its unit is part of.</summary>
    public static NodeRef? ForceOf(ServiceSpell spell) => spell.Organisation.Label == Labels.Force ? spell.Organisation : spell.Force;

    public static string Name(Certainty certainty) => certainty == Certainty.Certain ? CertainText : PossibleText;

    private static int BasisOrder(string basis) => basis switch { Explicit => 0, UnitBasis => 1, _ => 2 };

    private sealed class SharedDraft(NodeRef? place, string basis, bool certain, int days, int size)
    {
        public NodeRef? Place { get; } = place;
        public string Basis { get; } = basis;
        public bool IsCertain { get; set; } = certain;
        public int Days { get; set; } = days;
        public int Size { get; } = size;
        // The strongest spell pair here (null for a direct statement), its overlap computed for the answered page only.
        public (ServiceSpell Mine, ServiceSpell Other)? Best { get; set; }
        // References to the citation lists, flattened only for the page that is answered.
        public List<IReadOnlyList<string>> Citations { get; } = [];

        public static int Compare(SharedDraft x, SharedDraft y)
        {
            var c = (x.Basis == Explicit ? 0 : 1).CompareTo(y.Basis == Explicit ? 0 : 1);
            if (c == 0) c = y.IsCertain.CompareTo(x.IsCertain);
            if (c == 0) c = y.Days.CompareTo(x.Days);
            if (c == 0) c = x.Size.CompareTo(y.Size);
            if (c == 0) c = BasisOrder(x.Basis).CompareTo(BasisOrder(y.Basis));
            return c != 0 ? c : string.CompareOrdinal(x.Place?.Id, y.Place?.Id);
        }
    }

    private sealed class Colleague(NodeRef officer)
    {
        // Few items each (the places two officers shared), so a list beats a dictionary per colleague.
        private readonly List<SharedDraft> _shared = new(1);
        private bool _certain;

        public NodeRef Officer { get; } = officer;
        public IEnumerable<SharedDraft> Shared => _shared;

        private SharedDraft Find(NodeRef? place, string basis, bool certain, int days, int size)
        {
            foreach (var s in _shared)
                if (s.Basis == basis && s.Place?.Id == place?.Id) return s;
            var added = new SharedDraft(place, basis, certain, days, size);
            _shared.Add(added);
            return added;
        }

        public void AddExplicit(IReadOnlyList<string> citations)
        {
            Find(null, Explicit, true, 0, 0).Citations.Add(citations);
            _certain = true;
        }

        public void Add(NodeRef place, string basis, bool certain, int days, int size, ServiceSpell mine, ServiceSpell other)
        {
            var shared = Find(place, basis, certain, days, size);
            // Several spell pairs at one place: keep the strongest, cite every spell that gave one.
            if (shared.Best is null || (certain && !shared.IsCertain) || (certain == shared.IsCertain && days > shared.Days))
                (shared.IsCertain, shared.Days, shared.Best) = (certain, days, (mine, other));
            shared.Citations.Add(mine.Citations);
            shared.Citations.Add(other.Citations);
            _certain |= certain;
        }

        public ServedTogetherEntry ToEntry(IReadOnlyDictionary<string, SourceRef> refs, DateOnly today)
        {
            var ordered = _shared.ToList();
            ordered.Sort(SharedDraft.Compare);
            var shared = ordered.Select(s =>
            {
                var overlap = s.Best is { } best ? best.Mine.Period.OverlapWith(best.Other.Period, today) : new Overlap(Certainty.Certain, null, null);
                return new SharedService(s.Place, s.Basis, overlap.From, overlap.To, Name(overlap.Certainty), Citations.Cite(s.Citations.SelectMany(c => c), refs));
            }).ToList();
            var basis = ordered.Select(s => s.Basis).MinBy(BasisOrder)!;
            return new ServedTogetherEntry(Officer, _certain ? CertainText : PossibleText, basis, shared);
        }
    }
}
