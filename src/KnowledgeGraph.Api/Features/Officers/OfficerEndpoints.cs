using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Officers;

/// <summary>Who served with an officer, on what basis, where, when, how certainly, and on whose word.</summary>
public sealed record OfficerServedTogether(NodeRef Officer, ServiceScope Scope, IReadOnlyList<ServedTogetherEntry> Entries, bool Truncated);

public static class OfficerEndpoints
{
    private static readonly string[] Scopes = ["unit", "force"];

    public static IEndpointRouteBuilder MapOfficerEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/officers").WithTags("Officers").ProducesProblem(StatusCodes.Status404NotFound).AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("/{id}/served-together", GetServedTogether)
            .WithName("GetOfficerServedTogether")
            .WithSummary("Officers who served with this officer")
            .WithDescription("Officers a source says worked with this one (basis 'explicit'), or who served in the same unit (basis 'unit') or, with scope=force, the same force (basis 'force') in overlapping periods. Unknown or open dates give certainty 'possible', never a silent yes. Sources from both sides are cited.");
        return routes;
    }

    public sealed record ServedTogetherParameters : IValidatedParameters
    {
        [FromQuery(Name = "scope"), Description("'unit' (default): same unit; 'force': same force, counting its units.")]
        public string? Scope { get; init; }

        [FromQuery(Name = "limit"), Description("Most entries to return, 1-500 (default 500).")]
        public int? Limit { get; init; }

        public ServiceScope ParsedScope => string.Equals(Scope, "force", StringComparison.OrdinalIgnoreCase) ? ServiceScope.Force : ServiceScope.Unit;

        public void Validate(ParameterErrors errors)
        {
            errors.OneOf("scope", Scope, Scopes);
            errors.Limit(Limit);
        }
    }

    public static async Task<Results<Ok<OfficerServedTogether>, ProblemHttpResult, ValidationProblem>> GetServedTogether(
        [Description("Officer id, e.g. officer:david-carrick.")] string id,
        [AsParameters] ServedTogetherParameters parameters, IGraphStore store, CancellationToken cancellationToken)
    {
        var result = await store.FindServedTogetherAsync(id, parameters.ParsedScope, cancellationToken);
        if (result is null) return Problems.NotFound("officer", id);
        var limit = parameters.Limit ?? QueryLimits.MaxResults;
        return TypedResults.Ok(new OfficerServedTogether(result.Officer, result.Scope, result.Entries.Take(limit).ToList(), result.Entries.Count > limit));
    }
}
