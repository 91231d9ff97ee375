using System.Collections;
using System.Globalization;
using System.Text;
using System.Xml;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Api.Mapping;

/// <summary>
/// Writes the graph as GraphML that Gephi and yEd open: every attribute used is declared as a key first, values are
/// XML-escaped by the writer, lists are joined with "; " (GraphML has no list type).
/// </summary>
public static class GraphMlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static byte[] Write(Dataset dataset)
    {
        var nodeKeys = new[] { "label", "name", "aliases", "sources" }
            .Concat(dataset.Nodes.SelectMany(n => n.Properties.Keys).Distinct().Order(StringComparer.Ordinal)).Concat(FactNoteData.Keys).Distinct().ToList();
        var edgeKeys = new[] { "type", "legalStatus", "sources" }
            .Concat(dataset.Relationships.SelectMany(r => r.Properties.Keys).Distinct().Order(StringComparer.Ordinal)).Concat(FactNoteData.Keys).Distinct().ToList();
        var notes = FactNoteData.ById(dataset.Notes);

        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("graphml", Namespace);
            foreach (var key in nodeKeys) WriteKey(xml, "node", key);
            foreach (var key in edgeKeys) WriteKey(xml, "edge", key);
            xml.WriteStartElement("graph", Namespace);
            xml.WriteAttributeString("id", "knowledge-graph");
            xml.WriteAttributeString("edgedefault", "directed");
            foreach (var node in dataset.Nodes)
            {
                xml.WriteStartElement("node", Namespace);
                xml.WriteAttributeString("id", node.Id);
                WriteData(xml, "node", "label", node.Label);
                WriteData(xml, "node", "name", node.Name);
                WriteData(xml, "node", "aliases", node.Aliases);
                WriteData(xml, "node", "sources", node.Sources);
                foreach (var (key, value) in node.Properties.Where(p => p.Key is not ("label" or "name" or "aliases" or "sources")))
                    WriteData(xml, "node", key, value);
                foreach (var (key, value) in FactNoteData.TextFields(notes.GetValueOrDefault(node.Id))) WriteData(xml, "node", key, value);
                xml.WriteEndElement();
            }
            foreach (var rel in dataset.Relationships)
            {
                xml.WriteStartElement("edge", Namespace);
                xml.WriteAttributeString("id", rel.Id);
                xml.WriteAttributeString("source", rel.From);
                xml.WriteAttributeString("target", rel.To);
                WriteData(xml, "edge", "type", rel.Type);
                WriteData(xml, "edge", "sources", rel.Sources);
                foreach (var (key, value) in rel.Properties.Where(p => p.Key is not ("type" or "sources")))
                    WriteData(xml, "edge", key, value);
                foreach (var (key, value) in FactNoteData.TextFields(notes.GetValueOrDefault(rel.Id))) WriteData(xml, "edge", key, value);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>Key ids are prefixed by what they describe, because nodes and edges may share an attribute name.</summary>
    public static string KeyId(string owner, string name) => $"{owner[0]}_{name}";

    private static void WriteKey(XmlWriter xml, string owner, string name)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", KeyId(owner, name));
        xml.WriteAttributeString("for", owner);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", "string");
        xml.WriteEndElement();
    }

    private static void WriteData(XmlWriter xml, string owner, string key, object? value)
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
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", KeyId(owner, key));
        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
