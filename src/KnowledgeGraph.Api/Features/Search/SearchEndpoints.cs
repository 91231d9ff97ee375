using System.ComponentModel;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/search").WithTags("Search").AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("", Search)
            .WithName("Search")
            .WithSummary("Find nodes by name or alias")
            .WithDescription("Case-insensitive prefix match on any word of a node's name or aliases. Victim roles are only ever shown by their protected description.");
        return routes;
    }

    public sealed record SearchParameters : IValidatedParameters
    {
        [FromQuery(Name = "q"), Description("Text to look for; each word matches the start of a word in a name or alias. Required.")]
        public string? Q { get; init; }

        [FromQuery(Name = "label"), Description("Only nodes with this label, e.g. Officer, Case, Force (see /api/vocabularies).")]
        public string? Label { get; init; }

        [FromQuery(Name = "limit"), Description("Most hits to return, 1-500 (default 50); 'truncated' says when there were more.")]
        public int? Limit { get; init; }

        public void Validate(ParameterErrors errors)
        {
            errors.Required("q", Q);
            errors.Label("label", Label);
            errors.Limit(Limit);
        }
    }

    public static async Task<Results<Ok<SearchResult>, ValidationProblem>> Search([AsParameters] SearchParameters parameters,
        IGraphStore store, CancellationToken cancellationToken)
    {
        var query = new SearchQuery(parameters.Q!.Trim(), parameters.Label, parameters.Limit ?? QueryLimits.DefaultResults);
        return TypedResults.Ok(await store.SearchAsync(query, cancellationToken));
    }
}
