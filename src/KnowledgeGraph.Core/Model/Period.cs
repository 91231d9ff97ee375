namespace KnowledgeGraph.Core.Model;

/// <summary>
/// One end of a period: a known partial date, <c>present</c> (still ongoing: open), or not known.
/// Unknown is kept apart from open because it must never be read as a yes or a no.
/// </summary>
public readonly record struct PeriodEnd
{
    public const string PresentText = "present";

    private PeriodEnd(PartialDate? date, bool isOpen) => (Date, IsOpen) = (date, isOpen);

    public PartialDate? Date { get; }
    public bool IsOpen { get; }
    public bool IsUnknown => Date is null && !IsOpen;

    public static PeriodEnd Unknown => default;
    public static PeriodEnd Present => new(null, true);
    public static PeriodEnd On(PartialDate date) => new(date, false);

    /// <summary>Reads a dataset value: a partial date, "present", or null / empty for unknown.</summary>
    public static bool TryParse(string? text, out PeriodEnd end, out string? error)
    {
        end = Unknown;
        error = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (text == PresentText)
        {
            end = Present;
            return true;
        }
        if (!PartialDate.TryParse(text, out var date, out error)) return false;
        end = On(date);
        return true;
    }

    public static PeriodEnd Parse(string? text) =>
        TryParse(text, out var end, out var error) ? end : throw new FormatException(error);

    public override string? ToString() => IsOpen ? PresentText : Date?.ToString();
}

public enum Certainty { None, Possible, Certain }

/// <summary>The shared part of two periods and how sure we are that there is one.</summary>
public sealed record Overlap(Certainty Certainty, string? From, string? To);

/// <summary>A span of time with ends that may be open or unknown, such as a spell of service.</summary>
public sealed record Period(PeriodEnd From, PeriodEnd To)
{
    public static Period Unknown { get; } = new(PeriodEnd.Unknown, PeriodEnd.Unknown);

    public static Period Parse(string? from, string? to) => new(PeriodEnd.Parse(from), PeriodEnd.Parse(to));

    /// <summary>True when both ends are dates and the end comes before the start could have begun.</summary>
    public bool EndsBeforeItStarts =>
        From.Date is { } start && To.Date is { } end && end.Latest < start.Earliest;

    /// <summary>
    /// Whether two periods share at least one day. Bounds are inclusive (a spell ending on the day another starts
    /// overlaps it). <c>Certain</c> needs every relevant end known; an unknown end that could go either way gives
    /// <c>Possible</c>; only periods that cannot share a day give <c>None</c>.
    /// </summary>
    public Overlap OverlapWith(Period other, DateOnly today)
    {
        var certainty = OverlapCertainty(other, today);
        return certainty == Certainty.None ? new Overlap(Certainty.None, null, null)
            : new Overlap(certainty, LaterStart(From, other.From), EarlierEnd(To, other.To));
    }

    /// <summary>The certainty of <see cref="OverlapWith"/> alone: for the callers that only ask whether (a force's
    /// thousands of cases per question), without writing the shared period's ends as text.</summary>
    public Certainty OverlapCertainty(Period other, DateOnly today)
    {
        var (aStartEarliest, aStartLatest) = StartBounds(From);
        var (bStartEarliest, bStartLatest) = StartBounds(other.From);
        var (aEndEarliest, aEndLatest) = EndBounds(To, today);
        var (bEndEarliest, bEndLatest) = EndBounds(other.To, today);

        var latestPossibleStart = Max(aStartEarliest, bStartEarliest);
        var earliestPossibleEnd = Min(aEndLatest, bEndLatest);
        if (latestPossibleStart > earliestPossibleEnd) return Certainty.None;

        var certain = aStartLatest is not null && bStartLatest is not null && aEndEarliest is not null && bEndEarliest is not null
            && Max(aStartLatest.Value, bStartLatest.Value) <= Min(aEndEarliest.Value, bEndEarliest.Value);
        return certain ? Certainty.Certain : Certainty.Possible;
    }

    // An unknown start may be as early as anything and as late as anything; null marks "not known".
    private static (DateOnly Earliest, DateOnly? Latest) StartBounds(PeriodEnd start) =>
        start.Date is { } d ? (d.Earliest, d.Latest) : (DateOnly.MinValue, null);

    private static (DateOnly? Earliest, DateOnly Latest) EndBounds(PeriodEnd end, DateOnly today) =>
        end.IsOpen ? (today, DateOnly.MaxValue)
        : end.Date is { } d ? (d.Earliest, d.Latest)
        : (null, DateOnly.MaxValue);

    private static string? LaterStart(PeriodEnd a, PeriodEnd b) =>
        (a.Date, b.Date) switch
        {
            ({ } x, { } y) => (x >= y ? x : y).ToString(),
            ({ } x, null) => x.ToString(),
            (null, { } y) => y.ToString(),
            _ => null,
        };

    private static string? EarlierEnd(PeriodEnd a, PeriodEnd b) =>
        (a.Date, b.Date) switch
        {
            ({ } x, { } y) => (x <= y ? x : y).ToString(),
            ({ } x, null) => x.ToString(),
            (null, { } y) => y.ToString(),
            _ when a.IsOpen && b.IsOpen => PeriodEnd.PresentText,
            _ => null,
        };

    private static DateOnly Max(DateOnly a, DateOnly b) => a >= b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;
}
