using System.Buffers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Core.Dataset;

namespace KnowledgeGraph.Core.Model;

/// <summary>
/// Property bags as JSON text (how stores keep them). Values are strings, booleans or string lists; keys are written
/// in ordinal order so the same properties always give the same text (which is how imports detect "unchanged").
/// </summary>
public static class PropertyJson
{
    public static string Write(IReadOnlyDictionary<string, object?> properties)
    {
        if (properties.Count == 0) return "{}";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer)) WriteTo(writer, properties);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The bytes of <see cref="Write(IReadOnlyDictionary{string, object?})"/>, written to <paramref name="writer"/>
    /// (for a bulk load that binds them as they are, with no string between).</summary>
    public static void WriteTo(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> properties)
    {
        // Written by hand because imports write every row: the text is exactly what JsonSerializer gives for the
        // sorted dictionary (same writer, same default escaping), so rows written before still compare equal.
        // A PropertyMap (what the dataset reader makes) is sorted already.
        // Null values are left out, so a map of only nulls is written "{}" as well.
        var sorted = properties as PropertyMap ?? PropertyMap.Of(properties);
        writer.WriteStartObject();
        foreach (var (key, value) in sorted)
        {
            if (value is null) continue;
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    public static string WriteList(IEnumerable<string> values)
    {
        if (values is IReadOnlyCollection<string> { Count: 0 }) return "[]";
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer)) WriteListTo(writer, values);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The bytes of <see cref="WriteList"/>, written to <paramref name="writer"/>.</summary>
    public static void WriteListTo(Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
            if (value is null) writer.WriteNullValue();
            else writer.WriteStringValue(value);
        writer.WriteEndArray();
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
        return InUtf8(json, static utf8 => ReadFlat(utf8, null)) ?? ReadDocument(json);
    }

    /// <summary>What <see cref="Read(string?)"/> gives for the same text as UTF-8 (how SQLite hands it over), with short
    /// keys and values taken from <paramref name="pool"/> when one is given.</summary>
    public static IReadOnlyDictionary<string, object?> Read(ReadOnlySpan<byte> utf8, StringPool? pool)
    {
        if (utf8.IsEmpty || utf8.SequenceEqual("{}"u8)) return PropertyMap.Empty;
        return ReadFlat(utf8, pool) ?? ReadDocument(Encoding.UTF8.GetString(utf8));
    }

    public static IReadOnlyList<string> ReadList(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "[]") return [];
        return InUtf8(json, static utf8 => ReadFlatList(utf8, null)) ?? JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    /// <summary>What <see cref="ReadList(string?)"/> gives for the same text as UTF-8, short items from <paramref name="pool"/>.</summary>
    public static IReadOnlyList<string> ReadList(ReadOnlySpan<byte> utf8, StringPool? pool)
    {
        if (utf8.IsEmpty || utf8.SequenceEqual("[]"u8)) return [];
        return ReadFlatList(utf8, pool) ?? JsonSerializer.Deserialize<string[]>(utf8) ?? [];
    }

    /// <summary>What <see cref="Read"/> gives, the general way: any JSON object (numbers and nested values as their text).</summary>
    internal static PropertyMap ReadDocument(string json)
    {
        var result = new PropertyMap.Builder();
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
            result.Set(property.Name, FromElement(property.Value));
        return result.Build();
    }

    // One builder per thread, emptied by each map it builds: a new one per bag was a quarter of reading a national case index.
    [ThreadStatic] private static PropertyMap.Builder? t_builder;

    // Every answer reads the properties of each node and relationship it shows, and a document per bag was most of reading
    // a node. What stores write holds only strings, booleans and lists of strings, so one pass of the reader over the
    // text does; anything else (a number, a nested object, text that is not JSON) gives null and the general way decides.
    private static PropertyMap? ReadFlat(ReadOnlySpan<byte> utf8, StringPool? pool)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var result = t_builder ??= new PropertyMap.Builder();
            result.Clear(); // a pass that gave up left its keys
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = Text(ref reader, pool);
                if (!reader.Read()) return null;
                object? value;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String: value = Text(ref reader, pool); break;
                    case JsonTokenType.True: value = true; break;
                    case JsonTokenType.False: value = false; break;
                    case JsonTokenType.Null: value = null; break;
                    case JsonTokenType.StartArray:
                        if (Strings(ref reader, pool, nullItems: false) is not { } list) return null;
                        value = list.ToArray();
                        break;
                    default: return null;
                }
                result.Set(key, value);
            }
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? result.Build() : null;
        }
        catch (JsonException)
        {
            return null; // not JSON: the general way says what is wrong with it
        }
    }

    private static string[]? ReadFlatList(ReadOnlySpan<byte> utf8, StringPool? pool)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            return !reader.Read() || reader.TokenType != JsonTokenType.StartArray || Strings(ref reader, pool, nullItems: true) is not { } list || reader.Read()
                ? null
                : list.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The text as UTF-8 in a pooled buffer, for the readers above.
    private static T? InUtf8<T>(string json, Func<ReadOnlySpan<byte>, T?> read) where T : class
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return read(utf8.AsSpan(0, Encoding.UTF8.GetBytes(json, utf8)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    // The string the reader is at, from the pool when there is one and the text is short.
    private static string Text(ref Utf8JsonReader reader, StringPool? pool)
    {
        if (pool is null || reader.HasValueSequence || reader.ValueSpan.Length > StringPool.MaxPooledLength) return reader.GetString()!;
        if (!reader.ValueIsEscaped) return pool.Get(reader.ValueSpan);
        Span<char> chars = stackalloc char[StringPool.MaxPooledLength]; // unescaping only ever shortens
        return pool.Get(chars[..reader.CopyString(chars)]);
    }

    // The items of the array the reader is at the start of, when each is a string; null otherwise. A null item is kept
    // when nullItems says so (as JsonSerializer's string[] keeps it); a property's list leaves it to the general way.
    private static List<string>? Strings(ref Utf8JsonReader reader, StringPool? pool, bool nullItems)
    {
        var items = new List<string>();
        while (reader.Read())
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray: return items;
                case JsonTokenType.String: items.Add(Text(ref reader, pool)); break;
                case JsonTokenType.Null when nullItems: items.Add(null!); break;
                default: return null;
            }
        return null;
    }

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
