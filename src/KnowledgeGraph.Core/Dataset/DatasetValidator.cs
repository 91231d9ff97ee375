using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Core.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// Checks dataset JSON against <see cref="GraphSchema"/> and the three rules (every fact cited, allegation is not
/// finding, victims protected). Per-item checks run as each file is read; cross-file checks (ids, references,
/// endpoint labels, victim links) run in <see cref="Finish"/>.
/// </summary>
internal sealed class DatasetValidator(List<DatasetError> errors)
{
    private static readonly HashSet<string> CommonNodeFields = ["id", "label", "name", "aliases", "sources", .. FactNoteReader.Fields];
    private static readonly HashSet<string> RelationshipFields = ["type", "from", "to", "sources", "key", "properties", .. FactNoteReader.Fields];

    private static readonly object True = true, False = false;

    // The keys the cross-file checks may point at (see Mark).
    private static readonly string[] NodeMarkKeys = ["id", "descriptor"], RelationshipMarkKeys = ["from", "to"];

    // Values that repeat across items (labels and types come from GraphSchema): kept once, so a national graph holds one
    // "serving" and one "source:x" rather than one per item, which is also less for the collector to copy while it loads.
    // The reader of a streamed file makes its strings from the same pool (see StringPool).
    internal StringPool Strings { get; } = new();

    private string Share(string value) => Strings.Share(value);

    // A node's id and every relationship end naming it are one string, not one per mention: a case is named by eight
    // relationships, a unit by hundreds.
    private string? SharedId(string? id) => id is null ? null : Share(id);

    // Free text is shared only when short: "Constable" or "Kent" repeats by the thousand in a release, a summary rarely
    // does, and keeping every long text in the table as well would cost more than it saves.
    private const int ShortText = 32;

    private string? ShareShort(string? text) => text is { Length: <= ShortText } ? Share(text) : text;

    // Spec lists are static (GraphSchema); looking properties up by name must not rebuild a dictionary per item.
    private static readonly ConditionalWeakTable<IReadOnlyList<PropertySpec>, Dictionary<string, PropertySpec>> SpecsByName = new();

    // Replies, corrections and withholdings read from items, with the places their references are checked at.
    private readonly List<(FactNote Note, string File)> _notes = [];
    private readonly List<(NoteReference Reference, Place Place)> _noteReferences = [];

    // Where ReadNotes puts them while a file is streamed: its array's own lists, kept only once the file is read whole
    // (see ReadFile(JsonReader)); otherwise null, and they go straight into the lists above.
    private Notes? _streamedNotes;

    private readonly record struct Notes(List<(FactNote Note, string File)> Found, List<(NoteReference Reference, Place Place)> References);

    // Items kept for the cross-file checks hold a Mark (their place, and the places of the keys those checks name)
    // rather than their JSON, so a file's JSON can be dropped as soon as it is read.
    private readonly List<(GraphNode Node, Mark Place)> _nodes = [];
    private readonly List<(GraphRelationship Rel, Mark Place)> _relationships = [];

    // How many of the items above were handed over already (TakeChecked).
    private int _handedNodes, _handedRelationships;

    // Where errors go: the caller's list, or a file's staging lists while it is streamed (see ReadFile(JsonReader)).
    private readonly List<DatasetError> _errors = errors;

    // Streamed items are read into values reused for the next item, unless the item just read keeps some (notes).
    private readonly ItemJsonReader _items = new();
    private bool _keepValues;
    private List<DatasetError> _sink = errors;

    /// <summary>
    /// A token and where it is. <paramref name="Prefix"/> is the JSON path of the token's root inside its file when the
    /// token was loaded on its own from a streamed file, so paths read as in the whole file: with <paramref name="Index"/>,
    /// the root is entry <paramref name="Index"/> of the array <paramref name="Prefix"/> names (<c>nodes[12]</c>), a path
    /// made only when an error needs it.
    /// </summary>
    /// <paramref name="Record"/> is set for an item built from records rows: its errors name file, row and column instead
    /// (<paramref name="Cell"/> when the place is a known cell).
    /// <paramref name="AtKey"/> points at the key naming the token in its object rather than at the token (an unknown
    /// key's line is the key's).
    /// <remarks>A struct: one is made for every item and every properties object read, and none outlives its item
    /// unless an error or a note keeps it.</remarks>
    private readonly record struct Place(string File, ItemJson Token, string Prefix = "", RecordItem? Record = null, RecordCell? Cell = null,
        int Index = -1, bool AtKey = false)
    {
        public int? Line => (AtKey ? Token.KeyLine : Token.Line) is > 0 and var line ? line : null;

        private string Root => Index < 0 ? Prefix : $"{Prefix}[{Index}]";

        public string Path
        {
            get
            {
                var relative = Token.Path;
                var root = Root;
                if (root.Length == 0) return relative;
                if (relative.Length == 0) return root;
                return relative[0] == '[' ? root + relative : root + "." + relative;
            }
        }

        public Place Child(ItemJson token) => this with { Token = token, Cell = null, AtKey = false };

        public Place Key(ItemJson token) => this with { Token = token, Cell = null, AtKey = true };

        public Mark ToMark(string[] keys)
        {
            if (Record is not null) return new Mark(File, null, "", Record: RecordPlaces.Of(Record, keys));
            var json = Token.Type == ItemJsonType.Object ? Token : null;
            var (first, second) = (KeyLine(json, keys[0]), KeyLine(json, keys[1]));
            // A streamed item keeps its array and index, not a path string: a national graph has a million of them.
            return Index >= 0 && Token.Parent is null
                ? new Mark(File, Line, Prefix, Index, keys, first, second)
                : new Mark(File, Line, Path, -1, keys, first, second);
        }

        // A key's line for a Mark: 0 when the item has no such key, -1 when the key's line is not known.
        private static int KeyLine(ItemJson? json, string key) => json?[key] is { } value ? value.Line > 0 ? value.Line : -1 : 0;
    }

