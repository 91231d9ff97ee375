using KnowledgeGraph.Api.Storage;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Features.Health;

/// <summary><paramref name="IndexesReady"/>: whether the embedded store's in-memory indexes are built (false while they are
/// built in the background after start-up; null for a store without them).</summary>
public sealed record HealthReport(string Status, StorageProvider Store, GraphCounts Counts, bool? IndexesReady);

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");
        group.MapGet("", GetHealth)
            .WithName("GetHealth")
            .WithSummary("Whether the store answers, and what it holds")
            .WithDescription("Asks the store for its node and relationship counts; 200 with the counts when it answers, 503 problem when it does not. indexesReady says whether the embedded store has finished building its in-memory indexes after start-up (answers are correct either way; only the first ones are slower).");
        return routes;
    }

    public static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> GetHealth(IGraphStore store, IOptions<StorageOptions> options, IndexWarmth warmth,
        ILogger<HealthReport> logger, CancellationToken cancellationToken)
    {
        try
        {
            var counts = await store.GetCountsAsync(cancellationToken);
            return TypedResults.Ok(new HealthReport("healthy", options.Value.Provider, counts, warmth.Ready));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Health answers for the store, so a store failure is "unavailable", not a server error.
            logger.LogError(ex, "Health check: the store did not answer");
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The graph store is not reachable",
                detail: $"The {options.Value.Provider} store did not answer a count query; see the server log.");
        }
    }
}
