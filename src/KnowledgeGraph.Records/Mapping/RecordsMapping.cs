using KnowledgeGraph.Core.Dataset;

namespace KnowledgeGraph.Records.Mapping;

/// <summary>Where a mapping value was written: the mapping file, its line and the key path (<c>tables[0].nodes[1].label</c>).</summary>
public sealed record MappingPlace(string File, int Line, string Key)
{
    public DatasetError Error(string message) => new(File, Line, Key, message);
}

/// <summary>One <c>*.records.yaml</c> file: the Source every row cites and what each table's rows become.</summary>
public sealed record RecordsMapping(string File, string Directory, MappingSource Source, IReadOnlyList<TableMapping> Tables);

public sealed record MappingSource(string Id, IReadOnlyDictionary<string, string> Properties, string? Publisher, MappingPlace Place,
    IReadOnlyDictionary<string, MappingPlace> Places);

public enum ConflictPolicy { Error, First }

public sealed record TableMapping(
    string File,                    // as written, relative to the mapping file
    string Path,                    // full path
    char? Delimiter,
    string? Sheet,
    Template? Key,
    IReadOnlyList<string> DateFormats,
    IReadOnlyDictionary<string, ValuesMap> Values,
    ConflictPolicy Conflicts,
    IReadOnlyList<NodeMapping> Nodes,
    IReadOnlyList<RelationshipMapping> Relationships,
    MappingPlace Place);

/// <summary>Raw cell value → vocabulary value for one column; <c>*</c> catches the rest.</summary>
public sealed record ValuesMap(string Column, IReadOnlyDictionary<string, string> Map, string? Otherwise, MappingPlace Place)
{
    public bool TryMap(string raw, out string value)
    {
        if (Map.TryGetValue(raw, out value!)) return true;
        if (raw.Trim() is var trimmed && trimmed.Length != raw.Length && Map.TryGetValue(trimmed, out value!)) return true;
        value = Otherwise!;
        return Otherwise is not null;
    }
}

/// <summary>A property value as written: a template, a literal boolean, or a list of templates.</summary>
public sealed record PropertyMapping(string Name, Template? Template, bool? Boolean, IReadOnlyList<Template>? List, MappingPlace Place)
{
    /// <summary>The column an error about this property names.</summary>
    public string? Column { get; } = Template?.FirstColumn ?? List?.Select(t => t.FirstColumn).FirstOrDefault(c => c is not null);
}

public sealed record NodeMapping(string As, string Label, Template Id, Template? Name, IReadOnlyList<PropertyMapping> Properties,
    IReadOnlyList<PropertyMapping> Fallback, bool Optional, MappingPlace Place);

/// <summary>An end is the <c>as</c> name of a node of the same table, or an id (literal or template) of any node.</summary>
public sealed record RelationshipMapping(string Type, string? FromAs, Template? FromId, string? ToAs, Template? ToId,
    IReadOnlyList<PropertyMapping> Properties, MappingPlace Place);
