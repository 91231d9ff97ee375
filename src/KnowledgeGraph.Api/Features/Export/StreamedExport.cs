using System.Text.Json;
using KnowledgeGraph.Api.Mapping;
using KnowledgeGraph.Api.Storage;
using KnowledgeGraph.Core.Graph;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Features.Export;

/// <summary>
/// The export, written to the response as the store reads it. Once bytes have gone out a failure can no longer become a
/// problem response, and ending the 200 would hand the client half a file that looks whole; so the connection is aborted
/// instead, and the client sees a broken download. A failure before the first byte is an ordinary problem response.
/// </summary>
public sealed class StreamedExport(bool cytoscape, IGraphStore store, FactNoteAnnotator annotator, JsonSerializerOptions json) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var response = http.Response;
        response.ContentType = cytoscape ? "application/json" : "application/graphml+xml";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
        {
            FileName = cytoscape ? "knowledge-graph.cytoscape.json" : "knowledge-graph.graphml",
        }.ToString();
        try
        {
            // Replies and corrections are few beside the graph, so they are read once, before the first element.
            var notes = await annotator.AllByFactAsync(cancellationToken);
            var nodes = store.ExportNodesAsync(cancellationToken);
            var relationships = store.ExportRelationshipsAsync(null, cancellationToken);
            if (cytoscape) await CytoscapeJsonWriter.WriteAsync(response.Body, nodes, relationships, notes, json, cancellationToken);
            else await GraphMlWriter.WriteAsync(response.Body, nodes, relationships, notes, cancellationToken);
        }
        catch (Exception e) when (response.HasStarted)
        {
            http.RequestServices.GetRequiredService<ILogger<StreamedExport>>()
                .LogError(e, "The export failed after {Bytes} bytes had been sent; the connection is aborted so no client mistakes it for a whole file",
                    response.Body.CanSeek ? response.Body.Position : (object)"some");
            http.Abort();
        }
    }
}
