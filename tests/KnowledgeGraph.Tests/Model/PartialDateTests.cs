using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Tests.Model;

public class PartialDateTests
{
    [Theory]
    [InlineData("2017", 2017, null, null)]
    [InlineData("2017-07", 2017, 7, null)]
    [InlineData("2017-07-26", 2017, 7, 26)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void Parses_year_month_and_day_precision(string text, int year, int? month, int? day)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(new PartialDate(year, month, day), date);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2017-13", "month 13")]
    [InlineData("2017-00", "month 00")]
    [InlineData("2023-02-29", "day 29")]
    [InlineData("2017-04-31", "day 31")]
    [InlineData("17-07", "not a date")]
    [InlineData("2017/07/26", "not a date")]
    [InlineData("July 2017", "not a date")]
    [InlineData("", "not a date")]
    public void Rejects_impossible_or_malformed_dates_saying_why(string text, string reason)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_year_covers_the_whole_year_and_a_month_its_last_day()
    {
        Assert.Equal(new DateOnly(2017, 1, 1), PartialDate.Parse("2017").Earliest);
        Assert.Equal(new DateOnly(2017, 12, 31), PartialDate.Parse("2017").Latest);
        Assert.Equal(new DateOnly(2024, 2, 29), PartialDate.Parse("2024-02").Latest);
        Assert.Equal(new DateOnly(2023, 2, 28), PartialDate.Parse("2023-02").Latest);
    }

    [Fact]
    public void Orders_by_first_day_then_less_precise_first()
    {
        var sorted = new[] { "2021-03-01", "2021", "2020-12-31", "2021-03" }.Select(PartialDate.Parse).Order().Select(d => d.ToString());
        Assert.Equal(["2020-12-31", "2021", "2021-03", "2021-03-01"], sorted);
    }
}
