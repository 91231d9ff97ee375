using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// How the model is kept in Neo4j and read back from the Query API's plain JSON. Nodes carry their own label plus
/// <see cref="EntityLabel"/>; id, name, aliases, sources and every model property are native properties (strings,
/// booleans, string lists); relationships carry their <see cref="GraphRelationship.Id"/> as <c>id</c> and a
/// <c>sources</c> list.
/// </summary>
public static class Neo4jValues
{
    /// <summary>The label every node of the graph also carries (see cypher/schema.cypher for why).</summary>
    public const string EntityLabel = "Entity";

    /// <summary>Stored on every node for the full-text index: name and aliases as words (see <see cref="SearchWords"/>).</summary>
    public const string SearchTextProperty = "searchText";

    private static readonly HashSet<string> NodeFields = new(StringComparer.Ordinal) { "id", "name", "aliases", "sources", SearchTextProperty };
    private static readonly HashSet<string> RelationshipFields = new(StringComparer.Ordinal) { "id", "sources" };

    /// <summary>Every stored property of a node, as the import statements SET them.</summary>
    public static Dictionary<string, object?> StoredProperties(GraphNode node)
    {
        var stored = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Properties)
            if (value is not null) stored[key] = value;
        stored["id"] = node.Id;
        stored["name"] = node.Name;
        stored["aliases"] = node.Aliases.ToArray();
        stored["sources"] = node.Sources.ToArray();
        stored[SearchTextProperty] = string.Join(' ', SearchWords(node.Aliases.Prepend(node.Name)));
        return new Dictionary<string, object?>(stored, StringComparer.Ordinal);
    }

    public static Dictionary<string, object?> StoredProperties(GraphRelationship relationship)
    {
        var stored = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in relationship.Properties)
            if (value is not null) stored[key] = value;
        stored["id"] = relationship.Id;
        stored["sources"] = relationship.Sources.ToArray();
        return stored;
    }

    /// <summary>
    /// Words as the embedded store's name index sees them (letters and digits, lower case, diacritics removed), so a
    /// Lucene prefix query over them finds what the embedded store finds: "O'Brien" is "o brien", "Émile" is "emile".
    /// </summary>
    public static IEnumerable<string> SearchWords(IEnumerable<string> texts) =>
        texts.SelectMany(t => SearchRanking.Words(Fold(t)));

    /// <summary>The Lucene query for typed words: every word must start some word of the name or an alias.</summary>
    public static string? LuceneQuery(string text)
    {
        var words = SearchWords([text]).ToList();
        // Words hold only letters and digits, so nothing in them is Lucene syntax.
        return words.Count == 0 ? null : string.Join(' ', words.Select(w => $"+{w}*"));
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(NormalizationForm.FormC);
    }

    /// <summary>A plain-JSON node (<c>{elementId, labels, properties}</c>) as the model's node.</summary>
    public static GraphNode ToNode(JsonElement node)
    {
        var label = node.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)
            .FirstOrDefault(l => l != EntityLabel) ?? throw new FormatException("a node without a model label");
        var stored = node.GetProperty("properties");
        var properties = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in stored.EnumerateObject())
            if (!NodeFields.Contains(property.Name)) properties[property.Name] = FromJson(property.Value);
        var readOnly = new Dictionary<string, object?>(properties, StringComparer.Ordinal);
        // A victim role is only ever shown by its role and descriptor, whatever the database may hold.
        var isVictim = label == Labels.VictimRole;
        var name = isVictim ? VictimProtection.DisplayName(readOnly) : Text(stored, "name") ?? "";
        return new GraphNode(Text(stored, "id") ?? throw new FormatException("a node without an id"), label, name,
            isVictim ? [] : List(stored, "aliases"), readOnly, List(stored, "sources"));
    }

    /// <summary>A plain-JSON relationship (<c>{elementId, startNodeElementId, endNodeElementId, type, properties}</c>)
    /// with the ids of its start and end nodes.</summary>
    public static GraphRelationship ToRelationship(JsonElement relationship, string from, string to)
    {
        var stored = relationship.GetProperty("properties");
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in stored.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            if (!RelationshipFields.Contains(property.Name)) properties[property.Name] = FromJson(property.Value);
        return new GraphRelationship(Text(stored, "id") ?? throw new FormatException("a relationship without an id"),
            relationship.GetProperty("type").GetString()!, from, to, properties, List(stored, "sources"));
    }

    /// <summary>A plain-JSON path: an array alternating node, relationship, node. Directions come only from the
    /// start and end element ids, so they are resolved against the path's own nodes.</summary>
    public static (IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships) ToPath(JsonElement path)
    {
        var elements = path.EnumerateArray().ToList();
        var nodes = elements.Where((_, i) => i % 2 == 0).ToList();
        var idsByElement = nodes.ToDictionary(n => n.GetProperty("elementId").GetString()!, n => Text(n.GetProperty("properties"), "id")!);
        var relationships = elements.Where((_, i) => i % 2 == 1)
            .Select(r => ToRelationship(r, idsByElement[r.GetProperty("startNodeElementId").GetString()!],
                idsByElement[r.GetProperty("endNodeElementId").GetString()!]))
            .ToList();
        return (nodes.Select(ToNode).ToList(), relationships);
    }

    public static object? FromJson(JsonElement value) => PropertyJson.FromElement(value);

    public static string? Text(JsonElement map, string key) =>
        map.ValueKind == JsonValueKind.Object && map.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static IReadOnlyList<string> List(JsonElement map, string key) =>
        map.ValueKind == JsonValueKind.Object && map.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : [];

    public static SourceRef ToSourceRef(Neo4j.QueryApi.QueryRow row) =>
        new(row.RequiredString("id"), row.String("title") ?? row.RequiredString("id"), row.String("kind") ?? "", row.String("published"),
            row.String("url"), row.String("publisher"), row.String("seedFile") ?? "");
}
