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
    public static async Task<ServedTogetherResult> ForOfficerAsync(NodeRef officer, ServiceScope scope, IReadOnlyList<ServiceSpell> own,
        IEnumerable<ServiceSpell> candidates, IReadOnlyList<WorkedWithFact> workedWith, PageRequest page, DateOnly today,
        SourceLoader loadSources, CancellationToken cancellationToken, IReadOnlyDictionary<string, int>? placeSizes = null)
    {
        var candidateList = candidates as IReadOnlyList<ServiceSpell> ?? candidates.ToList();
        placeSizes ??= CountOfficers(candidateList);
        var matches = new Matcher(officer, scope, own, placeSizes, today);

        // Pass 1: how strong each co-worker's link is, and which candidate spells gave it.
        var strengths = new Dictionary<string, Strength>(StringComparer.Ordinal);
        ref Strength StrengthOf(NodeRef other)
        {
            ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(strengths, other.Id, out var known);
            if (!known) s = new Strength(other);
            return ref s;
        }
        foreach (var fact in workedWith)
            if (OtherThan(officer, fact) is { } other) StrengthOf(other).AddExplicit();
        // Each co-worker's matching spells are chained (nextSpell[i]: the co-worker's previous matching spell), so pass 2
        // visits only the page's co-workers' spells instead of scanning every candidate again.
        var found = new List<Match>();
        var nextSpell = new int[candidateList.Count];
        for (var i = 0; i < candidateList.Count; i++)
        {
            var other = candidateList[i];
            if (matches.Find(other, found).Count == 0) continue;
            ref var strength = ref StrengthOf(other.Officer);
            foreach (var m in found) strength.Add(m.Certain, m.Days, m.Size);
            nextSpell[i] = strength.LastSpell;
            strength.LastSpell = i;
        }

        // The page: the strongest offset + limit, ranked.
        var ranked = Strongest(strengths.Values, page.Offset + page.Limit);
        var slice = Paging.Slice(ranked, strengths.Count, page);

        // Pass 2: the shared places, periods and citations of the officers on the page only.
        var colleagues = slice.Items.ToDictionary(s => s.Officer.Id, s => new Colleague(s.Officer), StringComparer.Ordinal);
        foreach (var fact in workedWith)
            if (OtherThan(officer, fact) is { } other && colleagues.TryGetValue(other.Id, out var c)) c.AddExplicit(fact.Citations);
        var spells = new List<int>();
        foreach (var strength in slice.Items)
        {
            spells.Clear();
            for (var i = strength.LastSpell; i >= 0; i = nextSpell[i]) spells.Add(i);
            spells.Reverse(); // in candidate order, as pass 1 met them (ties between equally strong pairs keep the first)
            var c = colleagues[strength.Officer.Id];
            foreach (var i in spells)
                foreach (var m in matches.Find(candidateList[i], found))
                    c.Add(m.Place, m.Basis, m.Certain, m.Days, m.Size, m.Mine, candidateList[i]);
        }

        var inOrder = slice.Items.Select(s => colleagues[s.Officer.Id]).ToList();
        var refs = await loadSources(inOrder.SelectMany(c => c.Shared).SelectMany(s => s.Citations).SelectMany(c => c), cancellationToken);
        var entries = inOrder.Select(c => c.ToEntry(refs, today)).ToList();
        return new ServedTogetherResult(officer, scope, slice.Total, slice.Next, entries);
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

    // The k strongest, ranked: a heap whose root is the weakest kept, so most co-workers cost one comparison.
    private static List<Strength> Strongest(IEnumerable<Strength> all, int k)
    {
        var heap = new PriorityQueue<Strength, Strength>(Comparer<Strength>.Create((x, y) => Strength.Compare(y, x)));
        foreach (var s in all)
        {
            if (heap.Count < k) heap.Enqueue(s, s);
            else if (Strength.Compare(s, heap.Peek()) < 0) heap.DequeueEnqueue(s, s);
        }
        var ranked = heap.UnorderedItems.Select(i => i.Element).ToList();
        ranked.Sort(Strength.Compare);
        return ranked;
    }

    /// <summary>One of the officer's spells meeting a candidate's: where, on what basis, how surely, for how many sure days.</summary>
    private readonly record struct Match(ServiceSpell Mine, NodeRef Place, string Basis, bool Certain, int Days, int Size);

    /// <summary>Where and how strongly one candidate spell meets the officer's own spells: the one statement of the rule
    /// both passes use, so the ranking and the details cannot disagree.</summary>
    private sealed class Matcher(NodeRef officer, ServiceScope scope, IReadOnlyList<ServiceSpell> own, IReadOnlyDictionary<string, int> sizes, DateOnly today)
    {
        private readonly NodeRef?[] _ownForces = own.Select(s => scope == ServiceScope.Force ? ForceOf(s) : null).ToArray();

        /// <summary>Fills <paramref name="found"/> (cleared first; reused so the pass allocates nothing per spell).</summary>
        public List<Match> Find(ServiceSpell other, List<Match> found)
        {
            found.Clear();
            if (other.Officer.Id == officer.Id) return found;
            for (var i = 0; i < own.Count; i++)
            {
                var mine = own[i];
                if (!mine.CanMeet(other)) continue;
                NodeRef place;
                string basis;
                if (mine.Organisation.Label == Labels.Unit && mine.Organisation.Id == other.Organisation.Id)
                    (place, basis) = (mine.Organisation, UnitBasis);
                else if (_ownForces[i] is { } force && force.Id == ForceOf(other)?.Id)
                    (place, basis) = (force, ForceBasis);
                else continue;
                // CanMeet is exactly "OverlapWith is not None", and OverlapWith says Certain exactly when some day is surely
                // shared, so ranking needs no period text; the page's overlaps are computed by OverlapWith itself (ToEntry).
                var days = SureDays(mine, other, today);
                found.Add(new Match(mine, place, basis, days > 0, days, sizes.GetValueOrDefault(place.Id)));
            }
            return found;
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

        public static int Compare(Strength x, Strength y)
        {
            var c = y._explicit.CompareTo(x._explicit);
            if (c == 0) c = y._certain.CompareTo(x._certain);
            if (c == 0) c = y._days.CompareTo(x._days);
            if (c == 0) c = x._size.CompareTo(y._size);
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

    /// <summary>Days both spells surely cover (an open end runs to today; an unknown bound gives 0). Positive exactly when
    /// Period.OverlapWith says Certain (the same bounds: latest possible starts, earliest possible ends).</summary>
    public static int SureDays(ServiceSpell a, ServiceSpell b, DateOnly today)
    {
        if (a.LatestStart is not { } sa || b.LatestStart is not { } sb
            || a.EarliestEnd(today) is not { } ea || b.EarliestEnd(today) is not { } eb) return 0;
        var start = sa >= sb ? sa : sb;
        var end = ea <= eb ? ea : eb;
        return end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    }

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
