namespace KnowledgeGraph.Api.Validation;

public static class ParameterText
{
    /// <summary>Reads a comma-separated list, ignoring blanks and surrounding spaces.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
