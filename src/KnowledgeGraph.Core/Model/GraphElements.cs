namespace KnowledgeGraph.Core.Model;

/// <summary>
/// A node as stored. Property values are strings, booleans or string lists, as the dataset gives them.
/// </summary>
public sealed record GraphNode(
    string Id,
    string Label,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyList<string> Sources)
{
    public string? Text(string property) => Properties.GetValueOrDefault(property) as string;
}

/// <summary>A relationship as stored. Every one cites at least one Source.</summary>
/// <remarks>
/// The id of a relationship read from a dataset is made from its type, ends and key (<see cref="MakeId"/>), so it is
/// made when asked for rather than kept: a national dataset holds 770k relationships while it is checked, and their ids
/// were an eighth of that heap for the collector to copy. A store reads its relationships back with the id it wrote.
/// </remarks>
public sealed record GraphRelationship
{
    private readonly string? _id;
    private readonly string? _key;

    // Parameters named as the properties they set, as when this was a positional record, so named arguments still read.
    public GraphRelationship(string Id, string Type, string From, string To, IReadOnlyDictionary<string, object?> Properties,
        IReadOnlyList<string> Sources)
        : this(Type, From, To, Properties, Sources) => _id = Id ?? throw new ArgumentNullException(nameof(Id));

    private GraphRelationship(string type, string from, string to, IReadOnlyDictionary<string, object?> properties, IReadOnlyList<string> sources)
    {
        Type = type;
        From = from;
        To = to;
        Properties = properties;
        Sources = sources;
    }

    /// <summary>A copy (<c>with</c>) keeps the id of what it copies, whatever else it changes.</summary>
    private GraphRelationship(GraphRelationship original)
    {
        _id = original.Id;
        Type = original.Type;
        From = original.From;
        To = original.To;
        Properties = original.Properties;
        Sources = original.Sources;
    }

    /// <summary>A relationship whose id is <see cref="MakeId"/> of its type, ends and <paramref name="key"/>.</summary>
    public static GraphRelationship Keyed(string type, string from, string to, string? key, IReadOnlyDictionary<string, object?> properties,
        IReadOnlyList<string> sources) =>
        new(type, from, to, properties, sources) { KeyPart = key };

    public string Id => _id ?? MakeId(Type, From, To, _key);

    public string Type { get; init; }

    public string From { get; init; }

    public string To { get; init; }

    public IReadOnlyDictionary<string, object?> Properties { get; init; }

    public IReadOnlyList<string> Sources { get; init; }

    // Set only by Keyed (an init accessor, so the factory can use an object initializer).
    private string? KeyPart { init => _key = value; }

    public string? Text(string property) => Properties.GetValueOrDefault(property) as string;

    // Equal as before ids were made when asked for: same id, same fields; two keyed ones compare keys, not made ids.
    public bool Equals(GraphRelationship? other) =>
        other is not null && Type == other.Type && From == other.From && To == other.To
        && (_id is null && other._id is null ? _key == other._key : Id == other.Id) // the same ends: same key, same id
        && Equals(Properties, other.Properties) && Equals(Sources, other.Sources);

    public override int GetHashCode() => HashCode.Combine(Type, From, To, Properties, Sources);

    /// <summary>Stable id: the upsert key, readable in exports (<c>SERVED_IN:officer:a-&gt;force:b</c>).</summary>
    public static string MakeId(string type, string from, string to, string? key) =>
        key is null ? $"{type}:{from}->{to}" : $"{type}:{from}->{to}#{key}";

    /// <summary>Relationships compared by <see cref="Id"/>, without making the ids of keyed ones: for duplicate checks
    /// over a whole dataset, which would otherwise make and hold every id at once.</summary>
    public static IEqualityComparer<GraphRelationship> IdComparer { get; } = new ById();

    private sealed class ById : IEqualityComparer<GraphRelationship>
    {
        // Same parts make the same id. Parts that differ may still run together into one id ("a->b" + "c" and
        // "a" + "b->c"): the ids are made then, which happens only when the hashes meet.
        public bool Equals(GraphRelationship? x, GraphRelationship? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null
                && ((x._id is null && y._id is null && x.Type == y.Type && x.From == y.From && x.To == y.To && x._key == y._key)
                    || x.Id == y.Id));

        // The hash of the id's characters, taken from its parts when it is not made: the same either way (see MakeId).
        public int GetHashCode(GraphRelationship r)
        {
            if (r._id is not null) return Fnv.Of(r._id);
            var hash = Fnv.Of(r.Type, Fnv.Start);
            hash = Fnv.Of(":", hash);
            hash = Fnv.Of(r.From, hash);
            hash = Fnv.Of("->", hash);
            hash = Fnv.Of(r.To, hash);
            return r._key is null ? hash : Fnv.Of(r._key, Fnv.Of("#", hash));
        }
    }

    // FNV-1a over UTF-16 characters: a hash that can be taken piece by piece.
    private static class Fnv
    {
        public const int Start = unchecked((int)2166136261);

        public static int Of(ReadOnlySpan<char> text, int hash = Start)
        {
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}

/// <summary>A validated dataset: every id unique, every reference resolved, every relationship cited.
/// <paramref name="Notes"/>: replies and corrections by fact id (right of reply, kept out of the facts' properties);
/// <paramref name="Withheld"/>: the reason and dates of each withheld fact, whose content is no longer here
/// (<see cref="Notes.WithheldFacts"/>).</summary>
public sealed record Dataset(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships,
    IReadOnlyList<Notes.FactNote>? Notes = null, IReadOnlyList<Notes.Withholding>? Withheld = null)
{
    public IReadOnlyList<Notes.FactNote> FactNotes => Notes ?? [];

    public IReadOnlyDictionary<string, int> CountByLabel() =>
        Nodes.GroupBy(n => n.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyDictionary<string, int> CountByType() =>
        Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
