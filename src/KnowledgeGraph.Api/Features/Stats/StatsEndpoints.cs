using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Stats;

public static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/stats").WithTags("Statistics").ProducesProblem(StatusCodes.Status404NotFound).AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("/outcomes", GetOutcomes)
            .WithName("GetOutcomeStatistics")
            .WithSummary("What findings led to: counts of outcomes, with the cases behind each")
            .WithDescription("Per case: the most serious finding that stands (criminal conviction, proven gross misconduct, proven misconduct) and each sanction that followed (dismissed, would have been dismissed, final written warning, kept job…), counted with the case ids. Also the ratio of proven gross-misconduct cases that ended in dismissal (or would have), with numerator, denominator and their case ids. Counts cover the dataset only, not all police misconduct. Counts are always whole; each list of case ids holds at most 'caseIds' ids (default 1000) in id order and says 'caseIdsTruncated' when there are more.");
        return routes;
    }

    private const int MaxCaseIds = 100_000;

    public sealed record OutcomeParameters : IValidatedParameters
    {
        [FromQuery(Name = "force"), Description("Only cases with a subject who served in this force (id, e.g. force:metropolitan-police-service).")]
        public string? Force { get; init; }

        [FromQuery(Name = "category"), Description("Only cases in this category, e.g. abuse_of_position_sexual (see /api/vocabularies).")]
        public string? Category { get; init; }

        [FromQuery(Name = "caseIds"), Description("Most case ids listed per count, 0-100000 (default 1000); counts are whole whatever this is.")]
        public int? CaseIds { get; init; }

        public void Validate(ParameterErrors errors)
        {
            errors.Range("caseIds", CaseIds, 0, MaxCaseIds);
            errors.IdWithPrefix("force", Force, Labels.Force);
            errors.Vocabulary("category", Category, Core.Model.Vocabularies.CaseCategory);
        }
    }

    public static async Task<Results<Ok<OutcomeStatisticsResult>, ProblemHttpResult, ValidationProblem>> GetOutcomes(
        [AsParameters] OutcomeParameters parameters, IGraphStore store, CancellationToken cancellationToken)
    {
        if (parameters.Force is { } force && await store.GetNodeAsync(force, 1, cancellationToken) is not { Node.Label: Labels.Force })
            return Problems.NotFound("force", force);
        var outcomes = await store.GetCaseOutcomesAsync(parameters.Force, parameters.Category, cancellationToken);
        return TypedResults.Ok(OutcomeStatistics.Compute(outcomes, parameters.Force, parameters.Category,
            parameters.CaseIds ?? OutcomeStatistics.DefaultCaseIds));
    }
}
