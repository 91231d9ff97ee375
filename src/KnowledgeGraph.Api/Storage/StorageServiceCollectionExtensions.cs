using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The key of the raw adapter; everything else resolves <see cref="IGraphStore"/>, the guarded one.</summary>
    public const string AdapterKey = "adapter";

    /// <summary>Chooses the store once, here, from <c>Storage:Provider</c>, and wraps it in the API's guard.</summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SeedLocations>();
        services.AddKeyedSingleton<IGraphStore>(AdapterKey, (sp, _) => CreateAdapter(sp));
        services.AddSingleton<IGraphStore>(sp => new GuardedGraphStore(sp.GetRequiredKeyedService<IGraphStore>(AdapterKey)));
        services.AddHostedService<SeedImportService>();
        return services;
    }

    private static IGraphStore CreateAdapter(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.Sqlite => CreateSqlite(services),

            // ── Neo4j ──────────────────────────────────────────────────────────────────────────────
            // The one place Provider=Neo4j constructs Neo4jGraphStore (options bound from section "Neo4j").
            // The adapter is being written on another branch and is not in this build yet.
            StorageProvider.Neo4j => throw new NotSupportedException(
                "Storage:Provider 'Neo4j' is not available in this build: the Neo4j adapter (Neo4jGraphStore) has not been merged yet. Use Storage:Provider 'Sqlite'."),

            _ => throw new NotSupportedException($"Storage:Provider '{options.Provider}' is not known; use Sqlite or Neo4j."),
        };
    }

    private static SqliteGraphStore CreateSqlite(IServiceProvider services) =>
        new(services.GetRequiredService<SeedLocations>().DatabasePath, services.GetRequiredService<TimeProvider>());
}
