using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Neo4j.QueryApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Neo4jGraphStore"/> as the <see cref="IGraphStore"/>, with options from the "Neo4j" section
    /// overridden by NEO4J_* environment variables, validated on start.
    /// </summary>
    public static IServiceCollection AddNeo4jGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Neo4jOptions>()
            .Bind(configuration.GetSection(Neo4jOptions.SectionName))
            .PostConfigure(o => o.ApplyEnvironment(Environment.GetEnvironmentVariable))
            .Validate(o => o.Problems().Count == 0, "Neo4j options are invalid: set Neo4j:Uri (NEO4J_URI) to the server's http:// address")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<QueryApiClient>()
            .AddTypedClient((http, sp) => new QueryApiClient(http, sp.GetRequiredService<IOptions<Neo4jOptions>>().Value));
        services.AddTransient<IGraphStore>(sp => new Neo4jGraphStore(sp.GetRequiredService<QueryApiClient>(),
            sp.GetRequiredService<IOptions<Neo4jOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>A store for a command-line tool, without a service container.</summary>
    public static Neo4jGraphStore Create(Neo4jOptions options, TimeProvider? time = null) =>
        new(new QueryApiClient(new HttpClient(), options), options, time ?? TimeProvider.System);
}
