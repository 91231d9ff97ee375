using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Storage;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Cases;

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases").WithTags("Cases").ProducesProblem(StatusCodes.Status404NotFound).AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("/{id}/timeline", GetTimeline)
            .WithName("GetCaseTimeline")
            .WithSummary("What happened in a case, in date order")
            .WithDescription("Every dated step of the case (incident, complaint, investigation, charge, verdict, finding, sanction, appeal…) in date order, each with its outcome, legal status, who acted and its sources. Where sources disagree or a decision was later changed, every step is kept.");
        group.MapGet("/{id}/connections", GetConnections)
            .WithName("GetCaseConnections")
            .WithSummary("Other cases and how each connects to this one")
            .WithDescription("Cases linked by a recorded relation, a shared officer, a shared unit, a shared force in an overlapping period, an institution acting in both, a shared source or a shared category; each link with its path (e.g. [case A, officer X, case B]). Strong links (related, officer, unit) come first, weak ones (category) last. Paged: 'total' counts every connected case and 'next' is the cursor of the following page (null on the last). An entity shared by very many cases (a hub, e.g. a source covering 50,000 cases) is named under 'hubs' with its count, and links each of its cases by one link through it.");
        return routes;
    }

    public static async Task<Results<Ok<CaseTimeline>, ProblemHttpResult>> GetTimeline(
        [Description("Case id, e.g. case:james-mason-misconduct.")] string id,
        IGraphStore store, CancellationToken cancellationToken) =>
        await store.GetCaseTimelineAsync(id, cancellationToken) is { } timeline
            ? TypedResults.Ok(timeline with { Events = TimelineOrder.Sort(timeline.Events) })
            : Problems.NotFound("case", id);

    public sealed record ConnectionParameters : IValidatedParameters
    {
        [FromQuery(Name = "limit"), Description("Connected cases per page, 1-500 (default 50); 'truncated' and 'next' say when there are more.")]
        public int? Limit { get; init; }

        [FromQuery(Name = "cursor"), Description("The 'next' value of the previous page; leave out for the first page.")]
        public string? Cursor { get; init; }

        public void Validate(ParameterErrors errors)
        {
            errors.Limit(Limit);
            errors.Cursor(Cursor);
        }
    }

    public static async Task<Results<Ok<CaseConnectionsResult>, ProblemHttpResult, ValidationProblem>> GetConnections(
        [Description("Case id, e.g. case:wayne-couzens.")] string id,
        [AsParameters] ConnectionParameters parameters, IGraphStore store, FactNoteAnnotator notes, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.GetCaseConnectionFactsAsync(id, cancellationToken) is not { } facts) return Problems.NotFound("case", id);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var page = new PageRequest(parameters.Limit ?? QueryLimits.DefaultResults, parameters.Cursor);
        // The store gives the facts and the rule makes the entries, so their notes are attached here, to the page.
        return TypedResults.Ok(await notes.AttachAsync(CaseConnectionRule.For(facts, page, today), cancellationToken));
    }
}
