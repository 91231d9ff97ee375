using System.Text.Json.Nodes;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Tests.Docs;

/// <summary>seeds/dataset.schema.json helps editors; it must say what GraphSchema says, label by label.</summary>
public class DatasetSchemaTests
{
    private static readonly JsonObject Definitions =
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Seeds, "dataset.schema.json")))!["$defs"]!.AsObject();

    public static TheoryData<string> LabelNames() => new(GraphSchema.Labels.Select(l => l.Label));

    [Theory]
    [MemberData(nameof(LabelNames))]
    public void The_json_schema_allows_exactly_the_properties_and_values_of_each_label(string label)
    {
        var spec = GraphSchema.FindLabel(label)!;
        var properties = Definitions[label]!["properties"]!.AsObject();

        var common = (spec.HasName ? new[] { "id", "label", "name", "aliases", "sources" } : ["id", "label", "sources"])
            .Concat(Core.Notes.FactNoteReader.Fields);
        Assert.Equal(common.Concat(spec.Properties.Select(p => p.Name)).Order(), properties.Select(p => p.Key).Order());
        foreach (var property in spec.Properties.Where(p => p.Vocabulary is not null))
        {
            var schema = properties[property.Name]!;
            var values = (schema["enum"] ?? schema["items"]?["enum"] ?? ResolveEnum(schema))!.AsArray().Select(v => (string)v!);
            Assert.Equal(property.Vocabulary!.Values.Order(), values.Order());
        }
    }

    [Fact]
    public void The_json_schema_gives_the_reply_positions_of_the_vocabulary_and_lets_relationships_carry_notes()
    {
        Assert.Equal(Vocabularies.ReplyPosition.Values.Order(), Definitions["replyPosition"]!["enum"]!.AsArray().Select(v => (string)v!).Order());
        var relationship = Definitions["relationship"]!["properties"]!.AsObject();
        Assert.All(Core.Notes.FactNoteReader.Fields, field => Assert.True(relationship.ContainsKey(field), field));
    }

    private static JsonNode? ResolveEnum(JsonNode schema) =>
        schema["$ref"] is { } reference ? Definitions[((string)reference!).Split('/').Last()]!["enum"] : null;
}
