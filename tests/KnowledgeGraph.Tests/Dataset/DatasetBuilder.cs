using System.Text.Json.Nodes;

namespace KnowledgeGraph.Tests.Dataset;

/// <summary>A small valid dataset as JSON text; each test breaks one thing and checks the error it gets.</summary>
public sealed class DatasetBuilder
{
    public JsonArray Nodes { get; } = JsonNode.Parse("""
        [
          { "id": "source:doc", "label": "Source", "name": "Doc", "kind": "news_report", "title": "A report", "seedFile": "000.txt" },
          { "id": "org:paper", "label": "Organisation", "name": "The Paper", "kind": "media_outlet" },
          { "id": "force:met", "label": "Force", "name": "Metropolitan Police Service", "aliases": ["Met"] },
          { "id": "officer:pc-one", "label": "Officer", "name": "PC One", "identified": true, "status": "serving" },
          { "id": "case:one", "label": "Case", "name": "Case one", "categories": ["use_of_force"], "legalStatus": "alleged",
            "summary": "An officer is said to have used force.", "sources": ["source:doc"] },
          { "id": "event:one-incident", "label": "Event", "name": "Incident", "kind": "incident", "date": "2020-05-01",
            "summary": "The incident.", "legalStatus": "alleged", "sources": ["source:doc"] },
          { "id": "victim:one", "label": "VictimRole", "role": "victim", "descriptor": "a man who was arrested",
            "anonymity": "protected", "sources": ["source:doc"] },
          { "id": "person:jane-public", "label": "Person", "name": "Jane Public" }
        ]
        """)!.AsArray();

    public JsonArray Relationships { get; } = JsonNode.Parse("""
        [
          { "type": "PUBLISHED_BY", "from": "source:doc", "to": "org:paper", "sources": ["source:doc"] },
          { "type": "SERVED_IN", "from": "officer:pc-one", "to": "force:met", "sources": ["source:doc"],
            "properties": { "from": "2010", "to": "present", "rank": "Police Constable" } },
          { "type": "SUBJECT_OF", "from": "officer:pc-one", "to": "case:one", "sources": ["source:doc"],
            "properties": { "role": "subject", "legalStatus": "alleged" } },
          { "type": "HAS_EVENT", "from": "case:one", "to": "event:one-incident", "sources": ["source:doc"] },
          { "type": "HAS_VICTIM", "from": "case:one", "to": "victim:one", "sources": ["source:doc"] },
          { "type": "REPORTS_ON", "from": "source:doc", "to": "case:one", "sources": ["source:doc"] }
        ]
        """)!.AsArray();

    public JsonObject Node(string id) => Nodes.Select(n => n!.AsObject()).Single(n => (string?)n["id"] == id);

    public JsonObject Relationship(string type) => Relationships.Select(r => r!.AsObject()).First(r => (string?)r["type"] == type);

    public string ToJson() => new JsonObject { ["nodes"] = Nodes.DeepClone(), ["relationships"] = Relationships.DeepClone() }.ToJsonString(
        new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    public Core.Dataset.DatasetLoadResult Load() => Core.Dataset.DatasetLoader.LoadDocuments([("test.json", ToJson())]);

    /// <summary>Writes the dataset into a fresh directory, as the importer reads it.</summary>
    public string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "test.json"), ToJson());
        return directory;
    }
}
