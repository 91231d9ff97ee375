using System.Text.Json;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Api.Mapping;

/// <summary>Writes <see cref="CytoscapeGraph"/>'s JSON shape element by element as the store yields them, flushing as it
/// goes, so exporting the national graph needs no more memory than one batch.</summary>
public static class CytoscapeJsonWriter
{
    private const int FlushAtBytes = 64 * 1024;

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<GraphNode> nodes, IAsyncEnumerable<GraphRelationship> relationships,
        JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray(Name(options, nameof(CytoscapeGraph.Nodes)));
        await foreach (var node in nodes.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, CytoscapeElements.ToElement(node), options);
            if (json.BytesPending > FlushAtBytes) await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteStartArray(Name(options, nameof(CytoscapeGraph.Edges)));
        await foreach (var rel in relationships.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, CytoscapeElements.ToElement(rel), options);
            if (json.BytesPending > FlushAtBytes) await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteBoolean(Name(options, nameof(CytoscapeGraph.Truncated)), false);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static string Name(JsonSerializerOptions options, string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
