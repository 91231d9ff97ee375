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
            .WithDescription("Pairs of officers whose service in this force (counting its units) or unit can share a day (with from/to: a day inside that window), each pair once. Each pair gives the overlap of its strongest pair of spells, its certainty ('possible' when unknown or open dates could go either way) and the sources from both sides. Found by a sweep over dates, never by comparing every pair. Ordered by when the pair's first meeting can begin: 'officer' is the one whose service there starts first. Paged: 'total' counts pairs of officers (each pair once), 'next' is the cursor of the next page (null on the last), 'truncated' says whether there is one.");
        return routes;
    }

    public sealed record ServedTogetherAtParameters : IValidatedParameters
    {
        [FromQuery(Name = "from"), Description("Only pairs whose spells can share a day on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
        public string? From { get; init; }

        [FromQuery(Name = "to"), Description("Only pairs whose spells can share a day on or before this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
        public string? To { get; init; }

        [FromQuery(Name = "limit"), Description("Most pairs on this page, 1-500 (default 100).")]
        public int? Limit { get; init; }

        [FromQuery(Name = "cursor"), Description("The 'next' value of the previous page; leave out for the first page.")]
        public string? Cursor { get; init; }

        public PartialDate? FromDate => From is null ? null : PartialDate.Parse(From);
        public PartialDate? ToDate => To is null ? null : PartialDate.Parse(To);

        public void Validate(ParameterErrors errors)
        {
            errors.Date("from", From);
            errors.Date("to", To);
            errors.Limit(Limit);
            errors.Cursor(Cursor);
            if (PartialDate.TryParse(From, out var from, out _) && PartialDate.TryParse(To, out var to, out _) && to.Latest < from.Earliest)
                errors.Add("to", $"'to' ({To}) is before 'from' ({From}).");
        }
    }

    public const int DefaultLimit = 100;

    public static async Task<Results<Ok<OrganisationServedTogether>, ProblemHttpResult, ValidationProblem>> GetServedTogetherAt(
        [Description("Force or unit id, e.g. unit:parliamentary-and-diplomatic-protection.")] string id,
        [AsParameters] ServedTogetherAtParameters parameters, IGraphStore store, CancellationToken cancellationToken)
    {
        var query = new OrganisationServedTogetherQuery(id, parameters.FromDate, parameters.ToDate, new PageRequest(parameters.Limit ?? DefaultLimit, parameters.Cursor));
        return await store.FindServedTogetherAtAsync(query, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : Problems.NotFound("force or unit", id);
    }
}
