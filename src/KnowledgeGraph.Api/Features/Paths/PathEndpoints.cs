using System.ComponentModel;
using System.Text.RegularExpressions;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Paths;

/// <summary>The shortest paths between two nodes, each hop cited and read as a sentence, and the hubs they go through.</summary>
public sealed record PathsAnswer(string From, string To, int MaxHops, IReadOnlyList<GraphPath> Paths, IReadOnlyList<PathNode> Hubs,
    bool Truncated);

public static class PathEndpoints
{
    public static IEndpointRouteBuilder MapPathEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/paths").WithTags("Paths").ProducesProblem(StatusCodes.Status404NotFound).AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("", FindPaths)
            .WithName("FindPaths")
            .WithSummary("How two nodes connect")
            .WithDescription("All shortest paths (up to 10), ignoring direction, with every hop's relationship, sources and a readable sentence. 'hubs' lists nodes on the paths with so many relationships that going through them says little; exclude them (by id or label) to look for closer links.");
        return routes;
    }

    public sealed record PathParameters : IValidatedParameters
    {
        [FromQuery(Name = "from"), Description("Id of the node to start from, e.g. officer:mark-connor. Required.")]
        public string? From { get; init; }

        [FromQuery(Name = "to"), Description("Id of the node to reach, e.g. officer:james-mason. Required.")]
        public string? To { get; init; }

        [FromQuery(Name = "maxHops"), Description("Longest path to look for, 1-6 (default 4).")]
        public int? MaxHops { get; init; }

        [FromQuery(Name = "exclude"), Description("Comma-separated node ids and/or labels the path may not go through, e.g. force:metropolitan-police-service,Source.")]
        public string? Exclude { get; init; }

        public IReadOnlyList<string> ExcludeList => ParameterText.SplitList(Exclude);

        public void Validate(ParameterErrors errors)
        {
            errors.Required("from", From);
            errors.Required("to", To);
            errors.Range("maxHops", MaxHops, 1, QueryLimits.MaxHops);
            foreach (var item in ExcludeList.Where(i => !Labels.IsKnown(i) && !Labels.IsWellFormedId(i)))
                errors.Add("exclude", $"'{item}' is neither a label ({string.Join(", ", Labels.All)}) nor a node id.");
            foreach (var end in new[] { From, To }.Where(e => e is not null && ExcludeList.Contains(e)))
                errors.Add("exclude", $"'{end}' is an end of the path and cannot be excluded.");
        }
    }

    public static async Task<Results<Ok<PathsAnswer>, ProblemHttpResult, ValidationProblem>> FindPaths(
        [AsParameters] PathParameters parameters, IGraphStore store, CancellationToken cancellationToken)
    {
        var (from, to) = (parameters.From!.Trim(), parameters.To!.Trim());
        var maxHops = parameters.MaxHops ?? QueryLimits.DefaultHops;
        var query = new PathQuery(from, to, maxHops,
            parameters.ExcludeList.Where(i => !Labels.IsKnown(i)).ToList(),
            parameters.ExcludeList.Where(Labels.IsKnown).ToList(), QueryLimits.MaxPaths);
        var result = await store.FindShortestPathsAsync(query, cancellationToken);
        if (result is null)
        {
            var missing = await store.GetNodeAsync(from, 1, cancellationToken) is null ? from : to;
            return Problems.NotFound("node", missing);
        }
        return TypedResults.Ok(new PathsAnswer(from, to, maxHops, result.Paths, result.Hubs, result.Paths.Count >= QueryLimits.MaxPaths));
    }
}
