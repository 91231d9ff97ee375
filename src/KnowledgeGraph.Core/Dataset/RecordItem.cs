using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// A cell of a records table: the file, the row (the header is row 1) and the column. An entry a mapping file gives
/// itself (its source) has a <paramref name="Line"/> instead, and the mapping key in <paramref name="Column"/>.
/// </summary>
public sealed record RecordCell(string File, int Row, string? Column, int? Line = null)
{
    public DatasetError Error(string message) =>
        Line is not null ? new DatasetError(File, Line, Column ?? "", message) : new DatasetError(File, null, "", message, Row, Column);
}

/// <summary>
/// A node or relationship built from rows of a records table, in the same JSON shape as a dataset file's entry, so
/// the validator checks it exactly as it checks JSON. <paramref name="Cells"/> says which cell gave each property
/// (by property name), so an error names the file, row and column; errors about the item as a whole name
/// <paramref name="Place"/>.
/// </summary>
public sealed record RecordItem(JObject Json, bool IsRelationship, RecordCell Place, IReadOnlyDictionary<string, RecordCell> Cells);
