
namespace KnowledgeGraph.Core.Model;

/// <summary>
/// A date known to the year, the month or the day (<c>2017</c>, <c>2017-07</c>, <c>2017-07-26</c>), as sources give
/// them. It covers a span of days: <see cref="Earliest"/> to <see cref="Latest"/>.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null) : IComparable<PartialDate>
{
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    public DateOnly Latest => Day is not null ? Earliest
        : Month is not null ? new DateOnly(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
        : new DateOnly(Year, 12, 31);

    public static bool TryParse(string? text, out PartialDate date, out string? error)
    {
        date = default;
        error = null;
        // YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits, read by hand: this runs for every date of a records release.
        if (text is null || text.Length is not (4 or 7 or 10) || !Digits(text, 0, 4)
            || (text.Length > 4 && (text[4] != '-' || !Digits(text, 5, 2)))
            || (text.Length > 7 && (text[7] != '-' || !Digits(text, 8, 2))))
        {
            error = $"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        var year = Number(text, 0, 4);
        int? month = text.Length > 4 ? Number(text, 5, 2) : null;
        int? day = text.Length > 7 ? Number(text, 8, 2) : null;
        if (year < 1800)
        {
            error = $"'{text}' has year {year}, before 1800";
            return false;
        }
        if (month is < 1 or > 12)
        {
            error = $"'{text}' has month {month:00}; months run 01 to 12";
            return false;
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            error = $"'{text}' has day {day:00}, which {year}-{month:00} does not have";
            return false;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    private static bool Digits(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
            if (!char.IsAsciiDigit(text[i])) return false;
        return true;
    }

    private static int Number(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++) value = value * 10 + (text[i] - '0');
        return value;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Orders by the first day covered, then the less precise first (2017 before 2017-01 before 2017-01-01).</summary>
    public int CompareTo(PartialDate other)
    {
        var byStart = Earliest.CompareTo(other.Earliest);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    private int Precision => Day is not null ? 3 : Month is not null ? 2 : 1;

    public override string ToString() =>
        Day is not null ? $"{Year:0000}-{Month:00}-{Day:00}" : Month is not null ? $"{Year:0000}-{Month:00}" : $"{Year:0000}";

    public static bool operator <(PartialDate a, PartialDate b) => a.CompareTo(b) < 0;
    public static bool operator >(PartialDate a, PartialDate b) => a.CompareTo(b) > 0;
    public static bool operator <=(PartialDate a, PartialDate b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PartialDate a, PartialDate b) => a.CompareTo(b) >= 0;
}
