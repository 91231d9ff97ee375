using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Tests.Model;

public class PeriodOverlapTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Overlap Compare(string? aFrom, string? aTo, string? bFrom, string? bTo) =>
        Period.Parse(aFrom, aTo).OverlapWith(Period.Parse(bFrom, bTo), Today);

    [Fact]
    public void Known_periods_that_share_years_overlap_for_certain_with_the_shared_span()
    {
        var overlap = Compare("2010", "2015", "2012-06", "2020");
        Assert.Equal(Certainty.Certain, overlap.Certainty);
        Assert.Equal("2012-06", overlap.From);
        Assert.Equal("2015", overlap.To);
    }

    [Fact]
    public void Known_periods_that_do_not_meet_do_not_overlap()
    {
        Assert.Equal(Certainty.None, Compare("2010", "2012", "2013", "2015").Certainty);
        Assert.Equal(Certainty.None, Compare("2010-01-01", "2010-06-30", "2010-07-01", "2011").Certainty);
    }

    [Fact]
    public void A_period_ending_on_the_day_another_starts_overlaps_it()
    {
        var overlap = Compare("2010-01-01", "2017-07-26", "2017-07-26", "2020-01-01");
        Assert.Equal(Certainty.Certain, overlap.Certainty);
        Assert.Equal("2017-07-26", overlap.From);
        Assert.Equal("2017-07-26", overlap.To);
    }

    [Fact]
    public void Same_year_at_year_precision_is_only_possible()
    {
        // One spell ended in 2017 and the other began in 2017: they may or may not have met.
        Assert.Equal(Certainty.Possible, Compare("2010", "2017", "2017", "2020").Certainty);
    }

    [Fact]
    public void Unknown_ends_give_possible_never_yes_or_no()
    {
        Assert.Equal(Certainty.Possible, Compare(null, null, null, null).Certainty);
        Assert.Equal(Certainty.Possible, Compare("2010", null, "2015", "2016").Certainty);
        Assert.Equal(Certainty.Possible, Compare(null, "2023-11", "2001", "2005").Certainty);
    }

    [Fact]
    public void An_unknown_end_cannot_rescue_periods_that_are_apart_for_sure()
    {
        // B started after A had certainly ended, so B's unknown end changes nothing.
        Assert.Equal(Certainty.None, Compare("2001", "2003", "2005", null).Certainty);
    }

    [Fact]
    public void An_open_end_runs_to_today()
    {
        Assert.Equal(Certainty.Certain, Compare("2010", "present", "2020", "2021").Certainty);
        Assert.Equal(Certainty.None, Compare("2027", "present", "2001", "2026-01").Certainty);
        Assert.Equal("present", Compare("2010", "present", "2012", "present").To);
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_flagged()
    {
        Assert.True(Period.Parse("2020", "2019-12").EndsBeforeItStarts);
        Assert.False(Period.Parse("2020", "2020").EndsBeforeItStarts);
        Assert.False(Period.Parse(null, "2019").EndsBeforeItStarts);
    }
}
