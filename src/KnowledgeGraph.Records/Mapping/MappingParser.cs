using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeGraph.Records.Mapping;

/// <summary>
/// Reads a <c>*.records.yaml</c> file into a <see cref="RecordsMapping"/>, collecting every mistake with the mapping
/// file, line and key. What can be checked without the tables is checked here (labels, types, property names, <c>as</c>
/// names, relationship ends); columns are checked against each table's header when it is opened.
/// </summary>
public sealed class MappingParser
{
    private static readonly HashSet<string> TopKeys = ["source", "tables"];
    private static readonly HashSet<string> SourceKeys = ["id", "name", "kind", "title", "published", "url", "publisher", "description"];
    private static readonly HashSet<string> TableKeys = ["file", "delimiter", "sheet", "key", "dates", "values", "conflicts", "nodes", "relationships"];
    private static readonly HashSet<string> NodeKeys = ["as", "label", "id", "name", "properties", "fallback", "optional"];
    private static readonly HashSet<string> RelationshipKeys = ["type", "from", "to", "properties"];

    private readonly List<DatasetError> _errors;
    private readonly string _file;

    private MappingParser(string file, List<DatasetError> errors)
    {
        _file = file;
        _errors = errors;
    }

    /// <summary>Parses the mapping; null when it is too broken to use (the reasons are in <paramref name="errors"/>).</summary>
    public static RecordsMapping? Parse(string displayName, string text, string directory, List<DatasetError> errors)
    {
        var parser = new MappingParser(displayName, errors);
        var before = errors.Count;
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(new DatasetError(displayName, 1, "", "the mapping must be a YAML mapping with \"source\" and \"tables\""));
                return null;
            }
            root = mapping;
        }
        catch (YamlException ex)
        {
            errors.Add(new DatasetError(displayName, (int)ex.Start.Line, "", $"bad YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InvalidCastException)
        {
            errors.Add(new DatasetError(displayName, null, "", $"bad YAML: {ex.Message}"));
            return null;
        }
        var result = parser.ReadRoot(root, directory);
        return errors.Count == before ? result : null;
    }

    private RecordsMapping? ReadRoot(YamlMappingNode root, string directory)
    {
        CheckKeys(root, "", TopKeys);
        var source = Get(root, "source") is { } s ? ReadSource(s) : Missing<MappingSource>(root, "", "source");
        var tables = new List<TableMapping>();
        if (Get(root, "tables") is not { } tablesNode) Missing<object>(root, "", "tables");
        else if (tablesNode is not YamlSequenceNode { Children.Count: > 0 } sequence) Error(tablesNode, "tables", "\"tables\" must be a non-empty list");
        else
            for (var i = 0; i < sequence.Children.Count; i++)
                if (ReadTable(sequence.Children[i], $"tables[{i}]", directory) is { } table) tables.Add(table);
        return source is null ? null : new RecordsMapping(_file, directory, source, tables);
    }

    private MappingSource? ReadSource(YamlNode node)
    {
        if (node is not YamlMappingNode map) { Error(node, "source", "\"source\" must be a mapping (id, name, kind, title, published, url, publisher)"); return null; }
        CheckKeys(map, "source", SourceKeys);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var places = new Dictionary<string, MappingPlace>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            if (!SourceKeys.Contains(key)) continue;
            if (Scalar(valueNode, $"source.{key}") is { } value) { properties[key] = value; places[key] = PlaceOf(valueNode, $"source.{key}"); }
        }
        if (!properties.Remove("id", out var id)) { Missing<object>(map, "source", "id"); return null; }
        properties.Remove("publisher", out var publisher);
        return new MappingSource(id, properties, publisher, PlaceOf(map, "source"), places);
    }

    private TableMapping? ReadTable(YamlNode node, string key, string directory)
    {
        if (node is not YamlMappingNode map) { Error(node, key, "each table must be a mapping with \"file\", \"nodes\" and \"relationships\""); return null; }
        CheckKeys(map, key, TableKeys);
        var file = Get(map, "file") is { } f ? Scalar(f, $"{key}.file") : Missing<string>(map, key, "file");
        string? path = null;
        if (file is not null)
        {
            path = Path.GetFullPath(Path.Combine(directory, file));
            if (!File.Exists(path)) Error(Get(map, "file")!, $"{key}.file", $"table file '{file}' does not exist (looked for {path})");
            else if (Path.GetExtension(path).ToLowerInvariant() is not (".csv" or ".tsv" or ".txt" or ".xlsx" or ".xls"))
                Error(Get(map, "file")!, $"{key}.file", $"table file '{file}' is not .csv, .tsv, .txt, .xlsx or .xls");
        }

        char? delimiter = null;
        if (Get(map, "delimiter") is { } d && Scalar(d, $"{key}.delimiter") is { } delimiterText)
        {
            delimiterText = delimiterText switch { "\\t" or "tab" => "\t", _ => delimiterText };
            if (delimiterText.Length != 1) Error(d, $"{key}.delimiter", $"delimiter '{delimiterText}' must be one character (or \"tab\")");
            else delimiter = delimiterText[0];
        }
        var sheet = Get(map, "sheet") is { } sh ? Scalar(sh, $"{key}.sheet") : null;
        var rowKey = Get(map, "key") is { } k ? TemplateOf(k, $"{key}.key") : null;

        var formats = new List<string>();
        if (Get(map, "dates") is { } datesNode)
        {
            if (datesNode is not YamlMappingNode dates) Error(datesNode, $"{key}.dates", "\"dates\" must be a mapping: { format: \"MM/dd/yyyy\" }");
            else
            {
                CheckKeys(dates, $"{key}.dates", new HashSet<string> { "format" });
                switch (Get(dates, "format"))
                {
                    case YamlScalarNode one when one.Value is { Length: > 0 } format: formats.Add(format); break;
                    case YamlSequenceNode many: formats.AddRange(many.Children.Select((c, i) => Scalar(c, $"{key}.dates.format[{i}]")).OfType<string>()); break;
                    case { } other: Error(other, $"{key}.dates.format", "\"format\" must be a date format such as \"MM/dd/yyyy\" or a list of them"); break;
                }
            }
        }

        var values = new Dictionary<string, ValuesMap>(StringComparer.Ordinal);
        if (Get(map, "values") is { } valuesNode)
        {
            if (valuesNode is not YamlMappingNode valuesMap) Error(valuesNode, $"{key}.values", "\"values\" must map each column to { raw value: vocabulary value }");
            else
                foreach (var (columnNode, mapNode) in valuesMap.Children)
                {
                    var column = ((YamlScalarNode)columnNode).Value!;
                    var place = $"{key}.values.{column}";
                    if (mapNode is not YamlMappingNode entries) { Error(mapNode, place, $"values for column '{column}' must be a mapping {{ raw: value }}"); continue; }
                    var entriesMap = new Dictionary<string, string>(StringComparer.Ordinal);
                    string? otherwise = null;
                    foreach (var (rawNode, valueNode) in entries.Children)
                    {
                        var raw = ((YamlScalarNode)rawNode).Value ?? "";
                        if (Scalar(valueNode, $"{place}.{raw}", allowEmpty: false) is not { } value) continue;
                        if (raw == "*") otherwise = value;
                        else entriesMap[raw] = value;
                    }
                    values[column] = new ValuesMap(column, entriesMap, otherwise, PlaceOf(mapNode, place));
                }
        }

        var conflicts = ConflictPolicy.Error;
        if (Get(map, "conflicts") is { } c && Scalar(c, $"{key}.conflicts") is { } conflictsText)
        {
            if (conflictsText == "first") conflicts = ConflictPolicy.First;
            else if (conflictsText != "error") Error(c, $"{key}.conflicts", $"conflicts '{conflictsText}' must be \"error\" (the default) or \"first\"");
        }

        var nodes = new List<NodeMapping>();
        if (Get(map, "nodes") is { } nodesNode)
        {
            if (nodesNode is not YamlSequenceNode nodeList) Error(nodesNode, $"{key}.nodes", "\"nodes\" must be a list");
            else
                for (var i = 0; i < nodeList.Children.Count; i++)
                    if (ReadNode(nodeList.Children[i], $"{key}.nodes[{i}]") is { } n)
                    {
                        if (nodes.Any(x => x.As == n.As)) Error(nodeList.Children[i], $"{key}.nodes[{i}].as", $"'as: {n.As}' is used twice in this table");
                        else nodes.Add(n);
                    }
        }
        var relationships = new List<RelationshipMapping>();
        if (Get(map, "relationships") is { } relsNode)
        {
            if (relsNode is not YamlSequenceNode relList) Error(relsNode, $"{key}.relationships", "\"relationships\" must be a list");
            else
                for (var i = 0; i < relList.Children.Count; i++)
                    if (ReadRelationship(relList.Children[i], $"{key}.relationships[{i}]", nodes) is { } r) relationships.Add(r);
        }
        if (nodes.Count == 0 && relationships.Count == 0) Error(map, key, "the table yields nothing; give it \"nodes\" or \"relationships\"");
        return file is null || path is null ? null
            : new TableMapping(file, path, delimiter, sheet, rowKey, formats, values, conflicts, nodes, relationships, PlaceOf(map, key));
    }

    private NodeMapping? ReadNode(YamlNode node, string key)
    {
        if (node is not YamlMappingNode map) { Error(node, key, "each node must be a mapping with \"as\", \"label\" and \"id\""); return null; }
        CheckKeys(map, key, NodeKeys);
        var @as = Get(map, "as") is { } a ? Scalar(a, $"{key}.as") : Missing<string>(map, key, "as");
        var label = Get(map, "label") is { } l ? Scalar(l, $"{key}.label") : Missing<string>(map, key, "label");
        var spec = GraphSchema.FindLabel(label);
        if (label is not null && spec is null)
        {
            Error(Get(map, "label")!, $"{key}.label", $"unknown label '{label}'; known labels: {string.Join(", ", Labels.All)}");
            return null;
        }
        if (label == Labels.Source) Error(Get(map, "label")!, $"{key}.label", "a table cannot create Source nodes; the mapping's \"source\" is the one every row cites");
        var id = Get(map, "id") is { } i ? TemplateOf(i, $"{key}.id") : Missing<Template>(map, key, "id");
        if (id is not null && label is not null && Labels.IdPrefix.TryGetValue(label, out var prefix) && !id.Text.StartsWith(prefix + ":", StringComparison.Ordinal))
            Error(Get(map, "id")!, $"{key}.id", $"a {label} id must start with '{prefix}:' (e.g. \"{prefix}:release-{{id_column}}\")");
        var name = Get(map, "name") is { } n ? TemplateOf(n, $"{key}.name") : null;
        var properties = spec is null ? [] : ReadProperties(Get(map, "properties"), $"{key}.properties", spec.Properties, label!, allowName: false);
        var fallback = spec is null ? [] : ReadProperties(Get(map, "fallback"), $"{key}.fallback", spec.Properties, label!, allowName: true);
        var optional = Get(map, "optional") is YamlScalarNode { Value: "true" };
        return @as is null || label is null || id is null || spec is null ? null
            : new NodeMapping(@as, label, id, name, properties, fallback, optional, PlaceOf(map, key));
    }

    private RelationshipMapping? ReadRelationship(YamlNode node, string key, List<NodeMapping> nodes)
    {
        if (node is not YamlMappingNode map) { Error(node, key, "each relationship must be a mapping with \"type\", \"from\" and \"to\""); return null; }
        CheckKeys(map, key, RelationshipKeys);
        var type = Get(map, "type") is { } t ? Scalar(t, $"{key}.type") : Missing<string>(map, key, "type");
        var spec = GraphSchema.FindType(type);
        if (type is not null && spec is null)
        {
            Error(Get(map, "type")!, $"{key}.type", $"unknown relationship type '{type}'; known types: {string.Join(", ", GraphSchema.Relationships.Select(r => r.Type))}");
            return null;
        }
        if (type == RelationshipTypes.IdentifiedAs)
        {
            Error(Get(map, "type")!, $"{key}.type", "a table cannot link a victim role to a named person (victims are protected); do it in a reviewed JSON file with its source");
            return null;
        }
        var (fromAs, fromId) = ReadEnd(map, key, "from", nodes, spec);
        var (toAs, toId) = ReadEnd(map, key, "to", nodes, spec);
        var properties = spec is null ? [] : ReadProperties(Get(map, "properties"), $"{key}.properties", spec.Properties, type!, allowName: false);
        return spec is null || (fromAs is null && fromId is null) || (toAs is null && toId is null) ? null
            : new RelationshipMapping(type!, fromAs, fromId, toAs, toId, properties, PlaceOf(map, key));
    }

    private (string? As, Template? Id) ReadEnd(YamlMappingNode map, string key, string end, List<NodeMapping> nodes, RelationshipSpec? spec)
    {
        if (Get(map, end) is not { } node) { Missing<object>(map, key, end); return (null, null); }
        if (Scalar(node, $"{key}.{end}") is not { } text) return (null, null);
        var allowed = end == "from" ? spec?.FromLabels : spec?.ToLabels;
        if (!text.Contains(':'))
        {
            var declared = nodes.FirstOrDefault(n => n.As == text);
            if (declared is null)
            {
                Error(node, $"{key}.{end}", $"'{text}' is not the \"as\" name of a node of this table ({string.Join(", ", nodes.Select(n => n.As))}) nor an id such as \"force:example\"");
                return (null, null);
            }
            if (allowed is not null && !allowed.Contains(declared.Label))
                Error(node, $"{key}.{end}", $"{spec!.Type} cannot {(end == "from" ? "start at" : "end at")} a {declared.Label} ('{text}'); it joins {string.Join("/", spec.FromLabels)} -> {string.Join("/", spec.ToLabels)}");
            return (text, null);
        }
        var template = TemplateOf(node, $"{key}.{end}");
        var prefix = text[..text.IndexOf(':')];
        var label = Labels.IdPrefix.FirstOrDefault(p => p.Value == prefix).Key;
        if (template is not null && allowed is not null && (label is null || !allowed.Contains(label)))
            Error(node, $"{key}.{end}", $"{spec!.Type} {(end == "from" ? "starts at" : "ends at")} {string.Join("/", allowed)}; '{text}' is not such an id");
        return (null, template);
    }

    private List<PropertyMapping> ReadProperties(YamlNode? node, string key, IReadOnlyList<PropertySpec> specs, string owner, bool allowName)
    {
        var result = new List<PropertyMapping>();
        if (node is null) return result;
        if (node is not YamlMappingNode map) { Error(node, key, $"\"{key.Split('.').Last()}\" must be a mapping of property: value"); return result; }
        foreach (var (nameNode, valueNode) in map.Children)
        {
            var name = ((YamlScalarNode)nameNode).Value!;
            var place = $"{key}.{name}";
            var spec = specs.FirstOrDefault(s => s.Name == name);
            if (spec is null && !(allowName && name == "name"))
            {
                Error(nameNode, place, $"unknown property '{name}' for {owner}; allowed: {string.Join(", ", specs.Select(s => s.Name))}");
                continue;
            }
            if (spec?.Kind == PropertyKind.VocabularyList)
            {
                var items = valueNode is YamlSequenceNode seq ? seq.Children.Select((c, i) => TemplateOf(c, $"{place}[{i}]")).ToList()
                    : [TemplateOf(valueNode, place)];
                if (items.All(t => t is not null)) result.Add(new PropertyMapping(name, null, null, items!, PlaceOf(valueNode, place)));
                continue;
            }
            if (spec?.Kind == PropertyKind.Boolean && valueNode is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } b)
            {
                result.Add(new PropertyMapping(name, null, b.Value == "true", null, PlaceOf(valueNode, place)));
                continue;
            }
            var template = TemplateOf(valueNode, place);
            if (template is null) continue;
            // Never upgraded: a legal status is a literal or comes through a values map (checked against the table's maps).
            result.Add(new PropertyMapping(name, template, null, null, PlaceOf(valueNode, place)));
        }
        return result;
    }

    private Template? TemplateOf(YamlNode node, string key)
    {
        if (Scalar(node, key) is not { } text) return null;
        var template = Template.Parse(text, PlaceOf(node, key), out var error);
        if (template is null) Error(node, key, error!);
        return template;
    }

    private string? Scalar(YamlNode node, string key, bool allowEmpty = false)
    {
        if (node is YamlScalarNode { Value: var value } && (allowEmpty || !string.IsNullOrWhiteSpace(value))) return value;
        Error(node, key, $"\"{key.Split('.').Last()}\" must be a non-empty text value");
        return null;
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private void CheckKeys(YamlMappingNode map, string key, IReadOnlySet<string> allowed)
    {
        foreach (var child in map.Children.Keys)
            if (child is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
                Error(child, key.Length == 0 ? child.ToString() : $"{key}.{child}", $"unknown key '{child}'; allowed here: {string.Join(", ", allowed)}");
    }

    private T? Missing<T>(YamlNode map, string key, string missing) where T : class
    {
        Error(map, key, $"missing \"{missing}\"");
        return null;
    }

    private MappingPlace PlaceOf(YamlNode node, string key) => new(_file, (int)node.Start.Line, key);

    private void Error(YamlNode node, string key, string message) => _errors.Add(PlaceOf(node, key).Error(message));
}
