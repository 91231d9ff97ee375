namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// A problem in the dataset, with the place it is at: file, line and JSON path (or, in a mapping file, the key);
/// for a records table, the file, row and column instead (<see cref="Row"/> counts as a spreadsheet does: the
/// header is row 1).
/// </summary>
public sealed record DatasetError(string File, int? Line, string JsonPath, string Message, int? Row = null, string? Column = null)
{
    public override string ToString()
    {
        if (Row is not null)
            return Column is null ? $"{File}, row {Row}: {Message}" : $"{File}, row {Row}, column {Column}: {Message}";
        var place = Line is null ? File : $"{File}:{Line}";
        return string.IsNullOrEmpty(JsonPath) ? $"{place}: {Message}" : $"{place} {JsonPath}: {Message}";
    }
}

public sealed record DatasetLoadResult(Model.Dataset? Dataset, IReadOnlyList<DatasetError> Errors, IReadOnlyList<string> Files)
{
    public bool IsValid => Dataset is not null && Errors.Count == 0;
}

/// <summary>Raised when a caller needs a valid dataset and got errors; carries all of them.</summary>
public sealed class InvalidDatasetException(IReadOnlyList<DatasetError> errors)
    : Exception($"The dataset has {errors.Count} error(s); first: {errors.FirstOrDefault()}")
{
    public IReadOnlyList<DatasetError> Errors { get; } = errors;
}
