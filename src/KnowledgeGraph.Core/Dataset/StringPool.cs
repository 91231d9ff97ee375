using System.Runtime.InteropServices;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// One string per distinct text while a dataset is read: a national graph names a unit from hundreds of relationships,
/// says "serving" a hundred thousand times and cites one source from half a million items. The reader looks text up
/// before it makes a string (<see cref="Get"/>), and the validator keeps what it reads as the pooled instance
/// (<see cref="Share"/>), so the dataset holds each once and the collector has that much less to copy.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public StringPool() => _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string for <paramref name="chars"/>, made (and pooled) the first time it is seen.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (_byChars.TryGetValue(chars, out var known)) return known;
        var made = chars.ToString();
        _strings.Add(made, made);
        return made;
    }

    /// <summary>The pooled instance equal to <paramref name="value"/>; <paramref name="value"/> itself when new.</summary>
    public string Share(string value)
    {
        ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(_strings, value, out var known);
        if (!known) kept = value;
        return kept!;
    }
}
