using System.Collections;
using System.Globalization;
using System.Text;
using System.Xml;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;

namespace KnowledgeGraph.Api.Mapping;

/// <summary>
/// Writes the graph as GraphML that Gephi and yEd open: every attribute the schema allows is declared as a key first
/// (so nodes and edges can stream after them), values are XML-escaped by the writer, lists are joined with "; " (GraphML
/// has no list type). Elements are written as the store yields them and flushed in batches, so memory stays flat.
/// </summary>
public static class GraphMlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const int FlushEvery = 2000;

    private static readonly IReadOnlyList<string> NodeKeys = new[] { "label", "name", "aliases", "sources" }
        .Concat(GraphSchema.Labels.SelectMany(l => l.Properties).Select(p => p.Name).Order(StringComparer.Ordinal)).Concat(FactNoteData.Keys)
        .Distinct().ToList();

    private static readonly IReadOnlyList<string> EdgeKeys = new[] { "type", "legalStatus", "sources" }
        .Concat(GraphSchema.Relationships.SelectMany(r => r.Properties).Select(p => p.Name).Order(StringComparer.Ordinal)).Concat(FactNoteData.Keys)
        .Distinct().ToList();

    private static readonly HashSet<string> NodeKeySet = NodeKeys.ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string> EdgeKeySet = EdgeKeys.ToHashSet(StringComparer.Ordinal);

    /// <param name="notes">Replies and corrections by fact id; each element carries its own (see <see cref="FactNoteData"/>).</param>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<GraphNode> nodes, IAsyncEnumerable<GraphRelationship> relationships,
        IReadOnlyDictionary<string, FactNote> notes, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), Async = true };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "graphml", Namespace);
        foreach (var key in NodeKeys) await WriteKeyAsync(xml, "node", key);
        foreach (var key in EdgeKeys) await WriteKeyAsync(xml, "edge", key);
        await xml.WriteStartElementAsync(null, "graph", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, "knowledge-graph");
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "directed");
        var written = 0;
        await foreach (var node in nodes.WithCancellation(cancellationToken))
        {
            await xml.WriteStartElementAsync(null, "node", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, node.Id);
            await WriteDataAsync(xml, "node", "label", node.Label);
            await WriteDataAsync(xml, "node", "name", node.Name);
            await WriteDataAsync(xml, "node", "aliases", node.Aliases);
            await WriteDataAsync(xml, "node", "sources", node.Sources);
            foreach (var (key, value) in node.Properties.Where(p => p.Key is not ("label" or "name" or "aliases" or "sources")))
                await WriteDataAsync(xml, "node", Declared(NodeKeySet, key, node.Id), value);
            foreach (var (key, value) in FactNoteData.TextFields(notes.GetValueOrDefault(node.Id))) await WriteDataAsync(xml, "node", key, value);
            await xml.WriteEndElementAsync();
            if (++written % FlushEvery == 0) await xml.FlushAsync();
        }
        await foreach (var rel in relationships.WithCancellation(cancellationToken))
        {
            await xml.WriteStartElementAsync(null, "edge", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, rel.Id);
            await xml.WriteAttributeStringAsync(null, "source", null, rel.From);
            await xml.WriteAttributeStringAsync(null, "target", null, rel.To);
            await WriteDataAsync(xml, "edge", "type", rel.Type);
            await WriteDataAsync(xml, "edge", "sources", rel.Sources);
            foreach (var (key, value) in rel.Properties.Where(p => p.Key is not ("type" or "sources")))
                await WriteDataAsync(xml, "edge", Declared(EdgeKeySet, key, rel.Id), value);
            foreach (var (key, value) in FactNoteData.TextFields(notes.GetValueOrDefault(rel.Id))) await WriteDataAsync(xml, "edge", key, value);
            await xml.WriteEndElementAsync();
            if (++written % FlushEvery == 0) await xml.FlushAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>Keys are declared before the first element, from the schema; the importer refuses any other property, so
    /// one here means the store holds data the schema does not allow, and the export fails rather than drop it.</summary>
    private static string Declared(HashSet<string> keys, string key, string elementId) =>
        keys.Contains(key) ? key : throw new InvalidOperationException($"{elementId} has the property '{key}', which the schema does not declare");

    /// <summary>Key ids are prefixed by what they describe, because nodes and edges may share an attribute name.</summary>
    public static string KeyId(string owner, string name) => $"{owner[0]}_{name}";

    private static async Task WriteKeyAsync(XmlWriter xml, string owner, string name)
    {
        await xml.WriteStartElementAsync(null, "key", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, KeyId(owner, name));
        await xml.WriteAttributeStringAsync(null, "for", null, owner);
        await xml.WriteAttributeStringAsync(null, "attr.name", null, name);
        await xml.WriteAttributeStringAsync(null, "attr.type", null, "string");
        await xml.WriteEndElementAsync();
    }

    private static async Task WriteDataAsync(XmlWriter xml, string owner, string key, object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            IEnumerable list => string.Join("; ", list.Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        if (string.IsNullOrEmpty(text)) return;
        await xml.WriteStartElementAsync(null, "data", Namespace);
        await xml.WriteAttributeStringAsync(null, "key", null, KeyId(owner, key));
        await xml.WriteStringAsync(text);
        await xml.WriteEndElementAsync();
    }
}
