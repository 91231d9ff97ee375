using System.Buffers.Text;
using System.Text;

namespace KnowledgeGraph.Core.Graph;

/// <summary>Which page of a ranked list to answer: at most <paramref name="Limit"/> items after <paramref name="Cursor"/>
/// (null: the first page).</summary>
public sealed record PageRequest(int Limit, string? Cursor = null)
{
    public int Offset => Paging.OffsetOf(Cursor);
}

/// <summary>One page of a ranked list: its items, how many the whole list holds, and the cursor of the next page
/// (null on the last), so a client can always list everything and never mistakes a page for the whole.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, string? Next)
{
    public bool Truncated => Next is not null;
}

/// <summary>
/// The one place that says what a cursor is: an opaque, URL-safe token for the position after the last item served.
/// Lists are ranked deterministically (ties broken by id), so a position names the same place on every call while the
/// data is unchanged.
/// </summary>
public static class Paging
{
    private const string Prefix = "o:";

    public static string CursorAt(int offset) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{Prefix}{offset}"));

    public static bool TryParseCursor(string? cursor, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(cursor)) return true;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static int OffsetOf(string? cursor) =>
        TryParseCursor(cursor, out var offset) ? offset : throw new ArgumentException($"'{cursor}' is not a cursor this API gave out", nameof(cursor));

    /// <summary>The page of an already ranked sequence; <paramref name="total"/> is its length.</summary>
    public static Page<T> Slice<T>(IEnumerable<T> ranked, int total, PageRequest request)
    {
        var offset = request.Offset;
        var items = ranked.Skip(offset).Take(request.Limit).ToList();
        var end = offset + items.Count;
        return new Page<T>(items, total, end < total ? CursorAt(end) : null);
    }

    public static Page<T> Slice<T>(IReadOnlyList<T> ranked, PageRequest request) => Slice(ranked, ranked.Count, request);
}
