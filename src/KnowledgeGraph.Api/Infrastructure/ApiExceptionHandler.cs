using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>
/// Turns what escapes a handler into a problem: a spent time budget into 503, a request the framework could not bind
/// into 400, anything else into 500. Exception text and stack traces stay in the log, never in the response.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var budget = context.Features.Get<QueryBudgetFeature>();
        ProblemDetails problem;
        if (exception is OperationCanceledException or TimeoutException && budget is { ClientAborted.IsCancellationRequested: true })
        {
            // The client left; nobody is there to read an answer.
            context.Response.StatusCode = 499;
            return true;
        }
        if (exception is OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Request {Path} ran out of its time budget", context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The query took too long",
                Detail = $"The graph store did not answer within the {budget?.Budget.TotalSeconds ?? 0:0.#}-second budget for one request. "
                    + "Narrow the question (smaller depth, fewer hops, a lower limit, or exclude large hubs) and try again.",
            };
        }
        else if (exception is BadHttpRequestException bad)
        {
            problem = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = bad.Message };
        }
        else
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side",
                Detail = "The error has been logged. Quote the trace id when reporting it.",
            };
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
