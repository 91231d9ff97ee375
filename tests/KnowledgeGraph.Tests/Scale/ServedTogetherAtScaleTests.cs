using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Scale;

/// <summary>
/// A generated mid-size graph (thousands of officers with several, overlapping, open and unknown-ended spells, units in
/// forces, one big unit, officers who come back to a unit, a few WORKED_WITH) in a real SQLite file. The store's
/// served-together answers are compared with a brute-force computation written here, independent of ServedTogetherRule
/// and ServiceSweep: every pair of spells is compared with Period.OverlapWith (which has its own tests).
/// </summary>
public sealed class ServedTogetherAtScaleTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly List<Spell> _spells = [];
    private readonly List<(string A, string B)> _workedWith = [];
    private readonly Dictionary<string, string> _forceOfUnit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private SqliteGraphStore _store = null!;

    private sealed record Spell(string Officer, string Place, string? Force, Period Period);

    public async Task InitializeAsync()
    {
        var random = new Random(7);
        var nodes = new List<GraphNode> { Node("source:roll", Labels.Source, "Roll", ("kind", "report"), ("title", "Roll"), ("seedFile", "roll")) };
        var rels = new List<GraphRelationship>();
        const int forces = 6, unitsPerForce = 10, officers = 2_000;
        for (var f = 0; f < forces; f++)
        {
            nodes.Add(Node($"force:f{f}", Labels.Force, $"Force {f}"));
            for (var u = 0; u < unitsPerForce; u++)
            {
                var unit = $"unit:f{f}-u{u}";
                nodes.Add(Node(unit, Labels.Unit, $"Unit {u} of {f}"));
                rels.Add(Rel(RelationshipTypes.PartOf, unit, $"force:f{f}", null, []));
                _forceOfUnit[unit] = $"force:f{f}";
            }
        }
        var row = 0;
        for (var o = 0; o < officers; o++)
        {
            var officer = $"officer:o{o}";
            nodes.Add(Node(officer, Labels.Officer, $"Officer {(char)('A' + random.Next(26))} {o}"));
            _names[officer] = nodes[^1].Name;
            var force = random.Next(forces);
            var year = 1985 + random.Next(35);
            var spells = 1 + random.Next(3);
            for (var s = 0; s < spells; s++)
            {
                // One big unit (f0-u0) takes a fifth of all spells; some spells are at the force itself.
                var place = random.Next(5) == 0 ? "unit:f0-u0" : random.Next(6) == 0 ? $"force:f{force}" : $"unit:f{force}-u{random.Next(unitsPerForce)}";
                var from = random.Next(10) == 0 ? null : Date(year, random);
                var length = random.Next(8);
                var to = random.Next(7) switch { 0 => "present", 1 => null, _ => $"{year + length}" };
                rels.Add(Rel(RelationshipTypes.ServedIn, officer, place, s.ToString(), [$"source:roll#row {++row}"], ("from", from), ("to", to)));
                _spells.Add(new Spell(officer, place, place.StartsWith("force:") ? place : _forceOfUnit[place], Period.Parse(from, to)));
                // Sometimes a gap, then back to a unit already served in (the sweep must list such pairs once).
                year += length + random.Next(3);
            }
        }
        for (var w = 0; w < 40; w++)
        {
            var (a, b) = ($"officer:o{random.Next(officers)}", $"officer:o{random.Next(officers)}");
            if (a == b || _workedWith.Contains((a, b)) || _workedWith.Contains((b, a))) continue;
            _workedWith.Add((a, b));
            rels.Add(Rel(RelationshipTypes.WorkedWith, a, b, null, ["source:roll"]));
        }

        _store = new SqliteGraphStore(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"), new FixedTime(Today));
        await _store.ImportAsync(new Core.Model.Dataset(nodes, rels), null, None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Served_together_for_officers_matches_a_brute_force_comparison_of_every_spell()
    {
        var officers = _spells.Select(s => s.Officer).Distinct().Where((_, i) => i % 40 == 0)
            .Concat(_workedWith.Select(w => w.A)).Concat(_spells.Where(s => s.Place == "unit:f0-u0").Select(s => s.Officer).Take(5)).Distinct();
        foreach (var officer in officers)
            foreach (var scope in new[] { ServiceScope.Unit, ServiceScope.Force })
            {
                var expected = BruteForceColleagues(officer, scope);
                var entries = await WalkAsync(officer, scope);

                Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), entries.Select(e => e.Officer.Id).Order(StringComparer.Ordinal));
                foreach (var entry in entries)
                {
                    var shared = expected[entry.Officer.Id];
                    Assert.Equal(shared.Keys.Order(), entry.Shared.Select(s => (s.Organisation?.Id ?? "", s.Basis)).Order());
                    Assert.All(entry.Shared, s => Assert.Equal(shared[(s.Organisation?.Id ?? "", s.Basis)], s.Certainty));
                    Assert.Equal(shared.Values.Contains("certain") ? "certain" : "possible", entry.Certainty);
                }
                var rank = entries.Select(e => (e.Basis == "explicit" ? 0 : 2) + (e.Certainty == "certain" ? 0 : 1)).ToList();
                Assert.Equal(rank.Order(), rank);
            }
    }

    [Fact]
    public async Task Served_together_is_ranked_explicit_then_certain_then_longer_sure_overlap_then_smaller_place_then_name()
    {
        // The whole order, not only its first two keys: each co-worker's strongest link worked out here, pair by pair.
        var officers = _spells.Select(s => s.Officer).Distinct().Where((_, i) => i % 97 == 0)
            .Concat(_workedWith.Select(w => w.A)).Concat(_spells.Where(s => s.Place == "unit:f0-u0").Select(s => s.Officer).Take(3)).Distinct();
        var members = _spells.SelectMany(s => new[] { (Place: s.Place, s.Officer), (Place: s.Force!, s.Officer) }).Distinct()
            .GroupBy(m => m.Place).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sure = _spells.ToDictionary(s => s, s => SurelyCovered(s.Period));
        foreach (var officer in officers)
            foreach (var scope in new[] { ServiceScope.Unit, ServiceScope.Force })
            {
                var strongest = new Dictionary<string, (bool Explicit, bool Certain, int Days, int Size)>(StringComparer.Ordinal);
                void Add(string other, bool isExplicit, bool certain, int days, int size)
                {
                    var was = strongest.TryGetValue(other, out var known) ? known : (Explicit: false, Certain: false, Days: 0, Size: int.MaxValue);
                    strongest[other] = (was.Explicit || isExplicit, was.Certain || certain, Math.Max(was.Days, days), Math.Min(was.Size, size));
                }
                foreach (var (a, b) in _workedWith)
                    if (a == officer ^ b == officer) Add(a == officer ? b : a, true, true, 0, int.MaxValue);
                foreach (var mine in _spells.Where(s => s.Officer == officer))
                    foreach (var other in _spells.Where(s => s.Officer != officer))
                    {
                        var overlap = mine.Period.OverlapWith(other.Period, Today).Certainty;
                        if (overlap == Certainty.None) continue;
                        var place = mine.Place.StartsWith("unit:") && mine.Place == other.Place ? mine.Place
                            : scope == ServiceScope.Force && mine.Force == other.Force ? mine.Force! : null;
                        if (place is null) continue;
                        var days = sure[mine] is { } x && sure[other] is { } y ? Math.Max(0, Math.Min(x.To, y.To) - Math.Max(x.From, y.From) + 1) : 0;
                        Add(other.Officer, false, overlap == Certainty.Certain, days, members[place]);
                    }
                var expected = strongest
                    .OrderByDescending(c => c.Value.Explicit).ThenByDescending(c => c.Value.Certain).ThenByDescending(c => c.Value.Days)
                    .ThenBy(c => c.Value.Size).ThenBy(c => _names[c.Key], StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => c.Key).ToList();

                Assert.Equal(expected, (await WalkAsync(officer, scope)).Select(e => e.Officer.Id).ToList());
            }
    }

    // Day numbers every reading of the period covers: after its latest possible start, up to its earliest possible end
    // (an open end: today); the days a partial date may be are listed, not taken from its bounds. Null: an end unknown.
    private static (int From, int To)? SurelyCovered(Period period)
    {
        static IEnumerable<DateOnly> DaysOf(PartialDate date)
        {
            for (var day = new DateOnly(date.Year, 1, 1); day.Year == date.Year; day = day.AddDays(1))
                if ((date.Month is null || date.Month == day.Month) && (date.Day is null || date.Day == day.Day)) yield return day;
        }
        if (period.From.Date is not { } start || (period.To.Date is null && !period.To.IsOpen)) return null;
        return (DaysOf(start).Max().DayNumber, period.To.IsOpen ? Today.DayNumber : DaysOf(period.To.Date!.Value).Min().DayNumber);
    }

    [Fact]
    public async Task Pairs_at_an_organisation_match_a_brute_force_comparison_of_every_pair_of_spells()
    {
        var windows = new (PartialDate? From, PartialDate? To)[]
        {
            (null, null), (PartialDate.Parse("2005"), null), (null, PartialDate.Parse("1999-06")), (PartialDate.Parse("2010-03-04"), PartialDate.Parse("2012")),
        };
        foreach (var organisation in new[] { "unit:f0-u0", "force:f1", "unit:f2-u3" })
            foreach (var (from, to) in windows)
            {
                var expected = BruteForcePairs(organisation, from, to);
                var walked = new List<ServedTogetherPair>();
                string? cursor = null;
                var total = -1;
                do
                {
                    var page = (await _store.FindServedTogetherAtAsync(new OrganisationServedTogetherQuery(organisation, from, to, new PageRequest(QueryLimits.MaxResults, cursor)), None))!;
                    Assert.True(total == -1 || total == page.Total);
                    total = page.Total;
                    walked.AddRange(page.Pairs);
                    cursor = page.Next;
                    // A page short of its limit must be the last: a total counting more than the list holds loops here.
                    Assert.True(cursor is null || page.Pairs.Count == QueryLimits.MaxResults, $"a short page at {walked.Count} of {page.Total} with a next cursor");
                } while (cursor is not null);

                var found = walked.Select(p => (Key: Key(p.Officer.Id, p.OtherOfficer.Id), p.Certainty)).ToList();
                Assert.Equal(found.Count, found.Select(p => p.Key).Distinct().Count());
                Assert.Equal(expected.Count, total);
                Assert.Equal(expected.Count, found.Count);
                foreach (var (key, certainty) in found) Assert.Equal(expected[key], certainty);
                Assert.All(walked, p => Assert.NotEmpty(p.Sources));
            }
    }

    [Fact]
    public async Task A_page_in_the_middle_of_the_big_unit_is_the_same_slice_as_walking_to_it()
    {
        var first = (await _store.FindServedTogetherAtAsync(new OrganisationServedTogetherQuery("unit:f0-u0", null, null, new PageRequest(250)), None))!;
        var second = (await _store.FindServedTogetherAtAsync(new OrganisationServedTogetherQuery("unit:f0-u0", null, null, new PageRequest(100, first.Next)), None))!;
        var both = (await _store.FindServedTogetherAtAsync(new OrganisationServedTogetherQuery("unit:f0-u0", null, null, new PageRequest(350)), None))!;
        Assert.Equal(both.Pairs.Skip(250).Select(p => (p.Officer.Id, p.OtherOfficer.Id)), second.Pairs.Select(p => (p.Officer.Id, p.OtherOfficer.Id)));
    }

    [Fact]
    public async Task Of_equally_strong_spell_pairs_at_a_place_the_answer_shows_the_one_the_store_lists_first()
    {
        // The store's tables lay rows out by dates (SpellTable), not in the order the store lists spells: the answer
        // must not follow the layout. B's two spells at the unit are both "possible" with no sure day; the one with an
        // unknown end sits after the other in the layout but is listed first.
        var nodes = new List<GraphNode>
        {
            Node("source:roll", Labels.Source, "Roll", ("kind", "report"), ("title", "Roll"), ("seedFile", "roll")),
            Node("unit:u", Labels.Unit, "U"), Node("officer:a", Labels.Officer, "A"), Node("officer:b", Labels.Officer, "B"),
        };
        var mine = Rel(RelationshipTypes.ServedIn, "officer:a", "unit:u", "0", [], ("from", "2000"), ("to", "2010"));
        var unknownEnd = Rel(RelationshipTypes.ServedIn, "officer:b", "unit:u", "0", [], ("from", "2003"));
        var unknownStart = Rel(RelationshipTypes.ServedIn, "officer:b", "unit:u", "1", [], ("to", "2008"));
        Assert.True(string.CompareOrdinal(unknownEnd.Id, unknownStart.Id) < 0, "the store lists spells by id");
        var store = new SqliteGraphStore(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"), new FixedTime(Today));
        await store.ImportAsync(new Core.Model.Dataset(nodes, [mine, unknownStart, unknownEnd]), null, None);

        var entry = Assert.Single((await store.FindServedTogetherAsync(new ServedTogetherQuery("officer:a", ServiceScope.Unit, new PageRequest(10)), None))!.Entries);
        var expected = Period.Parse("2000", "2010").OverlapWith(Period.Parse("2003", null), Today);
        Assert.NotEqual(expected, Period.Parse("2000", "2010").OverlapWith(Period.Parse(null, "2008"), Today));
        var shared = Assert.Single(entry.Shared);
        Assert.Equal(("possible", expected.From, expected.To), (shared.Certainty, shared.From, shared.To));
    }

    private async Task<List<ServedTogetherEntry>> WalkAsync(string officer, ServiceScope scope)
    {
        var entries = new List<ServedTogetherEntry>();
        string? cursor = null;
        do
        {
            var page = (await _store.FindServedTogetherAsync(new ServedTogetherQuery(officer, scope, new PageRequest(197, cursor)), None))!;
            entries.AddRange(page.Entries);
            cursor = page.Next;
            Assert.True(cursor is null || page.Entries.Count == 197);
            if (cursor is null) Assert.Equal(page.Total, entries.Count);
        } while (cursor is not null);
        return entries;
    }

    // other officer -> (organisation id or "" for explicit, basis) -> strongest certainty
    private Dictionary<string, Dictionary<(string, string), string>> BruteForceColleagues(string officer, ServiceScope scope)
    {
        var result = new Dictionary<string, Dictionary<(string, string), string>>(StringComparer.Ordinal);
        void Add(string other, string place, string basis, Certainty certainty)
        {
            if (!result.TryGetValue(other, out var shared)) result[other] = shared = [];
            var text = certainty == Certainty.Certain ? "certain" : "possible";
            if (!shared.TryGetValue((place, basis), out var known) || known == "possible") shared[(place, basis)] = text;
        }
        foreach (var (a, b) in _workedWith)
            if (a == officer) Add(b, "", "explicit", Certainty.Certain);
            else if (b == officer) Add(a, "", "explicit", Certainty.Certain);
        foreach (var mine in _spells.Where(s => s.Officer == officer))
            foreach (var other in _spells.Where(s => s.Officer != officer))
            {
                var overlap = mine.Period.OverlapWith(other.Period, Today).Certainty;
                if (overlap == Certainty.None) continue;
                if (mine.Place.StartsWith("unit:") && mine.Place == other.Place) Add(other.Officer, mine.Place, "unit", overlap);
                else if (scope == ServiceScope.Force && mine.Force == other.Force) Add(other.Officer, mine.Force!, "force", overlap);
            }
        return result;
    }

    private Dictionary<string, string> BruteForcePairs(string organisation, PartialDate? from, PartialDate? to)
    {
        var window = new Period(from is { } f ? PeriodEnd.On(f) : PeriodEnd.Unknown, to is { } t ? PeriodEnd.On(t) : PeriodEnd.Unknown);
        var here = _spells.Where(s => organisation.StartsWith("force:") ? s.Force == organisation : s.Place == organisation).ToList();
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < here.Count; i++)
            for (var j = i + 1; j < here.Count; j++)
            {
                var (a, b) = (here[i], here[j]);
                if (a.Officer == b.Officer) continue;
                var overlap = a.Period.OverlapWith(b.Period, Today).Certainty;
                // Both spells must also reach into the window (three spans on a line share a day iff each two do).
                if (overlap == Certainty.None || a.Period.OverlapWith(window, Today).Certainty == Certainty.None
                    || b.Period.OverlapWith(window, Today).Certainty == Certainty.None) continue;
                var key = Key(a.Officer, b.Officer);
                if (!pairs.TryGetValue(key, out var known) || known == "possible") pairs[key] = overlap == Certainty.Certain ? "certain" : "possible";
            }
        return pairs;
    }

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";

    private static string Date(int year, Random random) => random.Next(3) switch
    {
        0 => $"{year}",
        1 => $"{year}-{1 + random.Next(12):00}",
        _ => $"{year}-{1 + random.Next(12):00}-{1 + random.Next(28):00}",
    };

    private static GraphNode Node(string id, string label, string name, params (string Key, object? Value)[] properties) =>
        new(id, label, name, [], properties.ToDictionary(p => p.Key, p => p.Value), label == Labels.Source ? [] : ["source:roll"]);

    private static GraphRelationship Rel(string type, string from, string to, string? key, IReadOnlyList<string> sources,
        params (string Key, object? Value)[] properties) =>
        new(GraphRelationship.MakeId(type, from, to, key), type, from, to,
            properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value), sources.Count == 0 ? ["source:roll"] : sources);

    private sealed class FixedTime(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
