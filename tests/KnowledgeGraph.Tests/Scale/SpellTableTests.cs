using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Tests.Scale;

/// <summary>
/// The layout that lets served-together read only the rows whose dates can meet the officer's
/// (<see cref="SpellTable.RangesMeeting"/>), checked against a scan of every row: a row it leaves out would silently drop
/// a co-worker from the answer, so every query here is compared with the rows that can meet it, one by one.
/// </summary>
public sealed class SpellTableTests
{
    private static readonly NodeRef Unit = new("unit:u", Labels.Unit, "U");

    // Short and long spells, dates to the year, month or day, open ends, unknown ends and unknown starts, 1960–2026.
    // With careersOnly, every spell is 10–30 years with both ends known (the long run alone).
    private static SpellTable RandomTable(int seed, int count, out SpellKeys keys, bool careersOnly = false)
    {
        var random = new Random(seed);
        var spells = new List<ServiceSpell>();
        for (var i = 0; i < count; i++)
        {
            var year = 1960 + random.Next(66);
            var length = random.Next(4) == 0 ? 5 + random.Next(35) : random.Next(6);
            string? Date(int y) => random.Next(3) switch { 0 => $"{y}", 1 => $"{y}-{1 + random.Next(12):00}", _ => $"{y}-{1 + random.Next(12):00}-{1 + random.Next(28):00}" };
            var from = random.Next(15) == 0 && !careersOnly ? null : Date(year);
            var to = careersOnly ? Date(year + 10 + random.Next(21)) : random.Next(6) switch { 0 => "present", 1 => null, _ => Date(year + length) };
            spells.Add(new ServiceSpell($"r{i}", new NodeRef($"officer:o{random.Next(count / 2)}", Labels.Officer, "O"), Unit, null, from, to, []));
        }
        keys = new SpellKeys();
        return new SpellTable(spells, keys);
    }

    [Fact]
    public void Every_row_whose_dates_can_meet_a_period_is_in_the_stretches_it_is_given()
    {
        var table = RandomTable(11, 5_000, out _);
        var random = new Random(3);
        var rows = table.Rows.ToArray();
        for (var q = 0; q < 400; q++)
        {
            var earliest = new DateOnly(1955 + random.Next(75), 1, 1).AddDays(random.Next(365)).DayNumber;
            var latest = q % 10 == 0 ? DateOnly.MaxValue.DayNumber : earliest + random.Next(q % 3 == 0 ? 100 : 6_000);
            if (q % 17 == 0) earliest = DateOnly.MinValue.DayNumber;

            var stretches = table.RangesMeeting(earliest, latest).ToList();
            for (var s = 0; s < stretches.Count; s++)
            {
                Assert.True(stretches[s].From < stretches[s].To && stretches[s].From >= 0 && stretches[s].To <= rows.Length);
                if (s > 0) Assert.True(stretches[s - 1].To <= stretches[s].From, "stretches overlap or are out of order");
            }
            var read = new HashSet<int>(stretches.SelectMany(r => Enumerable.Range(r.From, r.To - r.From)));
            for (var i = 0; i < rows.Length; i++)
                if (rows[i].EarliestStart <= latest && rows[i].LatestEnd >= earliest)
                    Assert.True(read.Contains(i), $"row {i} ({table.SpellAt(i).From} to {table.SpellAt(i).To}) meets {earliest}..{latest} but is not read");
        }
        Assert.Empty(table.RangesMeeting(1_000, 999));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_narrow_period_reads_little_more_than_the_rows_that_meet_it(bool careersOnly)
    {
        // The point of the layout: an officer who served a few years of a forty-year force reads about that many rows.
        var table = RandomTable(5, 20_000, out _, careersOnly);
        var rows = table.Rows.ToArray();
        long read = 0, meeting = 0, questions = 0;
        for (var year = 1965; year < 2026; year += 3, questions++)
        {
            var (earliest, latest) = (new DateOnly(year, 1, 1).DayNumber, new DateOnly(year + 2, 12, 31).DayNumber);
            read += table.RangesMeeting(earliest, latest).Sum(r => r.To - r.From);
            meeting += rows.Count(r => r.EarliestStart <= latest && r.LatestEnd >= earliest);
        }
        Assert.True(read < 1.5 * meeting, $"read {read:N0} rows for {meeting:N0} that meet (of {rows.Length:N0} per question)");
        Assert.True(read < 0.5 * rows.Length * questions, $"read {read:N0} rows, about every row of every question");
    }

    [Fact]
    public void The_rows_are_the_spells_given_each_once_and_each_row_knows_its_spell()
    {
        var table = RandomTable(8, 3_000, out var keys);
        Assert.Equal(Enumerable.Range(0, table.Count), Enumerable.Range(0, table.Count).Select(table.OrderOf).Order());
        for (var i = 0; i < table.Count; i++)
        {
            Assert.Same(table.Spells[table.OrderOf(i)], table.SpellAt(i));
            Assert.Equal(SpellRow.Of(table.SpellAt(i), keys.Find), table.Rows[i]);
            Assert.Same(table.SpellAt(i).Officer, table.Officers[i]);
        }
    }
}
