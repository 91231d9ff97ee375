using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Neo4j;
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
        services.AddSingleton<IndexWarmth>();
        services.AddKeyedSingleton<IGraphStore>(AdapterKey, (sp, _) => CreateAdapter(sp));
        services.AddSingleton(sp => new FactNoteAnnotator(sp.GetRequiredKeyedService<IGraphStore>(AdapterKey) as Core.Notes.IFactNoteStore));
        services.AddSingleton<IGraphStore>(sp => new GuardedGraphStore(sp.GetRequiredKeyedService<IGraphStore>(AdapterKey), sp.GetRequiredService<FactNoteAnnotator>()));
        services.AddHostedService<SeedImportService>();
        return services;
    }

    private static IGraphStore CreateAdapter(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.Sqlite => CreateSqlite(services),

            StorageProvider.Neo4j => CreateNeo4j(services),

            _ => throw new NotSupportedException($"Storage:Provider '{options.Provider}' is not known; use Sqlite or Neo4j."),
        };
    }

    /// <summary>Options from the "Neo4j" section, overridden by NEO4J_* variables; unusable settings stop start-up, named.</summary>
    private static Neo4jGraphStore CreateNeo4j(IServiceProvider services)
    {
        try
        {
            return Neo4jGraphStoreFactory.Create(Neo4jOptions.FromConfiguration(services.GetRequiredService<IConfiguration>()),
                services.GetRequiredService<TimeProvider>());
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Storage:Provider is Neo4j but the Neo4j settings are invalid: {ex.Message}", ex);
        }
    }

    private static SqliteGraphStore CreateSqlite(IServiceProvider services) =>
        new(services.GetRequiredService<SeedLocations>().DatabasePath, services.GetRequiredService<TimeProvider>());
}