    /// <summary>
    /// Where a records item is, for the cross-file checks: its place and the cells of the keys they may name. Kept instead
    /// of the item, so the item's JSON (built only to be checked) is dropped as soon as it is read: a city release is
    /// half a million items.
    /// </summary>
    private sealed record RecordPlaces(RecordCell Place, (string Key, RecordCell Cell)[] Cells)
    {
        public static RecordPlaces Of(RecordItem item, string[] keys)
        {
            // Most items have no such cell other than their place (a node's id cell is its place): share the empty array.
            List<(string, RecordCell)>? cells = null;
            foreach (var key in keys)
                if (item.Cells.TryGetValue(key, out var cell) && !ReferenceEquals(cell, item.Place)) (cells ??= []).Add((key, cell));
            return new RecordPlaces(item.Place, cells is null ? [] : [.. cells]);
        }

        public RecordCell? CellOf(string key)
        {
            foreach (var (name, cell) in Cells)
                if (name == key) return cell;
            return null;
        }
    }

    /// <summary>
    /// An item's place, and the lines of the two keys the cross-file checks may point at (<see cref="NodeMarkKeys"/>,
    /// <see cref="RelationshipMarkKeys"/>; 0 when the item has no such key, -1 when its line is not known). One object
    /// per item, kept until the dataset is made. With <paramref name="Index"/>, <paramref name="PathOrArray"/> names the
    /// array the item is entry <paramref name="Index"/> of, and the path is made only for an error.
    /// </summary>
    private sealed record Mark(string File, int? Line, string PathOrArray, int Index = -1, string[]? KeyNames = null,
        int FirstKeyLine = 0, int SecondKeyLine = 0, RecordPlaces? Record = null, RecordCell? Cell = null)
    {
        public string Path => Index < 0 ? PathOrArray : $"{PathOrArray}[{Index}]";

        public Mark At(string key)
        {
            if (Record is not null) return this with { Cell = Record.CellOf(key) };
            var line = (KeyNames is null ? -1 : Array.IndexOf(KeyNames, key)) switch { 0 => FirstKeyLine, 1 => SecondKeyLine, _ => 0 };
            if (line == 0) return this;
            var path = Path;
            return new Mark(File, line < 0 ? null : line, path.Length == 0 ? key : path + "." + key);
        }

        /// <summary>How an error message names this place when it points at it ("file:line", or "file, row N").</summary>
        public string Describe() =>
            Record is not null ? (Record.Place.Line is { } line ? $"{Record.Place.File}:{line}" : $"{Record.Place.File}, row {Record.Place.Row}")
            : Line is null ? File : $"{File}:{Line}";
    }

    private static int? LineOf(JToken token) => ((IJsonLineInfo)token).HasLineInfo() ? ((IJsonLineInfo)token).LineNumber : null;

    public void ReadFile(string file, JObject root)
    {
        if (DraftFiles.IsDraft(root))
        {
            // A draft is not data: one error naming what is left, and none of its proposals enter the dataset.
            Error(file, root, DraftFiles.Refusal(root));
            return;
        }
        foreach (var property in root.Properties())
            if (property.Name is not ("nodes" or "relationships" or "$schema" or "description"))
                Error(file, property, $"unknown top-level key '{property.Name}'; expected \"nodes\" and \"relationships\"");

        foreach (var (item, index) in ArrayOf(file, root, "nodes"))
            if (ReadNode(new Place(file, ItemJson.From(item), "nodes", Index: index)) is { } node) _nodes.Add(node);
        foreach (var (item, index) in ArrayOf(file, root, "relationships"))
            if (ReadRelationship(new Place(file, ItemJson.From(item), "relationships", Index: index)) is { } rel) _relationships.Add(rel);
    }

    /// <summary>Reads one node or relationship built from records rows, with the same checks as a JSON entry.</summary>
    public void ReadRecord(RecordItem item)
    {
        var place = new Place(item.Place.File, ItemJson.From(item.Json), Record: item);
        if (item.IsRelationship)
        {
            if (ReadRelationship(place) is { } rel) _relationships.Add(rel);
        }
        else if (ReadNode(place) is { } node) _nodes.Add(node);
    }

