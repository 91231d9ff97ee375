using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Records.Mapping;

namespace KnowledgeGraph.Records.Building;

/// <summary>
/// A table's mapping bound to its header: every placeholder resolved to a column index and checked once, so a
/// mistake in the mapping is one error at its line rather than one per row.
/// </summary>
internal sealed class CompiledTable
{
    private readonly Dictionary<string, int> _header;

    private CompiledTable(TableMapping table, Dictionary<string, int> header)
    {
        Table = table;
        _header = header;
    }

    public TableMapping Table { get; }
    public List<(PropertyMapping Property, PropertySpec Spec)>[] NodeProperties { get; private init; } = [];
    public List<(PropertyMapping Property, PropertySpec Spec)>[] NodeFallbacks { get; private init; } = [];
    public List<(PropertyMapping Property, PropertySpec Spec)>[] RelationshipProperties { get; private init; } = [];
    public int[] FromNode { get; private init; } = [];
    public int[] ToNode { get; private init; } = [];

    public ValuesMap? ValuesFor(string column) => Table.Values.GetValueOrDefault(column);

    public string Cell(string[] cells, string column) => _header.TryGetValue(column, out var index) && index < cells.Length ? cells[index] : "";

    private static readonly PropertySpec NameSpec = new("name", PropertyKind.Text);

    public static CompiledTable? Bind(TableMapping table, IReadOnlyList<string> columns, List<DatasetError> errors)
    {
        var before = errors.Count;
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Length > 0 && !header.TryAdd(columns[i], i))
                errors.Add(table.Place.Error($"table '{table.File}' has the column '{columns[i]}' twice; a placeholder could not tell them apart"));
        var known = string.Join(", ", columns);

        void Bind(Template? template)
        {
            if (template is null) return;
            foreach (var missing in template.Bind(header))
                errors.Add(template.Place.Error($"unknown column '{missing}' in '{template}'; the columns of {table.File} are: {known}"));
        }

        foreach (var (column, map) in table.Values)
            if (!header.ContainsKey(column))
                errors.Add(map.Place.Error($"values are given for column '{column}', which {table.File} does not have; its columns are: {known}"));

        Bind(table.Key);
        var nodeProperties = new List<(PropertyMapping, PropertySpec)>[table.Nodes.Count];
        var nodeFallbacks = new List<(PropertyMapping, PropertySpec)>[table.Nodes.Count];
        for (var n = 0; n < table.Nodes.Count; n++)
        {
            var node = table.Nodes[n];
            var spec = GraphSchema.FindLabel(node.Label)!;
            Bind(node.Id);
            Bind(node.Name);
            nodeProperties[n] = Properties(node.Properties, spec.Properties, table, errors, Bind);
            nodeFallbacks[n] = Properties(node.Fallback, spec.Properties, table, errors, Bind);
        }
        var relationshipProperties = new List<(PropertyMapping, PropertySpec)>[table.Relationships.Count];
        var fromNode = new int[table.Relationships.Count];
        var toNode = new int[table.Relationships.Count];
        for (var r = 0; r < table.Relationships.Count; r++)
        {
            var rel = table.Relationships[r];
            Bind(rel.FromId);
            Bind(rel.ToId);
            fromNode[r] = rel.FromAs is null ? -1 : IndexOf(table, rel.FromAs);
            toNode[r] = rel.ToAs is null ? -1 : IndexOf(table, rel.ToAs);
            relationshipProperties[r] = Properties(rel.Properties, GraphSchema.FindType(rel.Type)!.Properties, table, errors, Bind);
        }
        return errors.Count != before ? null : new CompiledTable(table, header)
        {
            NodeProperties = nodeProperties, NodeFallbacks = nodeFallbacks, RelationshipProperties = relationshipProperties,
            FromNode = fromNode, ToNode = toNode,
        };
    }

    private static int IndexOf(TableMapping table, string @as)
    {
        for (var i = 0; i < table.Nodes.Count; i++) if (table.Nodes[i].As == @as) return i;
        return -1;
    }

    private static List<(PropertyMapping, PropertySpec)> Properties(IReadOnlyList<PropertyMapping> properties, IReadOnlyList<PropertySpec> specs,
        TableMapping table, List<DatasetError> errors, Action<Template?> bind)
    {
        var result = new List<(PropertyMapping, PropertySpec)>(properties.Count);
        foreach (var property in properties)
        {
            var spec = property.Name == "name" ? NameSpec : specs.First(s => s.Name == property.Name);
            var templates = property.List ?? (property.Template is { } one ? [one] : []);
            foreach (var template in templates)
            {
                bind(template);
                CheckVocabulary(template, spec, table, errors);
            }
            result.Add((property, spec));
        }
        return result;
    }

    // What can be known from the mapping alone: a literal outside the vocabulary, a values map giving a word outside it,
    // and a legal status read from a column without a values map (never upgraded: only a map or a literal says one).
    private static void CheckVocabulary(Template template, PropertySpec spec, TableMapping table, List<DatasetError> errors)
    {
        if (spec.Vocabulary is not { } vocabulary) return;
        if (template.IsLiteral)
        {
            if (!vocabulary.Contains(template.Text))
                errors.Add(template.Place.Error($"unknown {vocabulary.Name} '{template.Text}'; allowed: {vocabulary.Describe()}"));
            return;
        }
        var map = template.SingleColumn is { } column ? table.Values.GetValueOrDefault(column) : null;
        if (map is not null)
        {
            foreach (var value in map.Map.Values.Append(map.Otherwise).OfType<string>().Distinct())
                if (!vocabulary.Contains(value))
                    errors.Add(map.Place.Error($"values.{map.Column} maps to '{value}', which is not a {vocabulary.Name}; allowed: {vocabulary.Describe()}"));
            return;
        }
        if (vocabulary == Vocabularies.LegalStatus)
            errors.Add(template.Place.Error(template.SingleColumn is { } c
                ? $"a legal status read from column '{c}' needs a values map (values: {{ {c}: {{ raw: {string.Join(" | ", vocabulary.Values.Take(4))} … }} }}); a legal status is never inferred from raw text"
                : $"a legal status must be a literal or a single {{column}} with a values map, not '{template}'"));
    }
}
