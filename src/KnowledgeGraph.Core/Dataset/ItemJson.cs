using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>What kind of JSON value an <see cref="ItemJson"/> holds (as <see cref="JTokenType"/> names them).</summary>
public enum ItemJsonType { Object, Array, String, Boolean, Integer, Float, Null, Other }

/// <summary>
/// One value of a dataset item's JSON as the validator reads it: its kind and value, the line it starts on, the line of
/// the key that names it, and where it sits in the item (for a JSON path like <c>properties.from</c> or
/// <c>sources[1]</c>). What the validator needs of a <see cref="JToken"/> and no more: a national dataset is a million
/// items, and a <see cref="JObject"/> holds a <see cref="JProperty"/>, a <see cref="JValue"/> and their line annotations
/// for every key.
/// Values read from a stream by <see cref="ItemJsonReader"/> are reused for the next item, so nothing may keep one
/// (keep its <see cref="Path"/> and <see cref="Line"/> instead), unless the reader is told to let go of them.
/// </summary>
public sealed class ItemJson
{
    private readonly List<ItemJson> _children = [];
    private object? _value;

    internal ItemJson() { }

    public ItemJsonType Type { get; private set; }

    /// <summary>The line the value starts on; 0 when not known (an item built from records rows).</summary>
    public int Line { get; private set; }

    /// <summary>The line of the key naming the value in its object (its <see cref="Line"/> when not in an object).</summary>
    public int KeyLine { get; private set; }

    /// <summary>The key naming the value in its parent object; null at the item's root and in an array.</summary>
    public string? Name { get; private set; }

    public ItemJson? Parent { get; private set; }

    private int _index = -1;

    /// <summary>A string's text; null for any other kind.</summary>
    public string? Text => Type == ItemJsonType.String ? (string?)_value : null;

    public bool IsTrue => Type == ItemJsonType.Boolean && (bool)_value!;

    /// <summary>An object's values (each with its <see cref="Name"/>) or an array's elements, in file order.</summary>
    public ChildList Children => new(_children);

    /// <summary>
    /// The children as a list whose <c>foreach</c> allocates nothing: the validator walks every item's keys, and a boxed
    /// enumerator per walk was a tenth of what reading a national dataset allocated.
    /// </summary>
    public readonly struct ChildList(List<ItemJson> children) : IReadOnlyList<ItemJson>
    {
        public int Count => children.Count;

        public ItemJson this[int index] => children[index];

        public List<ItemJson>.Enumerator GetEnumerator() => children.GetEnumerator();

        IEnumerator<ItemJson> IEnumerable<ItemJson>.GetEnumerator() => children.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => children.GetEnumerator();
    }

    /// <summary>The value an object has under <paramref name="key"/>; null when it has none or is not an object.</summary>
    public ItemJson? this[string key]
    {
        get
        {
            if (Type != ItemJsonType.Object) return null;
            // Items have a dozen keys at most: a scan beats a dictionary per object.
            foreach (var child in _children)
                if (string.Equals(child.Name, key, StringComparison.Ordinal)) return child;
            return null;
        }
    }

    /// <summary>A scalar as <see cref="JValue.ToString()"/> writes it (numbers as the reader parsed them).</summary>
    public override string ToString() => _value?.ToString() ?? "";

    /// <summary>The value's JSON path inside its item, as <see cref="JToken.Path"/> writes it ("" at the root).</summary>
    public string Path
    {
        get
        {
            if (Parent is null) return "";
            var parent = Parent.Path;
            if (Name is null) return $"{parent}[{_index}]";
            return PathOfKey(parent, Name);
        }
    }

    // Newtonsoft quotes a key with any of these characters as ['key'] (JsonPosition.SpecialCharacters).
    private static readonly char[] SpecialCharacters = ['.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029'];

    /// <summary><paramref name="parent"/>'s path followed by <paramref name="key"/>, as Newtonsoft joins them.</summary>
    internal static string PathOfKey(string parent, string key)
    {
        if (key.IndexOfAny(SpecialCharacters) < 0) return parent.Length == 0 ? key : parent + "." + key;
        // Rare (only a mistaken key has such characters): let Newtonsoft escape it exactly as it would.
        return parent + new JObject { [key] = null }.First!.Path;
    }

    internal void Reset(ItemJsonType type, object? value, int line, ItemJson? parent, string? name, int index, int keyLine)
    {
        Type = type;
        _value = value;
        Line = line;
        KeyLine = keyLine;
        Parent = parent;
        Name = name;
        _index = index;
        _children.Clear();
    }

    internal void Add(ItemJson child) => _children.Add(child);

    /// <summary>A copy of a parsed token (a file read whole, an item built from records rows), with its lines.</summary>
    public static ItemJson From(JToken token) => From(token, null, null, -1, 0);

    private static ItemJson From(JToken token, ItemJson? parent, string? name, int index, int keyLine)
    {
        var node = new ItemJson();
        var line = LineOf(token);
        switch (token)
        {
            case JObject json:
                node.Reset(ItemJsonType.Object, null, line, parent, name, index, keyLine == 0 ? line : keyLine);
                foreach (var property in json.Properties())
                    node.Add(From(property.Value, node, property.Name, -1, LineOf(property)));
                break;
            case JArray array:
                node.Reset(ItemJsonType.Array, null, line, parent, name, index, keyLine == 0 ? line : keyLine);
                for (var i = 0; i < array.Count; i++) node.Add(From(array[i], node, null, i, 0));
                break;
            default:
                // A constructor (new Date(…)) is not a value a dataset can hold: kept as "other", with nothing in it.
                node.Reset(TypeOf(token.Type), (token as JValue)?.Value, line, parent, name, index, keyLine == 0 ? line : keyLine);
                break;
        }
        return node;
    }

    private static int LineOf(JToken token) => ((IJsonLineInfo)token).HasLineInfo() ? ((IJsonLineInfo)token).LineNumber : 0;

    internal static ItemJsonType TypeOf(JTokenType type) => type switch
    {
        JTokenType.Object => ItemJsonType.Object,
        JTokenType.Array => ItemJsonType.Array,
        JTokenType.String => ItemJsonType.String,
        JTokenType.Boolean => ItemJsonType.Boolean,
        JTokenType.Integer => ItemJsonType.Integer,
        JTokenType.Float => ItemJsonType.Float,
        JTokenType.Null => ItemJsonType.Null,
        _ => ItemJsonType.Other,
    };
}
