using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Storage;

/// <summary>Resolves the configured paths once, so the store and the seed import agree on them.</summary>
public sealed class SeedLocations(IOptions<StorageOptions> options, IHostEnvironment environment)
{
    public string DatabasePath { get; } = Path.GetFullPath(options.Value.SqlitePath, environment.ContentRootPath);

    public string? SeedDirectory { get; } = options.Value.SeedDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured, environment.ContentRootPath)
        : FindSeedsAbove(environment.ContentRootPath);

    // The app runs from src/KnowledgeGraph.Api (dotnet run) or bin/…; the repository's seeds/ is somewhere above.
    private static string? FindSeedsAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
