using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Tests.Scale;

/// <summary>
/// The sweep's total and pages against every pair of spells compared directly, on small organisations whose spells are
/// crowded into a few weeks: blocks that end on the day another starts, officers who leave and come back, meetings
/// repeated across several blocks. The mid-size test meets those boundaries only by chance.
/// </summary>
public class ServiceSweepTests
{
    private static readonly DateOnly Today = new(2020, 3, 1);
    private static readonly NodeRef Unit = new("unit:u", Labels.Unit, "U");

    [Fact]
    public void Every_pair_of_officers_who_can_share_a_day_is_counted_and_listed_once_on_crowded_dates()
    {
        var random = new Random(17);
        for (var round = 0; round < 300; round++)
        {
            var spells = new List<ServiceSpell>();
            for (var o = 0; o < random.Next(2, 30); o++)
            {
                var day = random.Next(0, 20);
                for (var s = random.Next(1, 4); s > 0; s--)
                {
                    var length = random.Next(0, 6);
                    string On(int d) => new DateOnly(2020, 1, 1).AddDays(d).ToString("yyyy-MM-dd");
                    var to = random.Next(10) == 0 ? "present" : On(day + length);
                    spells.Add(new ServiceSpell($"r{spells.Count}", new NodeRef($"officer:o{o}", Labels.Officer, $"O{o}"), Unit, null,
                        random.Next(12) == 0 ? null : On(day), to, []));
                    day += length + random.Next(0, 4); // 0: the next spell starts the day this one ends
                }
            }
            var expected = EveryPairThatCanShareADay(spells);

            var sweep = new ServiceSweep(Unit, spells);
            var listed = new List<(string, string)>();
            string? cursor = null;
            var limit = random.Next(1, 9);
            do
            {
                var (pairs, total, next) = sweep.Page(null, null, new PageRequest(limit, cursor));
                Assert.Equal(expected.Count, total);
                Assert.True(next is null || pairs.Count == limit, $"round {round}: a short page with a next cursor");
                listed.AddRange(pairs.Select(p => Ordered(p.First[0].Officer.Id, p.Second[0].Officer.Id)));
                cursor = next;
            } while (cursor is not null);
            Assert.Equal(expected.Count, listed.Count);
            Assert.Equal(expected.Order(), listed.Order());
        }
    }

    [Fact]
    public void Officers_who_return_over_decades_are_counted_and_listed_once_as_every_pair_of_spells_says()
    {
        // Spread over sixty years, so most returning officers' blocks ended long before another's start: the runs of
        // blocks that cannot meet are stepped over, and what is stepped over must hold no meeting.
        var random = new Random(23);
        for (var round = 0; round < 4; round++)
        {
            var spells = new List<ServiceSpell>();
            for (var o = 0; o < 400; o++)
            {
                var officer = new NodeRef($"officer:o{o:D3}", Labels.Officer, $"O{o}");
                var year = random.Next(1960, 2020);
                for (var s = random.Next(2) == 0 ? 1 : random.Next(2, 5); s > 0 && year < 2020; s--)
                {
                    var length = random.Next(0, 8);
                    var to = year + length >= 2020 ? "present" : $"{year + length}-{random.Next(1, 13):D2}";
                    spells.Add(new ServiceSpell($"r{spells.Count}", officer, Unit, null, $"{year}-{random.Next(1, 13):D2}", to, []));
                    year += length + random.Next(1, 10);
                }
            }
            var expected = EveryPairThatCanShareADay(spells);

            var sweep = new ServiceSweep(Unit, spells);
            var listed = new List<(string, string)>();
            string? cursor = null;
            do
            {
                var (pairs, total, next) = sweep.Page(null, null, new PageRequest(1000, cursor));
                Assert.Equal(expected.Count, total);
                listed.AddRange(pairs.Select(p => Ordered(p.First[0].Officer.Id, p.Second[0].Officer.Id)));
                cursor = next;
            } while (cursor is not null);
            Assert.Equal(expected.Order(), listed.Order());
        }
    }

    // The brute force: every two spells of different officers compared directly.
    private static HashSet<(string, string)> EveryPairThatCanShareADay(List<ServiceSpell> spells)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var a in spells)
            foreach (var b in spells)
                if (string.CompareOrdinal(a.Officer.Id, b.Officer.Id) < 0 && a.Period.OverlapWith(b.Period, Today).Certainty != Certainty.None)
                    pairs.Add((a.Officer.Id, b.Officer.Id));
        return pairs;
    }

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
