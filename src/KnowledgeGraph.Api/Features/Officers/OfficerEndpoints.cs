using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Officers;

public static class OfficerEndpoints
{
    private static readonly string[] Scopes = ["unit", "force"];

    public static IEndpointRouteBuilder MapOfficerEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/officers").WithTags("Officers").ProducesProblem(StatusCodes.Status404NotFound).AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("/{id}/served-together", GetServedTogether)
            .WithName("GetOfficerServedTogether")
            .WithSummary("Officers who served with this officer")
            .WithDescription("One entry per other officer: those a source says worked with this one (basis 'explicit'), or who served in the same unit (basis 'unit') or, with scope=force, the same force counting its units (basis 'force') in overlapping periods. Each entry lists what they shared (organisation, basis, overlap from/to, certainty, sources from both sides); its certainty and basis are the strongest of those. Unknown or open dates give certainty 'possible', never a silent yes. Ranked strongest first: explicit, then certain before possible, then the longer overlap (days both spells surely cover), then the smaller place, then name and id. Paged: 'total' counts officers, 'next' is the cursor of the next page (null on the last), 'truncated' says whether there is one.");
        return routes;
    }

    public sealed record ServedTogetherParameters : IValidatedParameters
    {
        [FromQuery(Name = "scope"), Description("'unit' (default): same unit; 'force': same force, counting its units.")]
        public string? Scope { get; init; }

        [FromQuery(Name = "limit"), Description("Most entries on this page, 1-500 (default 100).")]
        public int? Limit { get; init; }

        [FromQuery(Name = "cursor"), Description("The 'next' value of the previous page; leave out for the first page.")]
        public string? Cursor { get; init; }

        public ServiceScope ParsedScope => string.Equals(Scope, "force", StringComparison.OrdinalIgnoreCase) ? ServiceScope.Force : ServiceScope.Unit;

        public void Validate(ParameterErrors errors)
        {
            errors.OneOf("scope", Scope, Scopes);
            errors.Limit(Limit);
            errors.Cursor(Cursor);
        }
    }

    public const int DefaultLimit = 100;

    public static async Task<Results<Ok<ServedTogetherResult>, ProblemHttpResult, ValidationProblem>> GetServedTogether(
        [Description("Officer id, e.g. officer:david-carrick.")] string id,
        [AsParameters] ServedTogetherParameters parameters, IGraphStore store, CancellationToken cancellationToken)
    {
        var query = new ServedTogetherQuery(id, parameters.ParsedScope, new PageRequest(parameters.Limit ?? DefaultLimit, parameters.Cursor));
        return await store.FindServedTogetherAsync(query, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : Problems.NotFound("officer", id);
    }
}
