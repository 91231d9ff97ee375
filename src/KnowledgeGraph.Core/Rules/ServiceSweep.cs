using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>
/// Pairs of officers who served at one organisation at the same time, found by a sweep over dates instead of comparing
/// every pair (a 13,000-officer unit has 85M pairs).
/// <para>Each officer's spells there (a force counts its units' spells) are reduced to blocks: the days any of them may
/// cover, clipped to the asked window and merged where they meet. Two officers are a pair exactly when a block of one
/// meets a block of the other, which is exactly when some spell of each can share a day (Period.OverlapWith is not
/// None) inside the window. Blocks are sorted by their earliest day, so the blocks meeting block i are the ones after it
/// that start by its end: a contiguous run, counted by binary search. <c>Total</c> is therefore the number of pairs of
/// officers, counted without listing them, and a page costs what it lists.</para>
/// <para>Order: by the earlier-starting block of the pair (earliest day, then officer id), then by the other block. An
/// officer with blocks apart in time (served, left, came back) can meet another twice; such pairs are listed once, at
/// their first meeting, which costs only what those officers' meetings cost.</para>
/// </summary>
public sealed class ServiceSweep
{
    private readonly ServiceSpell[][] _spellsByOfficer;
    private readonly Lazy<Plan> _whole;
    // Plans for recent windows, so walking the pages of one windowed question builds its plan once; bounded.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly, DateOnly), Lazy<Plan>> _windows = new();
    private const int WindowsKept = 32;

    public ServiceSweep(NodeRef organisation, IEnumerable<ServiceSpell> spells)
    {
        Organisation = organisation;
        _spellsByOfficer = spells
            .Where(s => s.EarliestStart <= s.LatestEnd)
            .DistinctBy(s => s.RelationshipId)
            .GroupBy(s => s.Officer.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(s => s.EarliestStart).ThenBy(s => s.RelationshipId, StringComparer.Ordinal).ToArray())
            .ToArray();
        _whole = new Lazy<Plan>(() => new Plan(_spellsByOfficer, (DateOnly.MinValue, DateOnly.MaxValue)));
    }

    public NodeRef Organisation { get; }

    public static (DateOnly From, DateOnly To) Window(PartialDate? from, PartialDate? to) =>
        (from?.Earliest ?? DateOnly.MinValue, to?.Latest ?? DateOnly.MaxValue);

    /// <summary>Whether two spells can share a day inside the window (three ranges on a line meet iff each two do).</summary>
    public static bool MeetInWindow(ServiceSpell a, ServiceSpell b, (DateOnly From, DateOnly To) window) =>
        Max(Max(a.EarliestStart, b.EarliestStart), window.From) <= Min(Min(a.LatestEnd, b.LatestEnd), window.To);

    /// <summary>One page of pairs: each pair's spells there (first the officer whose block starts first), the total
    /// number of pairs, and the next cursor.</summary>
    public (IReadOnlyList<(IReadOnlyList<ServiceSpell> First, IReadOnlyList<ServiceSpell> Second)> Pairs, int Total, string? Next) Page(
        PartialDate? from, PartialDate? to, PageRequest page)
    {
        var plan = from is null && to is null ? _whole.Value : PlanFor(Window(from, to));
        var offset = page.Offset;
        var pairs = new List<(IReadOnlyList<ServiceSpell>, IReadOnlyList<ServiceSpell>)>();
        var window = plan.Window;
        foreach (var (a, b) in plan.Enumerate(offset).Take(page.Limit))
            pairs.Add((_spellsByOfficer[a].Where(s => MeetsWindow(s, window)).ToList(), _spellsByOfficer[b].Where(s => MeetsWindow(s, window)).ToList()));
        var total = (int)Math.Min(plan.Total, int.MaxValue);
        var end = (long)offset + pairs.Count;
        return (pairs, total, end < plan.Total ? Paging.CursorAt((int)end) : null);
    }

    private Plan PlanFor((DateOnly From, DateOnly To) window)
    {
        if (_windows.Count >= WindowsKept) _windows.Clear();
        return _windows.GetOrAdd(window, w => new Lazy<Plan>(() => new Plan(_spellsByOfficer, w))).Value;
    }

    private static bool MeetsWindow(ServiceSpell s, (DateOnly From, DateOnly To) window) =>
        Max(s.EarliestStart, window.From) <= Min(s.LatestEnd, window.To);

    private static DateOnly Max(DateOnly a, DateOnly b) => a >= b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;

