using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Documents;

/// <summary>A date found in the text: a partial date (2017, 2017-07, 2017-07-26), or null when it is relative and
/// the document's own date is unknown. <see cref="Basis"/> says how a relative date was worked out.</summary>
public sealed record FoundDate(int Start, int End, string? Date, bool Relative, string? Basis);

/// <summary>Full, partial and relative dates ("last July", "last year", "in June that year", "two years ago").</summary>
public static partial class DateFinder
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    public static int? Month(string word)
    {
        for (var i = 0; i < 12; i++)
            if (word.Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase)
                || (word.Length >= 3 && MonthNames[i].StartsWith(word.TrimEnd('.'), StringComparison.OrdinalIgnoreCase) && word.TrimEnd('.').Length >= 3))
                return i + 1;
        return null;
    }

    /// <summary>Every date in the text in order; <paramref name="documentDate"/> (a partial date) anchors relative ones.</summary>
    public static IReadOnlyList<FoundDate> Find(string text, string? documentDate)
    {
        var found = new List<FoundDate>();
        var taken = new bool[text.Length + 1];
        var anchor = Anchor(documentDate);
        int? lastYear = null;

        void Add(Match m, string? date, bool relative, string? basis)
        {
            for (var i = m.Index; i < m.Index + m.Length; i++) if (taken[i]) return;
            for (var i = m.Index; i < m.Index + m.Length; i++) taken[i] = true;
            found.Add(new FoundDate(m.Index, m.Index + m.Length, date, relative, basis));
        }

        foreach (Match m in IsoDate().Matches(text))
            if (Day(m.Groups["year"].Value, int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture), m.Groups["day"].Value) is { } d) Add(m, d, false, null);
        foreach (Match m in NumericDate().Matches(text))
            if (Day(m.Groups["year"].Value, int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture), m.Groups["day"].Value) is { } d) Add(m, d, false, null);
        foreach (Match m in DayMonthYear().Matches(text))
            if (Month(m.Groups["month"].Value) is { } month && Day(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } d) Add(m, d, false, null);
        foreach (Match m in MonthDayYear().Matches(text))
            if (Month(m.Groups["month"].Value) is { } month && Day(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } d) Add(m, d, false, null);
        foreach (Match m in MonthYear().Matches(text))
            if (Month(m.Groups["month"].Value) is { } month) Add(m, $"{m.Groups["year"].Value}-{month:00}", false, null);

        // Relative dates, in text order so "that year" can refer to the year last named.
        var relative = new List<(Match Match, Func<int?, (string? Date, string Basis)> Resolve)>();
        foreach (Match m in LastMonth().Matches(text))
        {
            var month = Month(m.Groups["month"].Value)!.Value;
            relative.Add((m, _ => anchor is null ? (null, "needs the document date")
                : ($"{(month < anchor.Value.Month ? anchor.Value.Year : anchor.Value.Year - 1)}-{month:00}", $"'last {MonthNames[month - 1]}' before the document date {documentDate}")));
        }
        foreach (Match m in MonthThatYear().Matches(text))
        {
            var month = Month(m.Groups["month"].Value)!.Value;
            relative.Add((m, year => year is null ? (null, "needs the year named before it") : ($"{year}-{month:00}", $"month of the year named before it ({year})")));
        }
        foreach (Match m in RelativePeriod().Matches(text))
        {
            var phrase = m.Value.ToLowerInvariant();
            relative.Add((m, _ => anchor is null ? (null, "needs the document date") : ResolvePeriod(phrase, anchor.Value, documentDate!)));
        }
        foreach (Match m in YearsAgo().Matches(text))
        {
            var n = Number(m.Groups["n"].Value);
            if (n is null) continue;
            relative.Add((m, _ => anchor is null ? (null, "needs the document date") : ($"{anchor.Value.Year - n}", $"{n} year(s) before the document date {documentDate}")));
        }

        var years = YearOnly().Matches(text).Cast<Match>().ToList();
        var events = found.Select(f => (f.Start, Kind: 0, Match: (Match?)null, Resolve: (Func<int?, (string?, string)>?)null, Date: f.Date))
            .Concat(relative.Select(r => (r.Match.Index, Kind: 1, Match: (Match?)r.Match, Resolve: (Func<int?, (string?, string)>?)r.Resolve, Date: (string?)null)))
            .Concat(years.Select(y => (y.Index, Kind: 2, Match: (Match?)y, Resolve: (Func<int?, (string?, string)>?)null, Date: (string?)y.Value)))
            .OrderBy(e => e.Item1).ToList();
        foreach (var e in events)
        {
            if (e.Kind == 0) { lastYear = int.Parse(e.Date![..4], CultureInfo.InvariantCulture); continue; }
            if (e.Kind == 1)
            {
                var (date, basis) = e.Resolve!(lastYear);
                Add(e.Match!, date, true, basis);
                if (date is not null) lastYear = int.Parse(date[..4], CultureInfo.InvariantCulture);
                continue;
            }
            var y = int.Parse(e.Date!, CultureInfo.InvariantCulture);
            var before = found.Count;
            Add(e.Match!, e.Date, false, null);
            if (found.Count > before) lastYear = y;
        }
        return found.OrderBy(f => f.Start).ToList();
    }

    private static (string?, string) ResolvePeriod(string phrase, DateOnly anchor, string documentDate)
    {
        var basis = $"'{phrase}' against the document date {documentDate}";
        string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return phrase switch
        {
            "last year" or "the previous year" => ($"{anchor.Year - 1}", basis),
            "this year" or "earlier this year" => ($"{anchor.Year}", basis),
            "last month" => (Month(anchor.AddMonths(-1)), basis),
            "this month" or "earlier this month" => (Month(anchor), basis),
            "last week" => (Month(anchor.AddDays(-7)), basis),
            "this week" or "earlier this week" => (Month(anchor), basis),
            "yesterday" => (anchor.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), basis),
            "today" => (anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), basis),
            _ => ($"{anchor.Year}", basis),
        };
    }

    /// <summary>The day a partial date stands for at its start (2024-07 → 1 July 2024), to anchor relative dates.</summary>
    private static DateOnly? Anchor(string? date)
    {
        if (date is null) return null;
        var parts = date.Split('-');
        if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year)) return null;
        var month = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var m) ? m : 12;
        var day = parts.Length > 2 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var d) ? d : 28;
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    private static string? Day(string year, int month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return d >= 1 && d <= DateTime.DaysInMonth(y, month) ? $"{y:0000}-{month:00}-{d:00}" : null;
    }

    private static int? Number(string word) => int.TryParse(word, CultureInfo.InvariantCulture, out var n) ? n
        : Array.IndexOf(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], word.ToLowerInvariant()) is var i and >= 0 ? i + 1 : null;

    private const string MonthWord = "(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

    [GeneratedRegex(@"\b(?<year>(?:19|20)\d{2})-(?<month>0[1-9]|1[0-2])-(?<day>[0-3]\d)\b")]
    private static partial Regex IsoDate();
    // UK order (day/month/year), as press-release listings print it, even when glued to the words before.
    [GeneratedRegex(@"(?<!\d)(?<day>[0-3]?\d)/(?<month>0?[1-9]|1[0-2])/(?<year>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex NumericDate();
    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthWord + @",?\s+(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex DayMonthYear();
    [GeneratedRegex(@"\b" + MonthWord + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex MonthDayYear();
    [GeneratedRegex(@"\b" + MonthWord + @",?\s+(?:of\s+)?(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex MonthYear();
    [GeneratedRegex(@"\blast\s+" + MonthWord + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastMonth();
    [GeneratedRegex(@"\b(?:in\s+)?" + MonthWord + @"\s+(?:that|the same|the following)\s+year\b")]
    private static partial Regex MonthThatYear();
    [GeneratedRegex(@"\b(?:last year|the previous year|earlier this year|this year|last month|earlier this month|this month|last week|earlier this week|this week|yesterday|today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePeriod();
    [GeneratedRegex(@"\b(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+ago\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearsAgo();
    [GeneratedRegex(@"(?<![\d£$€,.])\b(?:19[5-9]\d|20\d{2})\b(?![\d,]|\s*(?:people|officers|messages|cases|women|men|pounds))")]
    private static partial Regex YearOnly();
}
