using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Api.Tests.Victims;

/// <summary>
/// Finds anything in a response that shows a victim role with more than its protected display name: a VictimRole
/// named otherwise or given aliases, an IDENTIFIED_AS leaving a role that is not public, or a pseudonym written
/// without being marked as one.
/// </summary>
public sealed class VictimLeakChecker(IReadOnlyList<GraphNode> victimRoles)
{
    private readonly Dictionary<string, GraphNode> _roles = victimRoles.ToDictionary(v => v.Id);

    private readonly List<Regex> _pseudonyms = victimRoles.Select(v => v.Text("pseudonym")).OfType<string>().Distinct()
        .Select(p => new Regex($@"\b{Regex.Escape(p)}\b")).ToList();

    public IReadOnlyList<string> CheckJson(string where, string body, string? ownerId = null)
    {
        var problems = new List<string>();
        Walk(JsonDocument.Parse(body).RootElement, null, ownerId, where, problems);
        return problems;
    }

    public IReadOnlyList<string> CheckGraphMl(string where, string xml)
    {
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        var problems = new List<string>();
        var document = XDocument.Parse(xml);
        string? Data(XElement element, string key) => element.Elements(ns + "data").FirstOrDefault(d => (string?)d.Attribute("key") == key)?.Value;
        foreach (var node in document.Descendants(ns + "node").Where(n => ((string)n.Attribute("id")!).StartsWith("victim:", StringComparison.Ordinal)))
        {
            CheckName(where, (string)node.Attribute("id")!, Data(node, "n_name"), problems);
            if (!string.IsNullOrEmpty(Data(node, "n_aliases"))) problems.Add($"{where}: {(string)node.Attribute("id")!} has aliases");
        }
        foreach (var edge in document.Descendants(ns + "edge").Where(e => Data(e, "e_type") == RelationshipTypes.IdentifiedAs))
            CheckIdentified(where, (string)edge.Attribute("source")!, problems);
        foreach (var data in document.Descendants(ns + "data"))
            CheckPseudonyms(where, (string?)data.Attribute("key") is "n_pseudonym" ? "pseudonym" : "data", data.Value, problems);
        return problems;
    }

    private void Walk(JsonElement element, string? key, string? ownerId, string where, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(element, ownerId, where, problems);
                foreach (var property in element.EnumerateObject()) Walk(property.Value, property.Name, ownerId, where, problems);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, key, ownerId, where, problems);
                break;
            case JsonValueKind.String:
                CheckPseudonyms(where, key, element.GetString()!, problems);
                break;
        }
    }

    private void CheckObject(JsonElement o, string? ownerId, string where, List<string> problems)
    {
        if (Text(o, "id") is { } id && id.StartsWith("victim:", StringComparison.Ordinal))
        {
            if (o.TryGetProperty("name", out var name)) CheckName(where, id, name.GetString(), problems);
            if (o.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Array && aliases.GetArrayLength() > 0)
                problems.Add($"{where}: {id} has aliases");
        }
        if (Text(o, "type") != RelationshipTypes.IdentifiedAs) return;
        if (o.TryGetProperty("from", out var labels) && labels.ValueKind == JsonValueKind.Array) return; // the schema's description of the type
        // The role the link leaves: a path hop or cited relationship names it in "from", a Cytoscape edge in "source",
        // a relationship seen from a node by its direction.
        var from = o.TryGetProperty("from", out var f) ? f.ValueKind == JsonValueKind.Object ? Text(f, "id") : f.GetString()
            : Text(o, "source")
            ?? (Text(o, "direction") == "in" && o.TryGetProperty("other", out var other) ? Text(other, "id") : ownerId);
        CheckIdentified(where, from, problems);
    }

    private void CheckName(string where, string id, string? name, List<string> problems)
    {
        if (!_roles.TryGetValue(id, out var role)) problems.Add($"{where}: {id} is not a victim role in the dataset");
        else if (name != VictimProtection.DisplayName(role.Properties))
            problems.Add($"{where}: {id} is shown as '{name}', not as '{VictimProtection.DisplayName(role.Properties)}'");
    }

    private void CheckIdentified(string where, string? from, List<string> problems)
    {
        if (from is null || !_roles.TryGetValue(from, out var role) || !VictimProtection.MayBeIdentified(role.Text("anonymity")))
            problems.Add($"{where}: IDENTIFIED_AS leaves '{from}', which is not a public victim role");
    }

    private void CheckPseudonyms(string where, string? key, string text, List<string> problems)
    {
        if (key == "pseudonym" || text.Contains("pseudonym", StringComparison.OrdinalIgnoreCase)) return;
        foreach (var pseudonym in _pseudonyms.Where(p => p.IsMatch(text)))
            problems.Add($"{where}: the pseudonym '{pseudonym}' appears unmarked in \"{(text.Length > 80 ? text[..80] + "…" : text)}\"");
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
