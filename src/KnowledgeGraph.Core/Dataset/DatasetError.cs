namespace KnowledgeGraph.Core.Dataset;

/// <summary>A problem in the dataset, with the place it is at: file, line and JSON path.</summary>
public sealed record DatasetError(string File, int? Line, string JsonPath, string Message)
{
    public override string ToString()
    {
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
