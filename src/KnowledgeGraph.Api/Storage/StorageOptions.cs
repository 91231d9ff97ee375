using System.ComponentModel.DataAnnotations;

namespace KnowledgeGraph.Api.Storage;

public enum StorageProvider { Sqlite, Neo4j }

/// <summary>Section "Storage": which store the API runs on and, for the embedded one, where its file and seeds are.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [EnumDataType(typeof(StorageProvider))]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The embedded database file; a relative path is taken from the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = "data/knowledge-graph.db";

    /// <summary>The dataset imported on start; unset means the repository's <c>seeds/</c>, found walking up from the content root.</summary>
    public string? SeedDirectory { get; set; }
}
