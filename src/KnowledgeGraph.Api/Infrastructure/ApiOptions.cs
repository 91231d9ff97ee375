namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>Section "Api".</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>How long one request may keep the store busy before it is answered with 503.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an export (streamed, outside <see cref="QueryTimeout"/>) may run before its connection is aborted.</summary>
    public TimeSpan ExportTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