    /// <summary>The blocks for one window, with the counts that let a page start anywhere without listing what is before it.</summary>
    private sealed class Plan
    {
        private readonly int[] _officer;
        private readonly DateOnly[] _start, _end;
        private readonly int[] _reach;
        private readonly long[] _before; // pairs listed at blocks before i
        private readonly bool[] _returning; // officers with more than one block
        private readonly HashSet<long> _repeated = []; // block pairs (i, j) of two officers who already met at an earlier pair

        public Plan(ServiceSpell[][] spellsByOfficer, (DateOnly From, DateOnly To) window)
        {
            Window = window;
            var blocks = new List<(DateOnly Start, DateOnly End, int Officer)>();
            _returning = new bool[spellsByOfficer.Length];
            for (var o = 0; o < spellsByOfficer.Length; o++)
            {
                var clipped = spellsByOfficer[o]
                    .Select(s => (Start: Max(s.EarliestStart, window.From), End: Min(s.LatestEnd, window.To)))
                    .Where(s => s.Start <= s.End).OrderBy(s => s.Start).ToList();
                var first = blocks.Count;
                foreach (var (start, end) in clipped)
                {
                    if (blocks.Count > first && start <= blocks[^1].End)
                        blocks[^1] = (blocks[^1].Start, Max(blocks[^1].End, end), o);
                    else blocks.Add((start, end, o));
                }
                _returning[o] = blocks.Count - first > 1;
            }
            blocks.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Officer != y.Officer ? x.Officer.CompareTo(y.Officer) : x.End.CompareTo(y.End));

            var n = blocks.Count;
            _officer = new int[n];
            _start = new DateOnly[n];
            _end = new DateOnly[n];
            for (var i = 0; i < n; i++) (_start[i], _end[i], _officer[i]) = blocks[i];
            _reach = new int[n];
            for (var i = 0; i < n; i++) _reach[i] = UpperBound(_start, _end[i]);

            // A returning officer's blocks are disjoint, so a pair can only repeat through one; find the repeats by
            // walking those officers' meetings only.
            var repeatsAt = new int[n];
            var meetings = new Dictionary<(int, int), List<long>>();
            for (var p = 0; p < n; p++)
            {
                var a = _officer[p];
                if (!_returning[a]) continue;
                for (var q = 0; q < p; q++)
                    if (_end[q] >= _start[p]) Meet(meetings, q, p);
                for (var q = p + 1; q < _reach[p]; q++) Meet(meetings, p, q);
            }
            foreach (var keys in meetings.Values.Where(k => k.Count > 1))
            {
                keys.Sort();
                foreach (var key in keys.Distinct().Skip(1))
                {
                    _repeated.Add(key);
                    repeatsAt[(int)(key >> 32)]++;
                }
            }

            _before = new long[n + 1];
            for (var i = 0; i < n; i++) _before[i + 1] = _before[i] + (_reach[i] - i - 1) - repeatsAt[i];
        }

        public (DateOnly From, DateOnly To) Window { get; }

        public long Total => _before[^1];

        private void Meet(Dictionary<(int, int), List<long>> meetings, int i, int j)
        {
            var (a, b) = (_officer[i], _officer[j]);
            var key = a < b ? (a, b) : (b, a);
            if (!meetings.TryGetValue(key, out var list)) meetings[key] = list = [];
            list.Add(((long)i << 32) | (uint)j);
        }

        /// <summary>Officer indexes of each pair from <paramref name="offset"/> on, in sweep order.</summary>
        public IEnumerable<(int First, int Second)> Enumerate(int offset)
        {
            if (offset >= Total) yield break;
            // The block whose pairs hold position offset: the last i with _before[i] <= offset.
            int lo = 0, hi = _officer.Length - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_before[mid] <= offset) lo = mid; else hi = mid - 1;
            }
            var skip = offset - _before[lo];
            for (var i = lo; i < _officer.Length; i++)
                for (var j = i + 1; j < _reach[i]; j++)
                {
                    if ((_returning[_officer[i]] || _returning[_officer[j]]) && _repeated.Contains(((long)i << 32) | (uint)j)) continue;
                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }
                    yield return (_officer[i], _officer[j]);
                }
        }

        // First index whose start is after the day (the blocks are sorted by start).
        private static int UpperBound(DateOnly[] starts, DateOnly day)
        {
            int lo = 0, hi = starts.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (starts[mid] <= day) lo = mid + 1; else hi = mid;
            }
            return lo;
        }
    }
}
