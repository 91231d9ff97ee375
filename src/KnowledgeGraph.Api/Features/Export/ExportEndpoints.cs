using System.ComponentModel;
using System.Text.Json;
using KnowledgeGraph.Api.Mapping;
using KnowledgeGraph.Api.Validation;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Features.Export;

public static class ExportEndpoints
{
    private static readonly string[] Formats = ["graphml", "cytoscape"];

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/export").WithTags("Export").AddEndpointFilter<ParameterValidationFilter>();
        group.MapGet("", Export)
            .WithName("ExportGraph")
            .WithSummary("The whole graph as a file")
            .WithDescription("GraphML (opens in Gephi and yEd; every attribute declared as a key) or Cytoscape.js JSON elements, as a download. Victim roles appear only by their protected description.")
            .Produces(StatusCodes.Status200OK, contentType: "application/graphml+xml")
            .Produces<CytoscapeGraph>(StatusCodes.Status200OK, "application/json");
        return routes;
    }

    public sealed record ExportParameters : IValidatedParameters
    {
        [FromQuery(Name = "format"), Description("'graphml' (default) or 'cytoscape'.")]
        public string? Format { get; init; }

        public void Validate(ParameterErrors errors) => errors.OneOf("format", Format, Formats);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export([AsParameters] ExportParameters parameters,
        IGraphStore store, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var dataset = await store.ExportAsync(cancellationToken);
        if (string.Equals(parameters.Format, "cytoscape", StringComparison.OrdinalIgnoreCase))
        {
            var graph = CytoscapeElements.ToCytoscape(dataset.Nodes, dataset.Relationships, truncated: false, FactNoteData.ById(dataset.Notes));
            var bytes = JsonSerializer.SerializeToUtf8Bytes(graph, json.Value.SerializerOptions);
            return TypedResults.File(bytes, "application/json", "knowledge-graph.cytoscape.json");
        }
        return TypedResults.File(GraphMlWriter.Write(dataset), "application/graphml+xml", "knowledge-graph.graphml");
    }
}
