using System.Runtime.InteropServices;
using System.Text;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// One string per distinct text while a dataset is read: a national graph names a unit from hundreds of relationships,
/// says "serving" a hundred thousand times and cites one source from half a million items. The reader looks text up
/// before it makes a string (<see cref="Get"/>), and the validator keeps what it reads as the pooled instance
/// (<see cref="Share"/>), so the dataset holds each once and the collector has that much less to copy. The SQLite store
/// reads its rows the same way (<see cref="Get(ReadOnlySpan{byte})"/>). Not thread-safe: one reader at a time.
/// </summary>
public sealed class StringPool
{
    /// <summary>Text longer than this (in characters, or in UTF-8 bytes when given as bytes) is rarely repeated
    /// (descriptions, titles): it is made as a new string, not pooled.</summary>
    public const int MaxPooledLength = 64;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    private readonly int _maxCount;

    /// <param name="maxCount">Once the pool holds this many strings it starts again empty, so a stream of rows keeps
    /// its repeated text (labels, types, vocabulary) pooled without the pool growing with the stream.</param>
    public StringPool(int maxCount = int.MaxValue)
    {
        _maxCount = maxCount;
        _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pooled string for <paramref name="chars"/>, made (and pooled) the first time it is seen; a new string
    /// when it is longer than <see cref="MaxPooledLength"/>.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaxPooledLength) return chars.ToString();
        if (_byChars.TryGetValue(chars, out var known)) return known;
        var made = chars.ToString();
        if (_strings.Count >= _maxCount) _strings.Clear();
        _strings.Add(made, made);
        return made;
    }

    /// <summary>The string for UTF-8 <paramref name="utf8"/> (invalid bytes decode to U+FFFD, as <see cref="Encoding.UTF8"/>
    /// decodes them), pooled when it is short.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledLength) return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxPooledLength]; // UTF-8 never has fewer bytes than UTF-16 has chars
        return Get(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }

    /// <summary>The pooled instance equal to <paramref name="value"/>; <paramref name="value"/> itself when new.</summary>
    public string Share(string value)
    {
        if (_strings.Count >= _maxCount && !_strings.ContainsKey(value)) _strings.Clear();
        ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(_strings, value, out var known);
        if (!known) kept = value;
        return kept!;
    }
}