    /// <summary>
    /// Reads one file as a stream, one item at a time, so the file's JSON is never held whole: the same checks, errors
    /// and places as <see cref="ReadFile(string, JObject)"/> on the parsed file, in the same order. The reader must be
    /// positioned on the root object's start. Anything the stream cannot reproduce exactly (a malformed file, a
    /// repeated top-level key, a draft) throws <see cref="JsonReaderException"/> before anything of the file is kept, so the
    /// caller can fall back to parsing the whole file.
    /// </summary>
    public void ReadFile(string file, JsonReader reader)
    {
        // Buckets in the order the whole-file reading reports: top-level keys, then for each array the entries that
        // are not objects before the entries' own errors.
        var topLevel = new List<DatasetError>();
        var shapes = new[] { new List<DatasetError>(), new List<DatasetError>() };
        var items = new[] { new List<DatasetError>(), new List<DatasetError>() };
        var nodes = new List<(GraphNode, Mark)>();
        var relationships = new List<(GraphRelationship, Mark)>();
        var notes = new[] { new Notes([], []), new Notes([], []) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (ReadOrThrow(reader) != JsonToken.EndObject)
            {
                if (reader.TokenType == JsonToken.Comment) continue;
                var name = (string)reader.Value!;
                if (!seen.Add(name))
                    throw new JsonReaderException($"Property with the name '{name}' already exists in the current JSON object.");
                // A draft's refusal lists what is left to review in the whole file, so a draft is read whole.
                if (name == DraftFiles.DraftKey) throw new JsonReaderException("A draft is read whole.");
                if (name is "nodes" or "relationships")
                {
                    var index = name == "nodes" ? 0 : 1;
                    _streamedNotes = notes[index];
                    ReadArray(file, name, reader, shapes[index], items[index], index == 0
                        ? place => { if (ReadNode(place) is { } node) nodes.Add(node); }
                        : place => { if (ReadRelationship(place) is { } rel) relationships.Add(rel); });
                }
                else
                {
                    var line = reader is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : (int?)null;
                    while (ReadOrThrow(reader) == JsonToken.Comment) { }
                    _items.Read(reader);
                    if (name is not ("$schema" or "description"))
                    {
                        _sink = topLevel;
                        Error(file, line, ItemJson.PathOfKey("", name), $"unknown top-level key '{name}'; expected \"nodes\" and \"relationships\"");
                    }
                }
            }
            // As JToken.Parse: only comments may follow the root object.
            while (reader.Read()) { }
        }
        finally
        {
            _sink = _errors;
            _streamedNotes = null;
        }
        _errors.AddRange(topLevel);
        _errors.AddRange(shapes[0]);
        _errors.AddRange(items[0]);
        _errors.AddRange(shapes[1]);
        _errors.AddRange(items[1]);
        _nodes.AddRange(nodes);
        _relationships.AddRange(relationships);
        foreach (var (found, references) in notes)
        {
            _notes.AddRange(found);
            _noteReferences.AddRange(references);
        }
    }

    private void ReadArray(string file, string key, JsonReader reader, List<DatasetError> shapeErrors,
        List<DatasetError> itemErrors, Action<Place> read)
    {
        while (ReadOrThrow(reader) == JsonToken.Comment) { }
        if (reader.TokenType != JsonToken.StartArray)
        {
            _sink = shapeErrors;
            Error(new Place(file, _items.Read(reader), key), $"\"{key}\" must be an array");
            return;
        }
        var index = 0;
        while (ReadOrThrow(reader) != JsonToken.EndArray)
        {
            if (reader.TokenType == JsonToken.Comment) continue;
            if (reader.TokenType == JsonToken.StartObject)
            {
                _sink = itemErrors;
                read(new Place(file, _items.Read(reader), key, Index: index++));
                if (_keepValues)
                {
                    _items.LetGo();
                    _keepValues = false;
                }
            }
            else
            {
                _sink = shapeErrors;
                Error(new Place(file, _items.Read(reader), key, Index: index++), $"each entry of \"{key}\" must be an object");
            }
        }
    }

