using KnowledgeGraph.Api.Storage;
using System.ComponentModel;
using KnowledgeGraph.Api.Infrastructure;
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
            .WithDescription("GraphML (opens in Gephi and yEd; every attribute declared as a key) or Cytoscape.js JSON elements, as a download. Victim roles appear only by their protected description. Streamed as the store reads it, under its own time limit (Api:ExportTimeout) instead of the per-request budget; if it fails midway the connection is aborted rather than ending a 200 with half a file.")
            .WithMetadata(new ExportBudget())
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

    public static Results<StreamedExport, ValidationProblem> Export([AsParameters] ExportParameters parameters,
        IGraphStore store, FactNoteAnnotator notes, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
        new StreamedExport(string.Equals(parameters.Format, "cytoscape", StringComparison.OrdinalIgnoreCase), store, notes, json.Value.SerializerOptions);
}
