using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Mapping;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeGraph.Api.Features.Nodes;

public static class NodeEndpoints
{
    public static IEndpointRouteBuilder MapNodeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/nodes").WithTags("Nodes").ProducesProblem(StatusCodes.Status404NotFound).AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("/{id}", GetNode)
            .WithName("GetNode")
            .WithSummary("A node with its relationships and sources")
            .WithDescription("The node's properties; each relationship with its type, direction, the node at the other end, its properties, legal status and sources; and every source cited. At most 500 relationships, by type, other node id and relationship id ('relationshipsTotal' counts them all, 'relationshipsTruncated' says when there were more).");
        group.MapGet("/{id}/neighbourhood", GetNeighbourhood)
            .WithName("GetNeighbourhood")
            .WithSummary("Nodes around a node, as Cytoscape.js elements")
            .WithDescription("Nodes within 'depth' hops (nearest first), and the relationships among them, in the shape Cytoscape.js loads as 'elements'. Each edge carries its type, legal status and sources.");
        return routes;
    }

    public static async Task<Results<Ok<NodeDetail>, ProblemHttpResult>> GetNode(
        [Description("Node id as in the dataset, e.g. officer:mark-connor.")] string id,
        IGraphStore store, CancellationToken cancellationToken) =>
        await store.GetNodeAsync(id, QueryLimits.RelationshipsPerNode, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.NotFound("node", id);

    public sealed record NeighbourhoodParameters : IValidatedParameters
    {
        [FromQuery(Name = "depth"), Description("Hops to follow from the node, 1-3 (default 1).")]
        public int? Depth { get; init; }

        [FromQuery(Name = "limit"), Description("Most nodes to return, 1-500 (default 150); 'truncated' says when there were more.")]
        public int? Limit { get; init; }

        [FromQuery(Name = "labels"), Description("Comma-separated labels of nodes to include, e.g. Officer,Unit,Force (default: all).")]
        public string? Labels { get; init; }

        [FromQuery(Name = "types"), Description("Comma-separated relationship types to follow, e.g. SERVED_IN,SUBJECT_OF (default: all).")]
        public string? Types { get; init; }

        public IReadOnlyList<string> LabelList => ParameterText.SplitList(Labels);
        public IReadOnlyList<string> TypeList => ParameterText.SplitList(Types);

        public void Validate(ParameterErrors errors)
        {
            errors.Range("depth", Depth, 1, QueryLimits.MaxDepth);
            errors.Limit(Limit);
            errors.Labels("labels", LabelList);
            errors.Types("types", TypeList);
        }
    }

    public static async Task<Results<Ok<CytoscapeGraph>, ProblemHttpResult, ValidationProblem>> GetNeighbourhood(
        [Description("Node id to start from, e.g. case:sarah-everard.")] string id,
        [AsParameters] NeighbourhoodParameters parameters, IGraphStore store, CancellationToken cancellationToken)
    {
        var query = new NeighbourhoodQuery(id, parameters.Depth ?? 1, parameters.Limit ?? QueryLimits.DefaultNeighbourhoodNodes,
            parameters.LabelList.Count == 0 ? null : parameters.LabelList, parameters.TypeList.Count == 0 ? null : parameters.TypeList);
        var graph = await store.GetNeighbourhoodAsync(query, cancellationToken);
        return graph is null
            ? Problems.NotFound("node", id)
            : TypedResults.Ok(CytoscapeElements.ToCytoscape(graph.Nodes, graph.Relationships, graph.Truncated, graph.Notes));
    }
}
