using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>Problem results handlers return, so every 404 reads the same and names what was asked for.</summary>
public static class Problems
{
    public static NotFound<ProblemDetails> NotFound(string what, string id) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = $"{what} not found",
            Detail = $"There is no {what} with the id '{id}'.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        });
}
