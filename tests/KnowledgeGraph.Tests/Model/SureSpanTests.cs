using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Tests.Model;

/// <summary>
/// <see cref="SureSpan"/> decides, for a force hub's thousands of cases, what <see cref="Period.OverlapWith"/> calls
/// Certain. Checked against a day-by-day search over every pair of many mixed periods (years, months, days, open and
/// unknown ends), with the days a partial date may be found by listing them, not from its bounds.
/// </summary>
public class SureSpanTests
{
    private static readonly DateOnly Today = new(2012, 6, 15);
    private static readonly DateOnly First = new(2009, 1, 1), Last = new(2014, 12, 31);

    [Fact]
    public void Two_periods_meet_exactly_when_some_day_is_surely_in_both()
    {
        var periods = MixedPeriods(new Random(7), 110);
        var sure = periods.Select(SurelyCovered).ToArray();
        var (certain, checkedPairs) = (0, 0);
        for (var i = 0; i < periods.Count; i++)
            for (var j = 0; j < periods.Count; j++)
            {
                var expected = SomeDayInBoth(sure[i], sure[j]);
                var because = $"{Show(periods[i])} and {Show(periods[j])}";
                Assert.True(expected == SureSpan.Meet(SureSpan.Of(periods[i]), SureSpan.Of(periods[j]), Today), because);
                Assert.True(expected == (periods[i].OverlapWith(periods[j], Today).Certainty == Certainty.Certain), because);
                certain += expected ? 1 : 0;
                checkedPairs++;
            }
        // The mix must exercise both answers, or the test proves nothing.
        Assert.InRange(certain, checkedPairs / 10, checkedPairs * 9 / 10);
    }

    [Fact]
    public void A_period_with_an_unknown_end_has_no_sure_span_and_an_open_one_runs_to_the_day_asked()
    {
        Assert.Null(SureSpan.Of(Period.Parse(null, "2010")));
        Assert.Null(SureSpan.Of(Period.Parse("2010", null)));
        var open = SureSpan.Of(Period.Parse("2010", "present"));
        var later = SureSpan.Of(Period.Parse("2020-01-01", "2020-12-31"));
        Assert.False(SureSpan.Meet(open, later, new DateOnly(2019, 12, 31)));
        Assert.True(SureSpan.Meet(open, later, new DateOnly(2020, 1, 1)));
    }

    // The days a period surely covers, from the days its ends may be (listed), or null when an end is not known.
    private static (DateOnly From, DateOnly To)? SurelyCovered(Period p)
    {
        if (p.From.Date is not { } start || (p.To.Date is null && !p.To.IsOpen)) return null;
        var latestStart = DaysOf(start).Max();
        var earliestEnd = p.To.IsOpen ? Today : DaysOf(p.To.Date!.Value).Min();
        return (latestStart, earliestEnd);
    }

    private static bool SomeDayInBoth((DateOnly From, DateOnly To)? a, (DateOnly From, DateOnly To)? b)
    {
        if (a is not { } x || b is not { } y) return false;
        for (var day = First; day <= Last; day = day.AddDays(1))
            if (x.From <= day && day <= x.To && y.From <= day && day <= y.To) return true;
        return false;
    }

    private static IEnumerable<DateOnly> DaysOf(PartialDate date)
    {
        for (var day = new DateOnly(date.Year, 1, 1); day.Year == date.Year; day = day.AddDays(1))
            if ((date.Month is null || date.Month == day.Month) && (date.Day is null || date.Day == day.Day)) yield return day;
    }

    private static List<Period> MixedPeriods(Random random, int count)
    {
        PartialDate Date()
        {
            var day = First.AddDays(random.Next(Last.DayNumber - First.DayNumber + 1));
            return random.Next(3) switch
            {
                0 => new PartialDate(day.Year),
                1 => new PartialDate(day.Year, day.Month),
                _ => PartialDate.FromDate(day),
            };
        }
        var periods = new List<Period>();
        while (periods.Count < count)
        {
            var from = random.Next(8) == 0 ? PeriodEnd.Unknown : PeriodEnd.On(Date());
            var to = random.Next(8) switch { 0 => PeriodEnd.Unknown, 1 or 2 => PeriodEnd.Present, _ => PeriodEnd.On(Date()) };
            var period = new Period(from, to);
            if (!period.EndsBeforeItStarts) periods.Add(period);
        }
        return periods;
    }

    private static string Show(Period p) => $"{p.From}–{p.To}";
}
