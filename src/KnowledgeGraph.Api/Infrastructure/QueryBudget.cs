using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>What the error handler needs to tell a spent budget from a client that went away.</summary>
public sealed record QueryBudgetFeature(TimeSpan Budget, CancellationToken ClientAborted);

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
        budget.CancelAfter(options.Value.QueryTimeout);
        context.Features.Set(new QueryBudgetFeature(options.Value.QueryTimeout, clientAborted));
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
