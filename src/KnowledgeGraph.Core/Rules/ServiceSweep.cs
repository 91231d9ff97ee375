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
    /// <remarks>
    /// A pair of officers is listed at its first meeting, the smallest (i, j) of their blocks that meet; the others are
    /// repeats, left out of the list and of <c>_before</c>. Repeats need an officer with more than one block (returning).
    /// They used to be found by walking every meeting of every returning officer and kept in a set: a national force
    /// (43,000 officers, 4,000 of them returning) made that minutes of work and a set of millions, all inside the first
    /// request. Now, by case:
    /// <list type="bullet">
    /// <item>A returning officer and one with a single block B: the blocks of the first that B meets are consecutive, and
    /// B meets two consecutive ones exactly when B spans the gap between them, so there is one repeat per gap B spans,
    /// and each is at B (B is the earlier block of every one of those pairs but the first). Counted for all blocks at
    /// once: the gaps inside [B.start, B.end], by a sweep over starts with a Fenwick tree over the gaps' ends.</item>
    /// <item>Two returning officers: their meetings are found from the returning officers' blocks alone.</item>
    /// </list>
    /// Listing a page asks of each pair with a returning officer whether it is their first meeting, from the two
    /// officers' few blocks.
    /// </remarks>
    private sealed class Plan
    {
        private readonly int[] _officer;
        private readonly DateOnly[] _start, _end;
        private readonly int[] _reach;
        private readonly long[] _before; // pairs listed at blocks before i
        // Each officer's blocks (indexes, in time order): _blocks[_firstBlock[o] .. _firstBlock[o + 1]).
        private readonly int[] _firstBlock, _blocks;

        public Plan(ServiceSpell[][] spellsByOfficer, (DateOnly From, DateOnly To) window)
        {
            Window = window;
            var blocks = new List<(DateOnly Start, DateOnly End, int Officer)>();
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
            }
            blocks.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Officer != y.Officer ? x.Officer.CompareTo(y.Officer) : x.End.CompareTo(y.End));

            var n = blocks.Count;
            _officer = new int[n];
            _start = new DateOnly[n];
            _end = new DateOnly[n];
            for (var i = 0; i < n; i++) (_start[i], _end[i], _officer[i]) = blocks[i];
            _reach = new int[n];
            for (var i = 0; i < n; i++) _reach[i] = UpperBound(_start, _end[i]);

            // An officer's blocks are disjoint, so in index order they are in time order.
            _firstBlock = new int[spellsByOfficer.Length + 1];
            foreach (var o in _officer) _firstBlock[o + 1]++;
            for (var o = 0; o < spellsByOfficer.Length; o++) _firstBlock[o + 1] += _firstBlock[o];
            _blocks = new int[n];
            var filled = (int[])_firstBlock.Clone();
            for (var i = 0; i < n; i++) _blocks[filled[_officer[i]]++] = i;

            var repeatsAt = new int[n];
            CountRepeatsAtSingleBlocks(repeatsAt);
            CountRepeatsBetweenReturning(repeatsAt);
            _before = new long[n + 1];
            for (var i = 0; i < n; i++) _before[i + 1] = _before[i] + (_reach[i] - i - 1) - repeatsAt[i];
        }

        public (DateOnly From, DateOnly To) Window { get; }

        public long Total => _before[^1];

        private ReadOnlySpan<int> BlocksOf(int officer) => _blocks.AsSpan(_firstBlock[officer], _firstBlock[officer + 1] - _firstBlock[officer]);

        private bool Returning(int officer) => _firstBlock[officer + 1] - _firstBlock[officer] > 1;

        private bool Meet(int x, int y) => Max(_start[x], _start[y]) <= Min(_end[x], _end[y]);

        // One repeat at a single block B per gap of a returning officer that B spans: the gaps (lo = one block's end,
        // hi = the next one's start) with lo >= B.start and hi <= B.end.
        private void CountRepeatsAtSingleBlocks(int[] repeatsAt)
        {
            var gaps = new List<(DateOnly Lo, DateOnly Hi)>();
            for (var o = 0; o + 1 < _firstBlock.Length; o++)
            {
                var own = BlocksOf(o);
                for (var t = 0; t + 1 < own.Length; t++) gaps.Add((_end[own[t]], _start[own[t + 1]]));
            }
            if (gaps.Count == 0) return;
            gaps.Sort((x, y) => y.Lo.CompareTo(x.Lo)); // latest lo first
            var his = gaps.Select(g => g.Hi).Distinct().Order().ToArray();
            var tree = new int[his.Length + 1]; // Fenwick tree: how many added gaps have each hi (by rank)
            var added = 0;
            // Blocks by start, latest first: a gap joins once its lo is at or after the block's start.
            for (var j = _officer.Length - 1; j >= 0; j--)
            {
                for (; added < gaps.Count && gaps[added].Lo >= _start[j]; added++)
                    for (var r = Array.BinarySearch(his, gaps[added].Hi) + 1; r < tree.Length; r += r & -r) tree[r]++;
                if (Returning(_officer[j])) continue;
                var count = 0;
                for (var r = UpperBound(his, _end[j]); r > 0; r -= r & -r) count += tree[r];
                repeatsAt[j] += count;
            }
        }

        // Two returning officers: every meeting of their blocks, the first kept and the rest counted where they are.
        private void CountRepeatsBetweenReturning(int[] repeatsAt)
        {
            var returning = Enumerable.Range(0, _officer.Length).Where(i => Returning(_officer[i])).ToArray(); // index order
            var returningStarts = returning.Select(i => _start[i]).ToArray();
            // The latest end in each run of returning blocks: a run that ended before a block starts holds no block it
            // meets, and is stepped over whole (over a force's decades, most blocks that start before a block ends also
            // ended before it began).
            var runEnds = new DateOnly[(returning.Length + ReturningRun - 1) / ReturningRun];
            for (var r = 0; r < returning.Length; r++) runEnds[r / ReturningRun] = Max(runEnds[r / ReturningRun], _end[returning[r]]);
            // By the other officer: the smallest meeting key seen with the officer in hand (-1: none), reset after each.
            var firstKey = new long[_firstBlock.Length - 1];
            Array.Fill(firstKey, -1);
            var touched = new List<int>();
            for (var a = 0; a < firstKey.Length; a++)
            {
                if (!Returning(a)) continue;
                foreach (var x in BlocksOf(a))
                    for (int r = 0, until = UpperBound(returningStarts, _end[x]); r < until; r++)
                    {
                        if (r % ReturningRun == 0 && runEnds[r / ReturningRun] < _start[x])
                        {
                            r += ReturningRun - 1;
                            continue;
                        }
                        var y = returning[r];
                        var b = _officer[y];
                        // Each pair of officers once, from the one numbered first.
                        if (b <= a || !Meet(x, y)) continue;
                        var key = Key(x, y);
                        ref var first = ref firstKey[b];
                        if (first < 0)
                        {
                            first = key;
                            touched.Add(b);
                            continue;
                        }
                        // Of this meeting and the first so far, the later is a repeat, counted at its earlier block.
                        var repeat = Math.Max(first, key);
                        first = Math.Min(first, key);
                        repeatsAt[(int)(repeat >> 32)]++;
                    }
                foreach (var b in touched) firstKey[b] = -1;
                touched.Clear();
            }
        }

        private const int ReturningRun = 64;

        private static long Key(int x, int y) => x < y ? ((long)x << 32) | (uint)y : ((long)y << 32) | (uint)x;

        // Whether blocks i < j (which meet) are their officers' first meeting: no earlier pair of their blocks meets.
        private bool FirstMeeting(int i, int j)
        {
            var key = Key(i, j);
            foreach (var x in BlocksOf(_officer[i]))
                foreach (var y in BlocksOf(_officer[j]))
                    if (Key(x, y) < key && Meet(x, y)) return false;
            return true;
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
                    if ((Returning(_officer[i]) || Returning(_officer[j])) && !FirstMeeting(i, j)) continue;
                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }
                    yield return (_officer[i], _officer[j]);
                }
        }

        // First index whose start is after the day (the blocks are sorted by start).
        private static int UpperBound(DateOnly[] starts, DateOnly day) // also used on the sorted gap ends
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