    // A stream that ends inside the root object is malformed (JToken.Parse says how; the caller asks it).
    private static JsonToken ReadOrThrow(JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonReaderException("Unexpected end of content.");

    private List<(JObject Item, int Index)> ArrayOf(string file, JObject root, string key)
    {
        var token = root[key];
        if (token is null) return [];
        if (token is not JArray array)
        {
            Error(file, token, $"\"{key}\" must be an array");
            return [];
        }
        var items = new List<(JObject, int)>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JObject o) items.Add((o, i));
            else Error(file, array[i], $"each entry of \"{key}\" must be an object");
        }
        return items;
    }

    private (GraphNode, Mark)? ReadNode(Place place)
    {
        var json = place.Token;
        var id = SharedId(RequiredString(place, json, "id"));
        var label = RequiredString(place, json, "label");
        var spec = GraphSchema.FindLabel(label);
        if (label is not null && spec is null)
        {
            Error(At(place, json, "label"), $"unknown label '{label}'; known labels: {string.Join(", ", Labels.All)}");
            return null;
        }
        if (id is not null && label is not null && !IsValidId(id, Labels.IdPrefix[label]))
        {
            Error(At(place, json, "id"), $"id '{id}' must look like '{Labels.IdPrefix[label]}:lower-case-words' for a {label}");
        }
        if (spec is null) return null;

        var name = OptionalString(place, json, "name");
        IReadOnlyList<string> aliases = StringList(place, json, "aliases") is { } given ? given : []; // [] is one shared empty array
        var sources = CitationList(place, json, "sources") ?? [];
        if (spec.HasName && string.IsNullOrWhiteSpace(name))
        {
            Error(place, $"{label} '{id}' needs a \"name\"");
        }
        if (!spec.HasName && (json["name"] is not null || json["aliases"] is not null))
        {
            Error(At(place, json, json["name"] is not null ? "name" : "aliases"),
                $"a victim role carries no name or aliases (victims are protected); describe the role in \"descriptor\" and, only for a public role, link a Person with IDENTIFIED_AS");
        }
        if (spec.SourcesRequired && sources.Length == 0)
        {
            Error(place, $"{label} '{id}' must cite at least one source in \"sources\"");
        }

        var properties = ReadProperties(place, json, spec.Properties, CommonNodeFields, $"{label}");
        if (label == Labels.Event) CheckEventLegalStatus(place, json, properties);
        if (label == Labels.VictimRole) CheckPseudonym(place, json, properties);
        // A records release is a table, not a document under shared/seeds, so only it may go without a seed file.
        if (label == Labels.Source && properties.GetValueOrDefault("kind") is string sourceKind
            && sourceKind != Vocabularies.DatasetSourceKind && json["seedFile"] is null)
            Error(place, $"a Source of kind '{sourceKind}' needs \"seedFile\" (only kind '{Vocabularies.DatasetSourceKind}' may go without)");

        // An item with other mistakes still takes part in cross-file checks (the dataset is rejected anyway), so one
        // mistake gives one error rather than a cascade of "no node has this id".
        if (id is null || label is null) return null;
        ReadNotes(place, id, json);
        var displayName = spec.HasName ? ShareShort(name?.Trim()) ?? id : VictimProtection.DisplayName(properties);
        return (new GraphNode(id, spec.Label, displayName, aliases, properties, sources), place.ToMark(NodeMarkKeys));
    }

    private (GraphRelationship, Mark)? ReadRelationship(Place place)
    {
        var json = place.Token;
        foreach (var property in json.Children)
            if (!RelationshipFields.Contains(property.Name!))
            {
                Error(place.Key(property), $"unknown field '{property.Name}' on a relationship; put values in \"properties\"");
            }
        var type = RequiredString(place, json, "type");
        var from = SharedId(RequiredString(place, json, "from"));
        var to = SharedId(RequiredString(place, json, "to"));
        var key = OptionalString(place, json, "key");
        var sources = CitationList(place, json, "sources");
        var spec = GraphSchema.FindType(type);
        if (type is not null && spec is null)
        {
            Error(At(place, json, "type"), $"unknown relationship type '{type}'; known types: {string.Join(", ", GraphSchema.Relationships.Select(r => r.Type))}");
            return null;
        }
        if (sources is null || sources.Length == 0)
        {
            Error(place, $"{type} {from} -> {to} cites no source; every relationship needs at least one Source id in \"sources\"");
        }
        if (spec is null) return null;

        var properties = PropertyMap.Empty;
        if (json["properties"] is { } propsToken)
        {
            if (propsToken.Type == ItemJsonType.Object)
                properties = ReadProperties(place.Child(propsToken), propsToken, spec.Properties, NoCommonFields, type!);
            else
            {
                Error(At(place, json, "properties"), "\"properties\" must be an object");
            }
        }
        else
        {
            foreach (var required in spec.Properties)
                if (required.Required) Error(place, $"{type} needs property '{required.Name}' ({required.Description})");
        }

        if (from is null || to is null) return null;
        var relationship = GraphRelationship.Keyed(spec.Type, from, to, key, properties, sources ?? []);
        // A relationship's id is made when asked for, so only for one with notes.
        if (FactNoteReader.HasNotes(json)) ReadNotes(place, relationship.Id, json);
        return (relationship, place.ToMark(RelationshipMarkKeys));
    }

    // A relationship's properties object has no common fields to skip. One empty set for all: a collection expression
    // in the call made a new set for each of a national graph's 770k relationships.
    private static readonly HashSet<string> NoCommonFields = [];

    // One builder for every item's properties: reading a dataset allocates only the maps it keeps.
    private readonly PropertyMap.Builder _properties = new();

    private PropertyMap ReadProperties(Place place, ItemJson json, IReadOnlyList<PropertySpec> specs,
        HashSet<string> commonFields, string owner)
    {
        var result = _properties;
        var byName = SpecsByName.GetValue(specs, static list => list.ToDictionary(s => s.Name));
        foreach (var property in json.Children)
        {
            var key = property.Name!;
            if (commonFields.Contains(key) || key == "label") continue;
            if (!byName.TryGetValue(key, out var spec))
            {
                Error(place.Key(property), $"unknown property '{property.Name}' for {owner}; allowed: {string.Join(", ", specs.Select(s => s.Name))}");
                continue;
            }
            var (valid, value) = ReadValue(place, spec, property, owner);
            if (valid && value is not null) result.Set(spec.Name, value);
        }
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            if (!spec.Required || result.ContainsKey(spec.Name)) continue;
            if (json[spec.Name] is not null) continue; // already reported as invalid
            Error(place.Record?.Cells.GetValueOrDefault(spec.Name) is { } cell ? place with { Cell = cell } : place, $"{owner} needs property '{spec.Name}'" + (spec.Vocabulary is null ? "" : $" (one of: {spec.Vocabulary.Describe()})"));
        }

        // "present" means still ongoing, so it can only close a period; and a period cannot end before it starts.
        if (result.ContainsKey("from") || result.ContainsKey("to"))
        {
            if (result.GetValueOrDefault("from") as string == PeriodEnd.PresentText)
            {
                Error(At(place, json, "from"), "\"present\" can only be the end of a period (\"to\")");
            }
            else if (Period.Parse(result.GetValueOrDefault("from") as string, result.GetValueOrDefault("to") as string).EndsBeforeItStarts)
            {
                Error(At(place, json, "to"), $"the period ends ({result.GetValueOrDefault("to")}) before it starts ({result.GetValueOrDefault("from")})");
            }
        }
        return result.Build();
    }

    // item: the place of the item (or its properties object) the value belongs to; the value's own place is made only
    // for an error, not for every value read.
    private (bool Valid, object? Value) ReadValue(Place item, PropertySpec spec, ItemJson token, string owner)
    {
        if (token.Type == ItemJsonType.Null)
        {
            if (spec.Kind == PropertyKind.PeriodEnd) return (true, null);
            Error(item.Child(token), $"'{spec.Name}' may not be null; leave it out instead");
            return (false, null);
        }
        switch (spec.Kind)
        {
            case PropertyKind.Boolean:
                if (token.Type == ItemJsonType.Boolean) return (true, token.IsTrue ? True : False);
                Error(item.Child(token), $"'{spec.Name}' must be true or false");
                return (false, null);
            case PropertyKind.VocabularyList:
                if (token.Type != ItemJsonType.Array || token.Children.Count == 0 || token.Children.Any(t => t.Type != ItemJsonType.String))
                {
                    Error(item.Child(token), $"'{spec.Name}' must be a non-empty array of: {spec.Vocabulary!.Describe()}");
                    return (false, null);
                }
                var values = token.Children.Select(t => Share(t.Text!)).ToArray();
                var unknown = Unknown(values, spec.Vocabulary!);
                if (unknown.Count == 0) return (true, values);
                Error(item.Child(token), $"unknown {spec.Vocabulary!.Name} '{string.Join("', '", unknown)}'; allowed: {spec.Vocabulary.Describe()}");
                return (false, null);
        }
        if (token.Type != ItemJsonType.String || string.IsNullOrWhiteSpace(token.Text))
        {
            Error(item.Child(token), $"'{spec.Name}' of {owner} must be a non-empty string");
            return (false, null);
        }
        var text = token.Text!;
        switch (spec.Kind)
        {
            case PropertyKind.Vocabulary when !spec.Vocabulary!.Contains(text):
                Error(item.Child(token), $"unknown {spec.Vocabulary.Name} '{text}'; allowed: {spec.Vocabulary.Describe()}");
                return (false, null);
            case PropertyKind.PartialDate when !PartialDate.TryParse(text, out _, out var dateError):
                Error(item.Child(token), $"'{spec.Name}': {dateError}");
                return (false, null);
            case PropertyKind.PeriodEnd when !PeriodEnd.TryParse(text, out _, out var endError):
                Error(item.Child(token), $"'{spec.Name}': {endError} (or \"present\", or leave it out when unknown)");
                return (false, null);
        }
        // Vocabulary words and dates repeat across a national graph: one string each, not one per item. So do short
        // texts (ranks, roles, places).
        return (true, spec.Kind is PropertyKind.Vocabulary or PropertyKind.PartialDate or PropertyKind.PeriodEnd ? Share(text) : ShareShort(text));
    }

    // Without a lambda capturing spec: a closure made on every call of ReadValue was a twentieth of what reading a
    // national dataset allocated.
    private static List<string> Unknown(string[] words, Vocabulary vocabulary)
    {
        var unknown = new List<string>();
        foreach (var word in words)
            if (!vocabulary.Contains(word)) unknown.Add(word);
        return unknown;
    }

    private void ReadNotes(Place place, string id, ItemJson json)
    {
        if (FactNoteReader.HasNotes(json)) ReadNotesOf(place, id, json);
    }

    // Apart from ReadNotes, which every item calls: the lambda's closure is made on entry, so only for an item with notes.
    private void ReadNotesOf(Place place, string id, ItemJson json)
    {
        // The references keep their item's values until the whole dataset is read: the stream reader must not reuse them.
        _keepValues = true;
        var (note, references) = FactNoteReader.Read(id, json, (token, message, atKey) => Error(atKey ? place.Key(token) : place.Child(token), message));
        var (found, kept) = _streamedNotes ?? new Notes(_notes, _noteReferences);
        if (note is not null) found.Add((note, place.File));
        kept.AddRange(references.Select(r => (r, place)));
    }

    private void CheckNotes(Dictionary<string, GraphNode> nodesById)
    {
        var withheld = WithheldFacts.Ids(_notes.Select(n => n.Note));
        foreach (var (reference, place) in _noteReferences)
            FactNoteChecks.CheckReferences([reference], nodesById, withheld, (r, message) => Error(place.Child(r.Token), message));
        if (withheld.Count == 0) return;
        // A shown fact whose every citation is a withheld document would be shown uncited: withhold it too, or cite another.
        foreach (var (node, place) in _nodes.Where(n => !withheld.Contains(n.Node.Id) && FactNoteChecks.RestsOnlyOnWithheld(n.Node.Sources, withheld)))
            Error(place, $"{node.Label} '{node.Id}' cites only withheld sources; withhold it too or cite a shown source");
        foreach (var (rel, place) in _relationships.Where(r => !withheld.Contains(r.Rel.Id) && !withheld.Contains(r.Rel.From)
                     && !withheld.Contains(r.Rel.To) && FactNoteChecks.RestsOnlyOnWithheld(r.Rel.Sources, withheld)))
            Error(place, $"{rel.Type} {rel.From} -> {rel.To} cites only withheld sources; withhold it too or cite a shown source");
        // An event or victim role is part of its case: once every case it belongs to is withheld, showing it would show
        // what the withholding holds back.
        foreach (var (label, type) in new[] { (Labels.Event, RelationshipTypes.HasEvent), (Labels.VictimRole, RelationshipTypes.HasVictim) })
        {
            var cases = _relationships.Where(r => r.Rel.Type == type).GroupBy(r => r.Rel.To)
                .ToDictionary(g => g.Key, g => g.Select(r => r.Rel.From).ToList(), StringComparer.Ordinal);
            foreach (var (node, place) in _nodes.Where(n => n.Node.Label == label && !withheld.Contains(n.Node.Id)
                         && cases.TryGetValue(n.Node.Id, out var owners) && owners.All(withheld.Contains)))
                Error(place, $"{label} '{node.Id}' belongs only to withheld case(s) ({string.Join(", ", cases[node.Id])}); withhold it too");
        }
    }

    private void CheckEventLegalStatus(Place place, ItemJson json, PropertyMap properties)
    {
        if (properties.GetValueOrDefault("kind") is string kind
            && Vocabularies.EventKindsNeedingLegalStatus.Contains(kind) && !properties.ContainsKey("legalStatus")
            && json["legalStatus"] is null)
        {
            Error(place, $"an event of kind '{kind}' asserts or decides wrongdoing, so it needs a \"legalStatus\" ({Vocabularies.LegalStatus.Describe()})");
        }
    }

    private void CheckPseudonym(Place place, ItemJson json, PropertyMap properties)
    {
        var anonymity = properties.GetValueOrDefault("anonymity") as string;
        var hasPseudonym = properties.ContainsKey("pseudonym");
        if (anonymity == "pseudonym" && !hasPseudonym)
        {
            Error(place, "a victim role with anonymity 'pseudonym' must give the \"pseudonym\" the source used");
        }
        else if (anonymity is "protected" or "public" && hasPseudonym)
        {
            Error(At(place, json, "pseudonym"), $"a {anonymity} victim role may not carry a pseudonym; use anonymity 'pseudonym'");
        }
    }

    /// <summary>The items read since the last call, in dataset order (see <see cref="DatasetPart"/>).</summary>
    public DatasetPart TakeChecked()
    {
        var nodes = new GraphNode[_nodes.Count - _handedNodes];
        for (var i = 0; i < nodes.Length; i++) nodes[i] = _nodes[_handedNodes + i].Node;
        var relationships = new GraphRelationship[_relationships.Count - _handedRelationships];
        for (var i = 0; i < relationships.Length; i++) relationships[i] = _relationships[_handedRelationships + i].Rel;
        (_handedNodes, _handedRelationships) = (_nodes.Count, _relationships.Count);
        return new DatasetPart(nodes, relationships);
    }

    /// <summary>Cross-file checks, then the dataset if nothing failed.</summary>
    public Model.Dataset Finish()
    {
        var nodesById = new Dictionary<string, GraphNode>(_nodes.Count, StringComparer.Ordinal);
        var firstPlace = new Dictionary<string, Mark>(_nodes.Count, StringComparer.Ordinal);
        var repeats = false; // a repeated node or relationship id (an error, reported below)
        foreach (var (node, place) in _nodes)
        {
            if (nodesById.TryAdd(node.Id, node)) firstPlace[node.Id] = place;
            else
            {
                repeats = true;
                var first = firstPlace[node.Id];
                Error(place.At("id"), $"duplicate id '{node.Id}' (first defined in {first.Describe()})");
            }
        }

        foreach (var (node, place) in _nodes)
            CheckSources(place, node.Sources, nodesById, node);

        // By id, without making the ids.
        var relationshipIds = new Dictionary<GraphRelationship, Mark>(_relationships.Count, GraphRelationship.IdComparer);
        foreach (var (rel, place) in _relationships)
        {
            var spec = GraphSchema.FindType(rel.Type)!;
            if (!relationshipIds.TryAdd(rel, place))
            {
                repeats = true;
                Error(place, $"duplicate relationship {rel.Type} {rel.From} -> {rel.To} (first in {relationshipIds[rel].Describe()}); give each a distinct \"key\"");
            }
            CheckEndpoint(place, "from", rel.From, spec.FromLabels, spec.Type, nodesById);
            CheckEndpoint(place, "to", rel.To, spec.ToLabels, spec.Type, nodesById);
            CheckSources(place, rel.Sources, nodesById, rel);
            foreach (var idProperty in NodeIdPropertiesByType[spec.Type])
                if (rel.Text(idProperty.Name) is { } target
                    && (!nodesById.TryGetValue(target, out var targetNode) || targetNode.Label != idProperty.NodeLabel))
                    Error(place, $"property '{idProperty.Name}' refers to '{target}', which is not a {idProperty.NodeLabel} in the dataset");
            if (rel.Type == RelationshipTypes.IdentifiedAs && nodesById.TryGetValue(rel.From, out var role)
                && role.Label == Labels.VictimRole && !VictimProtection.MayBeIdentified(role.Text("anonymity")))
                Error(place, $"victim role '{rel.From}' is {role.Text("anonymity")}; only a public role may be linked to a named person (victims are protected)");
        }

        CheckDescriptorsNameNoOne(nodesById);
        CheckBelongsToCase(nodesById, Labels.Event, RelationshipTypes.HasEvent);
        CheckBelongsToCase(nodesById, Labels.VictimRole, RelationshipTypes.HasVictim);
        CheckNotes(nodesById);

        // Withheld facts leave here, where every dataset is made, so nothing downstream is ever handed one.
        // Without repeated ids (the only case where the dataset is used) the lists are taken as they are: a national
        // graph is a million items, and removing repeats that are not there cost a second.
        return WithheldFacts.Apply(new Model.Dataset(
            repeats ? _nodes.Select(n => n.Node).DistinctBy(n => n.Id).ToList() : _nodes.Select(n => n.Node).ToList(),
            repeats ? _relationships.Select(r => r.Rel).Distinct(GraphRelationship.IdComparer).ToList() : _relationships.Select(r => r.Rel).ToList(),
            _notes.Select(n => n.Note).DistinctBy(n => n.FactId).ToList()));
    }

    // The properties naming a node, per type: looked up for each of a national graph's relationships.
    private static readonly Dictionary<string, PropertySpec[]> NodeIdPropertiesByType = GraphSchema.Relationships
        .ToDictionary(r => r.Type, r => r.Properties.Where(p => p.Kind == PropertyKind.NodeId).ToArray(), StringComparer.Ordinal);

    private void CheckEndpoint(Mark place, string end, string id, IReadOnlyList<string> allowed, string type,
        Dictionary<string, GraphNode> nodesById)
    {
        if (!nodesById.TryGetValue(id, out var node))
            Error(place.At(end), $"'{end}' refers to '{id}', which no node in the dataset has");
        else if (!allowed.Contains(node.Label))
            Error(place.At(end), $"{type} cannot {(end == "from" ? "start at" : "end at")} a {node.Label} ('{id}'); it joins {string.Join("/", GraphSchema.FindType(type)!.FromLabels)} -> {string.Join("/", GraphSchema.FindType(type)!.ToLabels)}");
    }

    // item: the node or relationship citing, named only in an error. Every item of a national graph comes here, so the
    // check makes no string: not the item's name, not the source id cut from a citation with a locator.
    private void CheckSources(Mark place, IReadOnlyList<string> sources, Dictionary<string, GraphNode> nodesById, object item)
    {
        var byId = nodesById.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < sources.Count; i++)
        {
            var source = Citation.SourceIdOf(sources[i]);
            if (!byId.TryGetValue(source, out var node))
                Error(place, $"{Describe(item)} cites '{source}', which no node in the dataset has");
            else if (node.Label != Labels.Source)
                Error(place, $"{Describe(item)} cites '{source}', which is a {node.Label}, not a Source");
        }
    }

    private static string Describe(object item) => item switch
    {
        GraphNode node => $"{node.Label} '{node.Id}'",
        GraphRelationship rel => $"{rel.Type} {rel.From} -> {rel.To}",
        _ => throw new ArgumentException("a node or a relationship", nameof(item)),
    };

    // A descriptor is free text; make sure no one slips a real name into it.
    private void CheckDescriptorsNameNoOne(Dictionary<string, GraphNode> nodesById)
    {
        var names = nodesById.Values.Where(n => n.Label == Labels.Person)
            .SelectMany(p => p.Aliases.Append(p.Name)).Where(n => n.Length > 3).Distinct().ToList();
        foreach (var (node, place) in _nodes.Where(n => n.Node.Label == Labels.VictimRole))
        {
            var text = $"{node.Text("descriptor")} {node.Text("pseudonym")}";
            foreach (var name in names.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                Error(place.At("descriptor"), $"victim role '{node.Id}' names '{name}' in its descriptor; a descriptor must not identify anyone");
        }
    }

    private void CheckBelongsToCase(Dictionary<string, GraphNode> nodesById, string label, string type)
    {
        var linked = _relationships.Where(r => r.Rel.Type == type).Select(r => r.Rel.To).ToHashSet(StringComparer.Ordinal);
        foreach (var (node, place) in _nodes.Where(n => n.Node.Label == label && !linked.Contains(n.Node.Id)))
            Error(place, $"{label} '{node.Id}' belongs to no case; add a {type} relationship from its Case");
    }

    private static bool IsValidId(string id, string prefix) => Labels.IsWellFormedId(id) && id.StartsWith(prefix + ":", StringComparison.Ordinal);

    private string? RequiredString(Place place, ItemJson json, string key)
    {
        var token = json[key];
        if (token is { Type: ItemJsonType.String } && !string.IsNullOrWhiteSpace(token.Text)) return token.Text;
        Error(token is null ? place : place.Child(token), token is null ? $"missing \"{key}\"" : $"\"{key}\" must be a non-empty string");
        return null;
    }

    private string? OptionalString(Place place, ItemJson json, string key)
    {
        var token = json[key];
        if (token is null) return null;
        if (token.Type == ItemJsonType.String) return token.Text;
        Error(place.Child(token), $"\"{key}\" must be a string");
        return null;
    }

    private string[]? StringList(Place place, ItemJson json, string key)
    {
        var token = json[key];
        if (token is null) return null;
        if (token.Type == ItemJsonType.Array && token.Children.All(t => t.Type == ItemJsonType.String && !string.IsNullOrWhiteSpace(t.Text)))
            return token.Children.Select(t => t.Text!).ToArray();
        Error(place.Child(token), $"\"{key}\" must be an array of non-empty strings");
        return null;
    }

    private readonly List<string> _citations = [];

    /// <summary>
    /// Citations: strings (<c>source:x</c>, or <c>source:x#p. 4</c>) or objects <c>{ "source": "source:x", "locator": "p. 4" }</c>,
    /// stored as <see cref="Citation"/> strings. Kept for every item as an array sized exactly.
    /// </summary>
    private string[]? CitationList(Place place, ItemJson json, string key)
    {
        var token = json[key];
        if (token is null) return null;
        if (token.Type != ItemJsonType.Array)
        {
            Error(place.Child(token), $"\"{key}\" must be an array of Source ids or {{ \"source\", \"locator\" }} objects");
            return null;
        }
        var result = _citations;
        result.Clear();
        foreach (var item in token.Children)
        {
            if (item.Type == ItemJsonType.String && !string.IsNullOrWhiteSpace(item.Text))
            {
                // A citation without a locator repeats across items; one with a row or page is its own.
                var citation = item.Text!;
                result.Add(citation.Contains(Citation.Separator) ? citation : Share(citation));
            }
            else if (item is { Type: ItemJsonType.Object } cited && cited["source"] is { Type: ItemJsonType.String } source
                     && !string.IsNullOrWhiteSpace(source.Text)
                     && cited.Children.All(p => p.Name is "source" or "locator")
                     && cited["locator"] is null or { Type: ItemJsonType.String })
            {
                var id = source.Text!;
                var locator = cited["locator"]?.Text;
                if (id.Contains(Citation.Separator))
                    Error(place.Child(source), $"\"source\" '{id}' must be a Source id alone; put the place in \"locator\"");
                else result.Add(Citation.Format(id, string.IsNullOrWhiteSpace(locator) ? null : locator.Trim()));
            }
            else Error(place.Child(item), $"each entry of \"{key}\" must be a Source id or an object {{ \"source\": \"source:…\", \"locator\": \"p. 4\" }}");
        }
        if (result.Count == 0) return [];
        // Most items cite one source, without a locator: they share one array per source (never written to).
        if (result.Count == 1 && !result[0].Contains(Citation.Separator))
        {
            ref var single = ref CollectionsMarshal.GetValueRefOrAddDefault(_singleCitations, result[0], out var known);
            if (!known) single = [result[0]];
            return single!;
        }
        return [.. result];
    }

    private readonly Dictionary<string, string[]> _singleCitations = new(StringComparer.Ordinal);

    private static Place At(Place place, ItemJson json, string key) => json[key] is { } token ? place.Child(token) : place;

    private void Error(Place place, string message)
    {
        if (place.Record is { } item)
        {
            var cell = place.Cell ?? (PropertyOf(place.Token) is { } property && item.Cells.TryGetValue(property, out var given) ? given : item.Place);
            _sink.Add(cell.Error(message));
            return;
        }
        Error(place.File, place.Line, place.Path, message);
    }

    private void Error(Mark place, string message)
    {
        if (place.Record is { } item) _sink.Add((place.Cell ?? item.Place).Error(message));
        else Error(place.File, place.Line, place.Path, message);
    }

    // "from", "properties.from", "categories[0]" -> the property a token belongs to (how a records item names its cells).
    private static string? PropertyOf(ItemJson token)
    {
        var path = token.Path;
        if (path.StartsWith("properties.", StringComparison.Ordinal)) path = path["properties.".Length..];
        var end = path.IndexOfAny(['.', '[']);
        var name = end < 0 ? path : path[..end];
        return name.Length == 0 ? null : name;
    }

    // A token of a file read whole, outside any item (a top-level key, a list that is not an array).
    private void Error(string file, JToken token, string message) => Error(file, LineOf(token), token.Path, message);

    private void Error(string file, int? line, string path, string message) =>
        _sink.Add(new DatasetError(file, line, path.Length > 0 ? "$." + path : "$", message));
}
