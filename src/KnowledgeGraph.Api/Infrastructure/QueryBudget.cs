using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>What the error handler needs to tell a spent budget from a client that went away.</summary>
public sealed record QueryBudgetFeature(TimeSpan Budget, CancellationToken ClientAborted);

/// <summary>Endpoint metadata: the route streams a whole-graph export and runs under <see cref="ApiOptions.ExportTimeout"/>
/// instead of the per-request query budget.</summary>
public sealed class ExportBudget;

/// <summary>
/// Gives each request a time budget: <see cref="HttpContext.RequestAborted"/> (which handlers receive as their
/// CancellationToken) is replaced by one linked to the client's and cancelled when <see cref="ApiOptions.QueryTimeout"/> passes.
/// </summary>
public sealed class QueryBudgetMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clientAborted = context.RequestAborted;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(clientAborted);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<ExportBudget>() is null ? options.Value.QueryTimeout : options.Value.ExportTimeout;
        budget.CancelAfter(limit);
        context.Features.Set(new QueryBudgetFeature(limit, clientAborted));
        context.RequestAborted = budget.Token;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestAborted = clientAborted;
        }
    }
}
