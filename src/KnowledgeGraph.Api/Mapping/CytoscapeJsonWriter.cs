using KnowledgeGraph.Core.Notes;
using System.Buffers;
using System.Text.Json;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Api.Mapping;

/// <summary>Writes <see cref="CytoscapeGraph"/>'s JSON shape element by element as the store yields them, flushing as it
/// goes, so exporting the national graph needs no more memory than one batch.</summary>
public static class CytoscapeJsonWriter
{
    private const int FlushAtBytes = 64 * 1024;

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<GraphNode> nodes, IAsyncEnumerable<GraphRelationship> relationships,
        IReadOnlyDictionary<string, FactNote> notes, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        // The serializer flushes its writer synchronously, which Kestrel refuses on the response stream; so elements are
        // written to memory and copied out asynchronously in batches.
        var buffer = new ArrayBufferWriter<byte>(FlushAtBytes * 2);
        await using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteStartArray(Name(options, nameof(CytoscapeGraph.Nodes)));
        await foreach (var node in nodes.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, CytoscapeElements.ToElement(node, notes.GetValueOrDefault(node.Id)), options);
            await DrainAsync(json, buffer, output, FlushAtBytes, cancellationToken);
        }
        json.WriteEndArray();
        json.WriteStartArray(Name(options, nameof(CytoscapeGraph.Edges)));
        await foreach (var rel in relationships.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, CytoscapeElements.ToElement(rel, notes.GetValueOrDefault(rel.Id)), options);
            await DrainAsync(json, buffer, output, FlushAtBytes, cancellationToken);
        }
        json.WriteEndArray();
        json.WriteBoolean(Name(options, nameof(CytoscapeGraph.Truncated)), false);
        json.WriteEndObject();
        await DrainAsync(json, buffer, output, 0, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static async Task DrainAsync(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Stream output, int threshold, CancellationToken cancellationToken)
    {
        if (json.BytesPending + buffer.WrittenCount <= threshold) return;
        json.Flush();
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }

    private static string Name(JsonSerializerOptions options, string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
