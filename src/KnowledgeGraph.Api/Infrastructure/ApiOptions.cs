namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>Section "Api".</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>How long one request may keep the store busy before it is answered with 503.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
