using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Records.Mapping;
using KnowledgeGraph.Records.Tables;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Records.Building;

/// <summary>
/// Turns the rows of mapped tables into nodes and relationships: one node per id however many rows give it, one
/// relationship per distinct (type, ends, properties), each citing the mapping's source with the row it came from.
/// The items are then checked by Core's validator together with the JSON files; what only tables can get wrong
/// (empty cells, unmapped values, rows that disagree, unknown columns) is reported here with file, row and column.
/// </summary>
public sealed class RecordsBuilder(List<DatasetError> errors, IProgress<TableProgress>? progress, DateOnly today, string datasetDirectory)
{
    private const int ReportEvery = 20_000;
    private const int FirstRowsKept = 5;

    private readonly Dictionary<string, NodeState> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string From, string To), RelationshipGroup> _relationships = [];
    // One string per id however many rows name it: a city release names its officers in hundreds of thousands of rows.
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<RelationshipProperty> _properties = [];
    private readonly List<RecordItem> _mappingItems = [];
    private readonly Dictionary<(string File, string Column, string Value, string Kind), Tally> _badValues = [];
    private readonly Dictionary<(string File, string Message), Tally> _warnings = [];
    private readonly List<TableStats> _stats = [];
    private readonly List<string> _files = [];
    private readonly StringBuilder _buffer = new();
    private int _tableIndex;

    public IReadOnlyList<TableStats> Tables => _stats;
    public IReadOnlyList<string> Files => _files;

    public IReadOnlyList<RecordsWarning> Warnings => _warnings
        .Select(w => new RecordsWarning(w.Key.File, w.Key.Message, w.Value.Count, w.Value.FirstRows))
        .OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.FirstRows[0]).ToList();

    public void Add(RecordsMapping mapping)
    {
        _files.Add(mapping.File);
        AddSource(mapping);
        foreach (var table in mapping.Tables) ReadTable(mapping, table);
    }

    private void AddSource(RecordsMapping mapping)
    {
        var source = mapping.Source;
        var json = new JObject { ["id"] = source.Id, ["label"] = Labels.Source };
        var cells = new Dictionary<string, RecordCell>(StringComparer.Ordinal);
        foreach (var (key, value) in source.Properties)
        {
            json[key] = value;
            cells[key] = new RecordCell(mapping.File, 0, $"source.{key}", source.Places[key].Line);
        }
        var place = new RecordCell(mapping.File, 0, "source", source.Place.Line);
        _mappingItems.Add(new RecordItem(json, false, place, cells));
        if (source.Publisher is { } publisher)
        {
            var rel = new JObject
            {
                ["type"] = RelationshipTypes.PublishedBy, ["from"] = source.Id, ["to"] = publisher, ["sources"] = new JArray(source.Id),
            };
            var at = new RecordCell(mapping.File, 0, "source.publisher", source.Places["publisher"].Line);
            _mappingItems.Add(new RecordItem(rel, true, at, new Dictionary<string, RecordCell> { ["to"] = at }));
        }
    }

    private void ReadTable(RecordsMapping mapping, TableMapping table)
    {
        var tableIndex = _tableIndex++;
        var display = Path.GetRelativePath(datasetDirectory, table.Path).Replace('\\', '/');
        _files.Add(display);
        TableReader reader;
        try
        {
            reader = TableReader.Open(table.Path, table.Delimiter, table.Sheet);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException
                                       or ExcelDataReader.Exceptions.ExcelReaderException or FormatException or ArgumentException)
        {
            errors.Add(table.Place.Error($"cannot read table '{table.File}': {ex.Message}"));
            return;
        }
        using var _ = reader;
        // A workbook's rows are named with their sheet: "release.xlsx, sheet Assignments, row 12".
        var sheet = reader.Sheet is { } name ? $", sheet {name}" : "";
        display += sheet;
        var compiled = CompiledTable.Bind(table, reader.Header, errors);
        if (compiled is null) return;

        var clock = Stopwatch.StartNew();
        var context = new RowContext(mapping.Source.Id, table, display, sheet, tableIndex, compiled);
        var seen = new Dictionary<ulong, (ulong Raw, int Row)>();
        long rows = 0;
        while (reader.Next())
        {
            rows++;
            var row = reader.Row;
            if (seen.TryGetValue(reader.NormalizedHash, out var before))
                Warn(display, before.Raw == reader.RawHash ? "the row repeats an earlier row exactly" : "the row differs from an earlier row only in whitespace", row);
            else seen[reader.NormalizedHash] = (reader.RawHash, row);
            ReadRow(context, reader.Cells, row, reader.NormalizedHash);
            if (rows % ReportEvery == 0) progress?.Report(new TableProgress(display, rows, clock.Elapsed, false));
        }
        if (rows == 0) Warn(display, "the table has a header but no rows", 1);
        _stats.Add(new TableStats(display, rows, clock.Elapsed));
        progress?.Report(new TableProgress(display, rows, clock.Elapsed, true));
    }

    private sealed record RowContext(string SourceId, TableMapping Table, string File, string Sheet, int TableIndex, CompiledTable Compiled)
    {
        public string?[] NodeIds { get; } = new string?[Compiled.Table.Nodes.Count];

        /// <summary>A row's citation is this text and the row number; it is made only when an item is handed on.</summary>
        public string CitationPrefix { get; } = Citation.Format(SourceId, $"{Table.File}{Sheet}, row ");
    }

    /// <summary>
    /// A row's key: the table's key template rendered, or (by default) the hash of the row's cells, kept as a number and
    /// written as 16 hex digits only when a relationship needs it; fixed-width hex orders as the number does.
    /// </summary>
    private readonly record struct RowKey(string? Text, ulong Hash) : IComparable<RowKey>
    {
        public override string ToString() => Text ?? Hash.ToString("x16", CultureInfo.InvariantCulture);

        public int CompareTo(RowKey other) =>
            Text is null && other.Text is null ? Hash.CompareTo(other.Hash) : string.CompareOrdinal(ToString(), other.ToString());
    }

    /// <summary>A cited row, kept as its table's citation text and number rather than as a string per row.</summary>
    private readonly record struct CitedRow(string Prefix, int Row)
    {
        public override string ToString() => Prefix + Row.ToString(CultureInfo.InvariantCulture);
    }

    private void ReadRow(RowContext context, string[] cells, int row, ulong hash)
    {
        var table = context.Table;
        var citation = new CitedRow(context.CitationPrefix, row);
        RowKey rowKey;
        if (table.Key is { } keyTemplate)
        {
            var key = keyTemplate.Render(cells, _buffer);
            if (key is null)
            {
                errors.Add(new DatasetError(context.File, null, "", $"the row key '{keyTemplate}' is empty: its column(s) {string.Join(", ", keyTemplate.Columns)} are empty", row, keyTemplate.FirstColumn));
                return;
            }
            rowKey = new RowKey(key, 0);
        }
        else rowKey = new RowKey(null, hash);

        for (var n = 0; n < table.Nodes.Count; n++)
        {
            var node = table.Nodes[n];
            context.NodeIds[n] = null;
            var id = Intern(Slug(node.Id.Render(cells, _buffer)));
            if (id is null)
            {
                if (!node.Optional)
                    errors.Add(new DatasetError(context.File, null, "", $"the {node.Label} id '{node.Id}' is empty: its column(s) {string.Join(", ", node.Id.Columns)} are empty (mark the node \"optional: true\" if such rows have none)", row, node.Id.FirstColumn));
                continue;
            }
            var at = new RecordCell(context.File, row, node.Id.FirstColumn);
            if (!_nodes.TryGetValue(id, out var state))
                _nodes[id] = state = new NodeState(id, node.Label, at);
            else if (state.Label != node.Label)
            {
                errors.Add(at.Error($"id '{id}' is a {node.Label} here but a {state.Label} in {state.First.File}, row {state.First.Row}"));
                continue;
            }
            context.NodeIds[n] = id;
            if (state.LastTable != context.TableIndex)
            {
                state.Cite(citation);
                state.LastTable = context.TableIndex;
            }
            var policy = table.Conflicts;
            if (node.Name is { } nameTemplate && nameTemplate.Render(cells, _buffer) is { } name)
                Set(state, state.Properties, "name", name, context.File, row, nameTemplate.FirstColumn, policy);
            foreach (var (property, spec) in context.Compiled.NodeProperties[n])
                if (Value(context, property, spec, cells, row) is { } value)
                    Set(state, state.Properties, property.Name, value, context.File, row, Column(property), policy);
                else if (state.Empty?.ContainsKey(property.Name) is not true)
                    (state.Empty ??= new(StringComparer.Ordinal))[property.Name] = new RecordCell(context.File, row, Column(property)); // a required one left empty is reported here
            foreach (var (property, spec) in context.Compiled.NodeFallbacks[n])
                if (state.Fallbacks?.ContainsKey(property.Name) is not true && Value(context, property, spec, cells, row) is { } value)
                    (state.Fallbacks ??= new(StringComparer.Ordinal))[property.Name] = new CellValue(value, context.File, row, Column(property));
        }

        for (var r = 0; r < table.Relationships.Count; r++)
        {
            var rel = table.Relationships[r];
            var from = End(context, rel, context.Compiled.FromNode[r], rel.FromId, "from", cells, row);
            var to = End(context, rel, context.Compiled.ToNode[r], rel.ToId, "to", cells, row);
            if (from is null || to is null) continue;
            // The properties (sorted by name, so rows compare alike) and the empty cells go into reused lists; only a
            // relationship not seen before keeps them, as arrays.
            var properties = _properties;
            properties.Clear();
            List<RelationshipProperty>? empty = null;
            foreach (var (property, spec) in context.Compiled.RelationshipProperties[r])
                if (Value(context, property, spec, cells, row) is { } value)
                    properties.Add(new RelationshipProperty(property.Name, value, Column(property)));
                else (empty ??= []).Add(new RelationshipProperty(property.Name, null, Column(property)));
            properties.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            CheckPeriod(context.File, row, properties);
            AddRelationship(rel.Type, from, to, properties, rowKey, citation, new RecordCell(context.File, row, null), table.Conflicts, empty);
        }
    }

    private string? Intern(string? id)
    {
        if (id is null) return null;
        if (_ids.TryGetValue(id, out var known)) return known;
        _ids.Add(id);
        return id;
    }

    private string? End(RowContext context, RelationshipMapping rel, int node, Template? template, string end, string[] cells, int row)
    {
        // An end that is a node of this row: absent when that node's id was empty (already reported, or optional).
        if (node >= 0) return context.NodeIds[node];
        var id = Intern(Slug(template!.Render(cells, _buffer)));
        if (id is null)
            errors.Add(new DatasetError(context.File, null, "", $"{rel.Type} '{end}' id '{template}' is empty: its column(s) {string.Join(", ", template.Columns)} are empty", row, template.FirstColumn));
        return id;
    }

    private void AddRelationship(string type, string from, string to, List<RelationshipProperty> properties, RowKey rowKey,
        CitedRow citation, RecordCell at, ConflictPolicy policy, List<RelationshipProperty>? empty)
    {
        if (!_relationships.TryGetValue((type, from, to), out var group))
            _relationships[(type, from, to)] = group = new RelationshipGroup(type, from, to);
        foreach (var variant in group.Variants)
        {
            if (!SameProperties(variant.Properties, properties)) continue;
            if (rowKey.CompareTo(variant.Key) < 0) variant.Key = rowKey;
            return;
        }
        // Same row key, different content: two rows claim to be the same record.
        if (group.Variants.FirstOrDefault(v => v.Key == rowKey) is { } clash)
        {
            if (policy == ConflictPolicy.Error)
                errors.Add(at.Error($"{type} {from} -> {to} has row key '{rowKey}' like {clash.First.File}, row {clash.First.Row}, but different properties; give the table a \"key\" that tells them apart, or \"conflicts: first\""));
            return;
        }
        group.Variants.Add(new RelationshipVariant([.. properties], rowKey, citation, at.File, at.Row) { Empty = empty?.ToArray() });
    }

    private static bool SameProperties(RelationshipProperty[] kept, List<RelationshipProperty> row)
    {
        if (kept.Length != row.Count) return false;
        for (var i = 0; i < kept.Length; i++)
            if (kept[i].Name != row[i].Name || !Same(kept[i].Value!, row[i].Value!)) return false;
        return true;
    }

    // The cell's place is made only when kept or reported: most rows repeat what an earlier row said.
    private void Set(NodeState state, Dictionary<string, CellValue> properties, string name, object value, string file, int row, string? column, ConflictPolicy policy)
    {
        if (!properties.TryGetValue(name, out var existing))
        {
            properties[name] = new CellValue(value, file, row, column);
            return;
        }
        if (policy == ConflictPolicy.First || Same(existing.Value, value)) return;
        errors.Add(new RecordCell(file, row, column).Error($"{state.Label} '{state.Id}' has {name} '{Show(value)}' here but '{Show(existing.Value)}' in {existing.File}, row {existing.Row}; correct one of the rows, or set \"conflicts: first\" on the table"));
    }

    private static bool Same(object a, object b) => a is string[] x && b is string[] y ? x.SequenceEqual(y) : a.Equals(b);

    private static string Show(object value) => value is string[] list ? string.Join(", ", list) : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static string? Column(PropertyMapping property) => property.Column;

    /// <summary>The value of one property for a row, mapped and converted; null omits it (an empty cell).</summary>
    private object? Value(RowContext context, PropertyMapping property, PropertySpec spec, string[] cells, int row)
    {
        if (property.Boolean is { } flag) return flag;
        if (property.List is { } list)
        {
            List<string>? values = null;
            foreach (var item in list)
                if (Text(context, item, spec, cells, row) is { } text && !(values ??= []).Contains(text)) values.Add(text);
            return values is null ? null : values.ToArray();
        }
        var value = Text(context, property.Template!, spec, cells, row);
        if (value is null) return null;
        switch (spec.Kind)
        {
            case PropertyKind.Boolean:
                if (value.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                if (value.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                BadValue(context.File, property.Template!.SingleColumn ?? property.Name, value, row, "is not true or false; map it with \"values\"");
                return null;
            case PropertyKind.PartialDate or PropertyKind.PeriodEnd:
                return Date(context, property, spec, value, row);
            case PropertyKind.NodeId:
                return Slug(value);
            default:
                return value;
        }
    }

    /// <summary>Renders a template; where its one column has a values map and the property is a vocabulary, maps it.</summary>
    private string? Text(RowContext context, Template template, PropertySpec spec, string[] cells, int row)
    {
        var vocabulary = spec.Vocabulary ?? (spec.Kind == PropertyKind.Boolean ? BooleanWords : null);
        if (vocabulary is not null && template.SingleColumn is { } column && context.Compiled.ValuesFor(column) is { } map)
        {
            var raw = context.Compiled.Cell(cells, column);
            if (map.TryMap(raw, out var mapped)) return mapped;
            if (raw.Length == 0) return null;
            BadValue(context.File, column, raw, row, $"has no entry in values.{column}; map it to one of: {vocabulary.Describe()} (or add \"*\")");
            return null;
        }
        var text = template.Render(cells, _buffer);
        if (text is null || vocabulary is null || template.IsLiteral || vocabulary.Contains(text)) return text;
        BadValue(context.File, template.SingleColumn ?? template.FirstColumn ?? spec.Name, text, row, $"is not a {vocabulary.Name}; add a values map for the column ({vocabulary.Describe()})");
        return null;
    }

    private static readonly Vocabulary BooleanWords = new("true or false", "true", "false");

    private string? Date(RowContext context, PropertyMapping property, PropertySpec spec, string text, int row)
    {
        var column = Column(property);
        if (spec.Kind == PropertyKind.PeriodEnd && text.Equals(PeriodEnd.PresentText, StringComparison.OrdinalIgnoreCase)) return PeriodEnd.PresentText;
        string? iso = null;
        foreach (var format in context.Table.DateFormats)
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                iso = format.Contains('d') ? parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : format.Contains('M') ? parsed.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                    : parsed.ToString("yyyy", CultureInfo.InvariantCulture);
                break;
            }
        if (iso is null && PartialDate.TryParse(text, out _, out _)) iso = text;
        string? error = null;
        if (iso is null || !PartialDate.TryParse(iso, out var date, out error))
        {
            var expected = context.Table.DateFormats.Count > 0 ? $"a date as {string.Join(" or ", context.Table.DateFormats)} (or YYYY, YYYY-MM, YYYY-MM-DD)" : "a date as YYYY, YYYY-MM or YYYY-MM-DD (or set \"dates: { format: … }\" on the table)";
            errors.Add(new DatasetError(context.File, null, "", iso is null ? $"'{text}' in '{property.Name}' is not {expected}" : $"'{property.Name}': {error}", row, column));
            return null;
        }
        if (date.Year < 1900) Warn(context.File, $"a date in column {column} is before 1900", row);
        else if (date.Earliest > today) Warn(context.File, $"a date in column {column} is in the future", row);
        return iso;
    }

    // A start after the end is a typing slip in real releases: keep the start, treat the end as unknown (so any
    // overlap it gives is only "possible"), and say so.
    private void CheckPeriod(string file, int row, List<RelationshipProperty> properties)
    {
        var from = properties.FindIndex(p => p.Name == "from");
        var to = properties.FindIndex(p => p.Name == "to");
        if (from >= 0 && to >= 0 && properties[from].Value is string start && properties[to].Value is string end
            && start != PeriodEnd.PresentText && Period.Parse(start, end).EndsBeforeItStarts)
        {
            Warn(file, $"the period starts ({properties[to].Column} is before {properties[from].Column}) after it ends; the end is left unknown", row);
            properties.RemoveAt(to);
        }
    }

    private void BadValue(string file, string column, string value, int row, string reason)
    {
        var key = (file, column, value, reason);
        if (!_badValues.TryGetValue(key, out var tally)) _badValues[key] = tally = new Tally();
        tally.Add(row);
    }

    private void Warn(string file, string message, int row)
    {
        if (!_warnings.TryGetValue((file, message), out var tally)) _warnings[(file, message)] = tally = new Tally();
        tally.Add(row);
    }

    /// <summary>
    /// The nodes and relationships built, in the shape the validator reads; also reports collected value errors. Lazy,
    /// and each node's or relationship's state is dropped as its item is made, so the builder's state and the
    /// validator's never both hold the whole release (a city release is half a million items).
    /// </summary>
    public IEnumerable<RecordItem> Finish()
    {
        foreach (var ((file, column, value, reason), tally) in _badValues.OrderBy(b => b.Key.File, StringComparer.Ordinal).ThenBy(b => b.Value.FirstRows[0]))
            errors.Add(new DatasetError(file, null, "", $"value '{value}' {reason}; {tally.Count} row(s) have it, first: {string.Join(", ", tally.FirstRows.Select(r => $"row {r}"))}", tally.FirstRows[0], column));

        _ids.Clear();
        _ids.TrimExcess();
        foreach (var item in _mappingItems) yield return item;
        // Removing the current entry while enumerating a Dictionary is allowed, and frees it as we go.
        foreach (var (id, state) in _nodes)
        {
            _nodes.Remove(id);
            // Fallbacks are defaults: used only where no row of any table gave the property, so they never conflict.
            foreach (var (name, fallback) in state.Fallbacks ?? []) state.Properties.TryAdd(name, fallback);
            var json = new JObject { ["id"] = state.Id, ["label"] = state.Label };
            var cells = state.Empty is null ? new Dictionary<string, RecordCell>(state.Properties.Count + 1, StringComparer.Ordinal)
                : new Dictionary<string, RecordCell>(state.Empty, StringComparer.Ordinal);
            cells["id"] = state.First;
            foreach (var (name, value) in state.Properties)
            {
                json.Add(name, Token(value.Value));
                cells[name] = value.Cell;
            }
            json.Add("sources", new JArray(state.Citations.Select(c => c.ToString())));
            yield return new RecordItem(json, false, state.First, cells);
        }
        foreach (var (groupKey, group) in _relationships)
        {
            _relationships.Remove(groupKey);
            foreach (var variant in group.Variants)
            {
                var json = new JObject { ["type"] = group.Type, ["from"] = group.From, ["to"] = group.To };
                // Rows that differ (an officer back in the same unit) are told apart by the row key; a lone one needs none.
                if (group.Variants.Count > 1) json.Add("key", variant.Key.ToString());
                var at = variant.First;
                var cells = new Dictionary<string, RecordCell>(variant.Properties.Length + (variant.Empty?.Length ?? 0), StringComparer.Ordinal);
                foreach (var (name, _, column) in variant.Empty ?? []) cells[name] = at with { Column = column };
                if (variant.Properties.Length > 0)
                {
                    var properties = new JObject();
                    foreach (var (name, value, column) in variant.Properties)
                    {
                        properties.Add(name, Token(value!));
                        cells[name] = at with { Column = column };
                    }
                    json.Add("properties", properties);
                }
                json.Add("sources", new JArray(variant.Citation.ToString()));
                yield return new RecordItem(json, true, variant.First, cells);
            }
        }
    }

    private static JToken Token(object value) => value switch
    {
        bool flag => new JValue(flag),
        string[] list => new JArray(list),
        _ => new JValue((string)value),
    };

    /// <summary>
    /// Makes a rendered id valid: the prefix stays, the rest becomes lower-case words of a-z and 0-9 joined by single
    /// hyphens (accents dropped); null when nothing is left.
    /// </summary>
    public static string? Slug(string? text)
    {
        if (text is null) return null;
        var colon = text.IndexOf(':');
        if (colon <= 0) return null;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, colon + 1);
        var hyphen = false;
        var rest = text.AsSpan(colon + 1);
        var needsNormalising = false;
        foreach (var c in rest) if (c > 127) { needsNormalising = true; break; }
        if (needsNormalising)
            rest = new string(text[(colon + 1)..].Normalize(NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        foreach (var c in rest)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (hyphen && builder.Length > colon + 1) builder.Append('-');
                hyphen = false;
                builder.Append(lower);
            }
            else hyphen = true;
        }
        return builder.Length == colon + 1 ? null : builder.ToString();
    }

    /// <summary>A value and the cell it came from; a struct, so a node's properties cost no objects of their own.</summary>
    private readonly record struct CellValue(object Value, string File, int Row, string? Column)
    {
        public RecordCell Cell => new(File, Row, Column);
    }

    private sealed class NodeState(string id, string label, RecordCell first)
    {
        public string Id { get; } = id;
        public string Label { get; } = label;
        public RecordCell First { get; } = first;
        public Dictionary<string, CellValue> Properties { get; } = new(StringComparer.Ordinal);
        // Most nodes have neither, so these are made when first needed.
        public Dictionary<string, CellValue>? Fallbacks { get; set; }
        public Dictionary<string, RecordCell>? Empty { get; set; }
        // The first table's row inline: most nodes come from one table.
        private CitedRow _first;
        private List<CitedRow>? _more;

        public IEnumerable<CitedRow> Citations => _more is null ? [_first] : _more.Prepend(_first);

        public void Cite(CitedRow row)
        {
            if (_first.Prefix is null) _first = row;
            else (_more ??= []).Add(row);
        }
        public int LastTable { get; set; } = -1;
    }

    private sealed class RelationshipGroup(string type, string from, string to)
    {
        public string Type { get; } = type;
        public string From { get; } = from;
        public string To { get; } = to;
        public List<RelationshipVariant> Variants { get; } = new(1);
    }

    /// <summary>A relationship property from a row (Value null: the cell was empty), and the column it came from.</summary>
    private readonly record struct RelationshipProperty(string Name, object? Value, string? Column);

    /// <summary>One distinct set of properties of a relationship: all from its first row, so one cell names every property's row.</summary>
    private sealed class RelationshipVariant(RelationshipProperty[] properties, RowKey key, CitedRow citation, string file, int row)
    {
        public RelationshipProperty[] Properties { get; } = properties;
        public RowKey Key { get; set; } = key;
        public CitedRow Citation { get; } = citation;
        public RecordCell First => new(file, row, null);
        public RelationshipProperty[]? Empty { get; init; }
    }

    private sealed class Tally
    {
        private readonly List<int> _firstRows = new(FirstRowsKept);
        public int Count { get; private set; }
        public IReadOnlyList<int> FirstRows => _firstRows;

        public void Add(int row)
        {
            Count++;
            if (_firstRows.Count < FirstRowsKept) _firstRows.Add(row);
        }
    }
}
