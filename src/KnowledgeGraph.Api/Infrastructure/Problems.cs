using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>Problem results handlers return, so every 404 reads the same and names what was asked for.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found",
            detail: $"There is no {what} with the id '{id}'.");
}
