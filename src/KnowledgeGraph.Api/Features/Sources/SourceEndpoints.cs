using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Sources;

public static class SourceEndpoints
{
    public static IEndpointRouteBuilder MapSourceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sources").WithTags("Sources").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}", GetSource)
            .WithName("GetSource")
            .WithSummary("A source document and everything it evidences")
            .WithDescription("The document (title, kind, publisher, date, link) and every node and relationship in the graph that cites it, so each fact can be checked against what the document says.");
        return routes;
    }

    public static async Task<Results<Ok<SourceEvidence>, ProblemHttpResult>> GetSource(
        [Description("Source id, e.g. source:bbc-carrick-2023.")] string id,
        IGraphStore store, CancellationToken cancellationToken) =>
        await store.GetSourceEvidenceAsync(id, cancellationToken) is { } evidence
            ? TypedResults.Ok(evidence)
            : Problems.NotFound("source", id);
}
