namespace KnowledgeGraph.Core.Model;

/// <summary>
/// The days a period surely covers, as day numbers: from its latest possible start to its earliest possible end (an
/// open end is <see cref="OpenEnd"/>, read as today on whichever day the question is asked). It may be empty (From
/// after To: a period within 2003 is not surely on any one day of it). Two periods certainly share a day exactly when
/// both have a sure span and the spans meet; that is the <c>Certain</c> of <see cref="Period.OverlapWith"/>, answered
/// from four numbers a store can keep beside each of a hub's thousands of cases, instead of from their dates.
/// </summary>
public readonly record struct SureSpan(int From, int To)
{
    public const int OpenEnd = int.MaxValue;

    /// <summary>Null when a bound is not known: such a period never certainly overlaps another.</summary>
    public static SureSpan? Of(Period period) =>
        period.From.Date is { } start && (period.To.IsOpen || period.To.Date is not null)
            ? new SureSpan(start.Latest.DayNumber, period.To.Date is { } end ? end.Earliest.DayNumber : OpenEnd)
            : null;

    /// <summary>Whether the two periods these are of certainly share a day.</summary>
    public static bool Meet(SureSpan? a, SureSpan? b, DateOnly today) =>
        a is { } x && b is { } y && Math.Max(x.From, y.From) <= Math.Min(x.EndOn(today), y.EndOn(today));

    private int EndOn(DateOnly today) => To == OpenEnd ? today.DayNumber : To;
}
