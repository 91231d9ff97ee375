using Newtonsoft.Json;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// Reads one JSON value at a time from a stream into <see cref="ItemJson"/>, as <c>JToken.ReadFrom</c> would with
/// line information loaded, comments ignored and a repeated key an error. The values of one item are reused for the
/// next, so reading a national dataset allocates only the strings it keeps; call <see cref="LetGo"/> when something
/// of the last item must outlive the next read.
/// </summary>
internal sealed class ItemJsonReader
{
    private List<ItemJson> _pool = [];
    private int _used;

    /// <summary>Reads the value the reader is on (an item, or any value where an item was expected), and moves past it.</summary>
    public ItemJson Read(JsonReader reader)
    {
        _used = 0;
        return Read(reader, null, null, -1, 0);
    }

    /// <summary>The values last read are kept by the caller: the next read builds new ones.</summary>
    public void LetGo()
    {
        _pool = [];
        _used = 0;
    }

    private ItemJson Next()
    {
        if (_used == _pool.Count) _pool.Add(new ItemJson());
        return _pool[_used++];
    }

    private ItemJson Read(JsonReader reader, ItemJson? parent, string? name, int index, int keyLine)
    {
        var node = Next();
        var line = LineOf(reader);
        if (keyLine == 0) keyLine = line;
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                node.Reset(ItemJsonType.Object, null, line, parent, name, index, keyLine);
                while (Advance(reader) != JsonToken.EndObject)
                {
                    var key = (string)reader.Value!;
                    var at = LineOf(reader);
                    if (node[key] is not null)
                        throw new JsonReaderException($"Property with the name '{key}' already exists in the current JSON object.");
                    Advance(reader);
                    node.Add(Read(reader, node, key, -1, at));
                }
                break;
            case JsonToken.StartArray:
                node.Reset(ItemJsonType.Array, null, line, parent, name, index, keyLine);
                var i = 0;
                while (Advance(reader) != JsonToken.EndArray) node.Add(Read(reader, node, null, i++, 0));
                break;
            default:
                node.Reset(ScalarKind(reader.TokenType), reader.Value, line, parent, name, index, keyLine);
                break;
        }
        return node;
    }

    // A date is "other", not a string: the reader turns ISO date-times into dates, as it did for JObject.Load.
    private static ItemJsonType ScalarKind(JsonToken token) => token switch
    {
        JsonToken.String => ItemJsonType.String,
        JsonToken.Boolean => ItemJsonType.Boolean,
        JsonToken.Integer => ItemJsonType.Integer,
        JsonToken.Float => ItemJsonType.Float,
        JsonToken.Null => ItemJsonType.Null,
        JsonToken.Undefined or JsonToken.Date or JsonToken.Bytes or JsonToken.Raw => ItemJsonType.Other,
        // A constructor (new Date(…)) and the like: the caller parses the file whole instead.
        _ => throw new JsonReaderException($"Unexpected token {token} where a value was expected."),
    };

    // Comments are skipped, as JToken.ReadFrom skips them by default; a stream that ends inside a value is malformed.
    private static JsonToken Advance(JsonReader reader)
    {
        do
        {
            if (!reader.Read()) throw new JsonReaderException("Unexpected end of content.");
        } while (reader.TokenType == JsonToken.Comment);
        return reader.TokenType;
    }

    private static int LineOf(JsonReader reader) => reader is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
