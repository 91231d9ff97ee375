using System.ComponentModel;
using KnowledgeGraph.Api.Storage;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Notes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Corrections;

/// <summary>One page of the public corrections log: replies, corrections and withholdings (reason and dates only), newest first.</summary>
public sealed record CorrectionLog(IReadOnlyList<NoteEntry> Entries, int Total, string? Next, bool Truncated);

public static class CorrectionEndpoints
{
    public const string AtomContentType = "application/atom+xml";

    public static IEndpointRouteBuilder MapCorrectionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Corrections").AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("/corrections", GetLog)
            .WithName("GetCorrectionsLog")
            .WithSummary("The public corrections log, newest first")
            .WithDescription("Every reply by a party to a fact (officer, force, organisation or person acting for them), every correction (field, was, now, reason, sources) with the fact it concerns, and every withholding with its reason and dates only (never the withheld fact or its id). Paged: 'total', 'next' and 'truncated' say when there is more. Send Accept: application/atom+xml, or use /api/corrections.atom, for the same log as an Atom feed.")
            .Produces(StatusCodes.Status200OK, contentType: AtomContentType);
        group.MapGet("/corrections.atom", GetFeed)
            .WithName("GetCorrectionsFeed")
            .WithSummary("The public corrections log as an Atom feed")
            .WithDescription("The corrections log (same parameters and order) as Atom 1.0, so newsrooms and watchers can subscribe. Entry ids are stable URNs; a withholding entry names no fact.")
            .Produces(StatusCodes.Status200OK, contentType: AtomContentType);
        return routes;
    }

    public sealed record LogParameters : IValidatedParameters
    {
        [FromQuery(Name = "since"), Description("Only entries dated on or after this partial date (YYYY, YYYY-MM or YYYY-MM-DD).")]
        public string? Since { get; init; }

        [FromQuery(Name = "limit"), Description("Entries per page, 1-500 (default 50).")]
        public int? Limit { get; init; }

        [FromQuery(Name = "cursor"), Description("The 'next' value of the previous page; leave out for the first page.")]
        public string? Cursor { get; init; }

        public void Validate(ParameterErrors errors)
        {
            errors.Date("since", Since);
            errors.Limit(Limit);
            errors.Cursor(Cursor);
        }

        public PageRequest Page => new(Limit ?? QueryLimits.DefaultResults, Cursor);
    }

    public static async Task<Results<Ok<CorrectionLog>, ContentHttpResult, ValidationProblem>> GetLog([AsParameters] LogParameters parameters,
        FactNoteAnnotator notes, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var page = await notes.LogAsync(parameters.Since, parameters.Page, cancellationToken);
        if (WantsAtom(context.Request))
            return TypedResults.Content(AtomFeed.Write(page, context.Request, parameters.Since, time), AtomContentType);
        return TypedResults.Ok(new CorrectionLog(page.Items, page.Total, page.Next, page.Truncated));
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem>> GetFeed([AsParameters] LogParameters parameters,
        FactNoteAnnotator notes, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var page = await notes.LogAsync(parameters.Since, parameters.Page, cancellationToken);
        return TypedResults.Content(AtomFeed.Write(page, context.Request, parameters.Since, time), AtomContentType);
    }

    private static bool WantsAtom(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(AtomContentType, StringComparison.OrdinalIgnoreCase));
}
