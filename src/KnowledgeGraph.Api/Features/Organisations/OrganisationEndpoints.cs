using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Organisations;

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/organisations").WithTags("Organisations").ProducesProblem(StatusCodes.Status404NotFound).AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("/{id}/served-together", GetServedTogetherAt)
            .WithName("GetOrganisationServedTogether")
            .WithSummary("Every pair of officers who served in a force or unit at the same time")
            .WithDescription("Pairs of officers whose service in this force (counting its units) or unit overlapped, optionally only where the overlap falls within from..to. Each pair gives the overlap, its certainty and the sources from both sides.");
        return routes;
    }

    public sealed record ServedTogetherAtParameters : IValidatedParameters
    {
        [FromQuery(Name = "from"), Description("Only overlaps that reach this date or later: YYYY, YYYY-MM or YYYY-MM-DD.")]
        public string? From { get; init; }

        [FromQuery(Name = "to"), Description("Only overlaps that begin by this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
        public string? To { get; init; }

        [FromQuery(Name = "limit"), Description("Most pairs to return, 1-500 (default 50); 'truncated' says when there were more.")]
        public int? Limit { get; init; }

        public PartialDate? FromDate => From is null ? null : PartialDate.Parse(From);
        public PartialDate? ToDate => To is null ? null : PartialDate.Parse(To);

        public void Validate(ParameterErrors errors)
        {
            errors.Date("from", From);
            errors.Date("to", To);
            errors.Limit(Limit);
            if (PartialDate.TryParse(From, out var from, out _) && PartialDate.TryParse(To, out var to, out _) && to.Latest < from.Earliest)
                errors.Add("to", $"'to' ({To}) is before 'from' ({From}).");
        }
    }

    public static async Task<Results<Ok<OrganisationServedTogether>, ProblemHttpResult, ValidationProblem>> GetServedTogetherAt(
        [Description("Force or unit id, e.g. unit:parliamentary-and-diplomatic-protection.")] string id,
        [AsParameters] ServedTogetherAtParameters parameters, IGraphStore store, CancellationToken cancellationToken)
    {
        var query = new OrganisationServedTogetherQuery(id, parameters.FromDate, parameters.ToDate, parameters.Limit ?? QueryLimits.DefaultResults);
        return await store.FindServedTogetherAtAsync(query, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : Problems.NotFound("force or unit", id);
    }
}
