using System.Text.Json;

namespace KnowledgeGraph.Core.Model;

/// <summary>
/// Property bags as JSON text (how stores keep them). Values are strings, booleans or string lists; keys are written
/// in ordinal order so the same properties always give the same text (which is how imports detect "unchanged").
/// </summary>
public static class PropertyJson
{
    public static string Write(IReadOnlyDictionary<string, object?> properties) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(properties.Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    public static string WriteList(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyDictionary<string, object?> Read(string? json)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return result;
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
            result[property.Name] = FromElement(property.Value);
        return result;
    }

    public static IReadOnlyList<string> ReadList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>Turns a JSON value into the value types properties use (also used for Neo4j results).</summary>
    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(e => e.ToString()).ToArray(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.ToString(),
    };
}
