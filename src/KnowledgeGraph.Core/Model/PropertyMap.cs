using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace KnowledgeGraph.Core.Model;

/// <summary>
/// An item's properties, read-only, kept as one array sorted by key (ordinal), the order stores write them in.
/// </summary>
/// <remarks>
/// A national dataset holds a million property bags while it is checked. A <see cref="Dictionary{TKey,TValue}"/> per
/// item is three objects of about 600 bytes for five properties. That was half the heap, and the collector copied all
/// of it while the dataset grew. This is two objects of about 130 bytes. Items have a handful of properties, so a
/// lookup scans the array.
/// </remarks>
public sealed class PropertyMap : IReadOnlyDictionary<string, object?>
{
    public static readonly PropertyMap Empty = new([]);

    private readonly KeyValuePair<string, object?>[] _entries;

    private PropertyMap(KeyValuePair<string, object?>[] entries) => _entries = entries;

    /// <summary>The pairs as a map. A key given twice keeps its last value, as assigning into a dictionary does.</summary>
    public static PropertyMap Of(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var builder = new Builder();
        foreach (var (key, value) in pairs) builder.Set(key, value);
        return builder.Build();
    }

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no property '{key}'");

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<object?> Values => _entries.Select(e => e.Value);

    public bool ContainsKey(string key) => IndexOf(_entries, _entries.Length, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(_entries, _entries.Length, key);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(KeyValuePair<string, object?>[] entries, int count, string key)
    {
        for (var i = 0; i < count; i++)
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>
    /// Collects one item's properties and hands them over as a map sized exactly. One builder serves item after item
    /// (<see cref="Build"/> empties it), so reading a dataset allocates only the maps it keeps.
    /// </summary>
    public sealed class Builder
    {
        private KeyValuePair<string, object?>[] _entries = new KeyValuePair<string, object?>[8];
        private int _count;

        public int Count => _count;

        /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, replacing a value it had.</summary>
        public void Set(string key, object? value)
        {
            var index = IndexOf(_entries, _count, key);
            if (index >= 0)
            {
                _entries[index] = new(key, value);
                return;
            }
            if (_count == _entries.Length) Array.Resize(ref _entries, _count * 2);
            _entries[_count++] = new(key, value);
        }

        public bool ContainsKey(string key) => IndexOf(_entries, _count, key) >= 0;

        public object? GetValueOrDefault(string key) => IndexOf(_entries, _count, key) is var index and >= 0 ? _entries[index].Value : null;

        /// <summary>Forgets what was set since the last <see cref="Build"/>.</summary>
        public void Clear()
        {
            Array.Clear(_entries, 0, _count);
            _count = 0;
        }

        /// <summary>The properties set since the last call, sorted by key; the builder is empty again.</summary>
        public PropertyMap Build()
        {
            if (_count == 0) return Empty;
            var entries = _entries.AsSpan(0, _count).ToArray();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            Clear();
            return new PropertyMap(entries);
        }
    }
}
