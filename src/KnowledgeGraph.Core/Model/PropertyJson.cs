using System.Buffers;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Core.Model;

/// <summary>
/// Property bags as JSON text (how stores keep them). Values are strings, booleans or string lists; keys are written
/// in ordinal order so the same properties always give the same text (which is how imports detect "unchanged").
/// </summary>
public static class PropertyJson
{
    public static string Write(IReadOnlyDictionary<string, object?> properties)
    {
        // Written by hand because imports write every row: the text is exactly what JsonSerializer gives for the
        // sorted dictionary (same writer, same default escaping), so rows written before still compare equal.
        // A PropertyMap (what the dataset reader makes) is sorted already.
        // Null values are left out, so a map of only nulls is written "{}" as well.
        var sorted = properties as PropertyMap ?? PropertyMap.Of(properties);
        if (sorted.Count == 0) return "{}";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in sorted)
            {
                if (value is null) continue;
                writer.WritePropertyName(key);
                WriteValue(writer, value);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string WriteList(IEnumerable<string> values)
    {
        if (values is IReadOnlyCollection<string> { Count: 0 }) return "[]";
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
                if (value is null) writer.WriteNullValue();
                else writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case string[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                    if (item is null) writer.WriteNullValue();
                    else writer.WriteStringValue(item);
                writer.WriteEndArray();
                break;
            default: JsonSerializer.Serialize(writer, value, value.GetType()); break;
        }
    }

    public static IReadOnlyDictionary<string, object?> Read(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "{}") return PropertyMap.Empty;
        var result = new PropertyMap.Builder();
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
            result.Set(property.Name, FromElement(property.Value));
        return result.Build();
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
