using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Sources;

public static class SourceEndpoints
{
    public static IEndpointRouteBuilder MapSourceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sources").WithTags("Sources").ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("/{id}", GetSource)
            .WithName("GetSource")
            .WithSummary("A source document and everything it evidences")
            .WithDescription("The document (title, kind, publisher, date, link) and every node and relationship in the graph that cites it, so each fact can be checked against what the document says. Paged: the citing nodes (by id), then the citing relationships (by id); 'nodeTotal', 'relationshipTotal' and 'total' count them all and 'next' is the cursor of the following page. A citation with a locator (source:x#row 5) counts for its source.");
        return routes;
    }

    public sealed record EvidenceParameters : IValidatedParameters
    {
        [FromQuery(Name = "limit"), Description("Citing nodes and relationships per page, 1-500 (default 50).")]
        public int? Limit { get; init; }

        [FromQuery(Name = "cursor"), Description("The 'next' value of the previous page; leave out for the first page.")]
        public string? Cursor { get; init; }

        public void Validate(ParameterErrors errors)
        {
            errors.Limit(Limit);
            errors.Cursor(Cursor);
        }
    }

    public static async Task<Results<Ok<SourceEvidence>, ProblemHttpResult, ValidationProblem>> GetSource(
        [Description("Source id, e.g. source:bbc-carrick-2023.")] string id,
        [AsParameters] EvidenceParameters parameters, IGraphStore store, CancellationToken cancellationToken) =>
        await store.GetSourceEvidenceAsync(id, new PageRequest(parameters.Limit ?? QueryLimits.DefaultResults, parameters.Cursor), cancellationToken) is { } evidence
            ? TypedResults.Ok(evidence)
            : Problems.NotFound("source", id);
}
