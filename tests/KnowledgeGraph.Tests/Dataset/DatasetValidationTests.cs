using System.Text.Json.Nodes;
using KnowledgeGraph.Core.Dataset;

namespace KnowledgeGraph.Tests.Dataset;

public class DatasetValidationTests
{
    private static DatasetError SingleError(DatasetBuilder builder)
    {
        var result = builder.Load();
        Assert.False(result.IsValid);
        Assert.Null(result.Dataset);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_untouched_builder_dataset_is_valid()
    {
        var result = new DatasetBuilder().Load();
        Assert.Empty(result.Errors);
        Assert.Equal(8, result.Dataset!.Nodes.Count);
        Assert.Equal(6, result.Dataset.Relationships.Count);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var result = DatasetLoader.LoadDocuments([("cases/bad.json", "{\n  \"nodes\": [\n    { \"id\": \"case:x\", }\n  ]\n")]);
        var error = Assert.Single(result.Errors);
        Assert.Equal("cases/bad.json", error.File);
        Assert.NotNull(error.Line);
        Assert.Contains("malformed JSON", error.Message);
    }

    [Fact]
    public void An_unknown_label_is_rejected_with_the_known_ones_listed()
    {
        var builder = new DatasetBuilder();
        builder.Nodes.Add(JsonNode.Parse("""{ "id": "thing:x", "label": "Thing", "name": "X" }"""));
        var error = SingleError(builder);
        Assert.Contains("unknown label 'Thing'", error.Message);
        Assert.Contains("Officer", error.Message);
        Assert.Equal("$.nodes[8].label", error.JsonPath);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void An_unknown_relationship_type_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Relationships.Add(JsonNode.Parse("""{ "type": "KNOWS", "from": "officer:pc-one", "to": "force:met", "sources": ["source:doc"] }"""));
        Assert.Contains("unknown relationship type 'KNOWS'", SingleError(builder).Message);
    }

    [Fact]
    public void An_unknown_vocabulary_value_is_rejected_with_the_allowed_values()
    {
        var builder = new DatasetBuilder();
        builder.Node("case:one")["legalStatus"] = "guilty-ish";
        var error = SingleError(builder);
        Assert.Contains("unknown legal status 'guilty-ish'", error.Message);
        Assert.Contains("proven", error.Message);
        Assert.Equal("$.nodes[4].legalStatus", error.JsonPath);
    }

    [Fact]
    public void A_duplicate_id_names_both_places()
    {
        var builder = new DatasetBuilder();
        builder.Nodes.Add(JsonNode.Parse("""{ "id": "force:met", "label": "Force", "name": "Another Met" }"""));
        var error = SingleError(builder);
        Assert.Contains("duplicate id 'force:met'", error.Message);
        Assert.Contains("first defined in test.json:", error.Message);
    }

    [Fact]
    public void A_reference_to_a_missing_id_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Relationship("SERVED_IN")["to"] = "force:nowhere";
        var error = SingleError(builder);
        Assert.Contains("'force:nowhere', which no node in the dataset has", error.Message);
        Assert.Equal("$.relationships[1].to", error.JsonPath);
    }

    [Fact]
    public void Cross_file_errors_point_at_the_line_of_the_key_they_name()
    {
        // Indented, so every key is on a line of its own: an error about an id or an end must name that key's line,
        // which the validator keeps for each item until the cross-file checks have run.
        var builder = new DatasetBuilder();
        builder.Relationship("SERVED_IN")["to"] = "force:nowhere";
        builder.Relationship("SUBJECT_OF")["from"] = "officer:nobody";
        builder.Nodes.Add(JsonNode.Parse("""{ "id": "force:met", "label": "Force", "name": "Another Met" }"""));
        var text = builder.ToJson();
        var lines = text.Split('\n');
        int LineOf(string fragment, int occurrence = 1) =>
            lines.Select((line, index) => (line, index)).Where(l => l.line.Contains(fragment)).ElementAt(occurrence - 1).index + 1;

        var errors = DatasetLoader.LoadDocuments([("test.json", text)]).Errors;

        var missingTo = errors.Single(e => e.Message.Contains("'force:nowhere'"));
        Assert.Equal(("$.relationships[1].to", LineOf("\"to\": \"force:nowhere\"")), (missingTo.JsonPath, missingTo.Line));
        var missingFrom = errors.Single(e => e.Message.Contains("'officer:nobody'"));
        Assert.Equal(("$.relationships[2].from", LineOf("\"from\": \"officer:nobody\"")), (missingFrom.JsonPath, missingFrom.Line));
        var duplicate = errors.Single(e => e.Message.Contains("duplicate id"));
        Assert.Equal(("$.nodes[8].id", LineOf("\"id\": \"force:met\"", 2)), (duplicate.JsonPath, duplicate.Line));
        // The first definition is named by its item's line, the "{" just above its id.
        Assert.Contains($"first defined in test.json:{LineOf("\"id\": \"force:met\"") - 1})", duplicate.Message);
    }

    [Fact]
    public void A_month_13_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Node("event:one-incident")["date"] = "2020-13-01";
        var error = SingleError(builder);
        Assert.Contains("month 13", error.Message);
        Assert.Equal("$.nodes[5].date", error.JsonPath);
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Relationship("SERVED_IN")["properties"]!["to"] = "2009-12";
        Assert.Contains("ends (2009-12) before it starts (2010)", SingleError(builder).Message);
    }

    [Fact]
    public void A_relationship_without_a_source_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Relationship("SERVED_IN").Remove("sources");
        Assert.Contains("cites no source", SingleError(builder).Message);
    }

    [Fact]
    public void A_citation_must_point_at_a_source_node()
    {
        var builder = new DatasetBuilder();
        builder.Relationship("SERVED_IN")["sources"] = new JsonArray("org:paper");
        Assert.Contains("'org:paper', which is a Organisation, not a Source", SingleError(builder).Message);
    }

    [Fact]
    public void A_named_protected_victim_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Node("victim:one")["name"] = "Jane Public";
        Assert.Contains("a victim role carries no name", SingleError(builder).Message);
    }

    [Fact]
    public void A_protected_victim_cannot_be_linked_to_a_named_person()
    {
        var builder = new DatasetBuilder();
        builder.Relationships.Add(JsonNode.Parse("""{ "type": "IDENTIFIED_AS", "from": "victim:one", "to": "person:jane-public", "sources": ["source:doc"] }"""));
        Assert.Contains("only a public role may be linked to a named person", SingleError(builder).Message);
    }

    [Fact]
    public void A_public_victim_may_be_linked_to_a_named_person_with_a_source()
    {
        var builder = new DatasetBuilder();
        builder.Node("victim:one")["anonymity"] = "public";
        builder.Relationships.Add(JsonNode.Parse("""{ "type": "IDENTIFIED_AS", "from": "victim:one", "to": "person:jane-public", "sources": ["source:doc"] }"""));
        Assert.True(builder.Load().IsValid);
    }

    [Fact]
    public void A_descriptor_that_names_a_person_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Node("victim:one")["descriptor"] = "the woman, jane public, who reported it";
        Assert.Contains("names 'Jane Public' in its descriptor", SingleError(builder).Message);
    }

    [Fact]
    public void A_pseudonym_must_be_marked_as_one()
    {
        var builder = new DatasetBuilder();
        builder.Node("victim:one")["pseudonym"] = "Mary";
        Assert.Contains("a protected victim role may not carry a pseudonym", SingleError(builder).Message);

        builder.Node("victim:one")["anonymity"] = "pseudonym";
        var dataset = builder.Load().Dataset!;
        Assert.Equal("\"Mary\" (pseudonym). Victim: a man who was arrested", dataset.Nodes.Single(n => n.Id == "victim:one").Name);
    }

    [Fact]
    public void A_wrong_type_endpoint_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Relationships.Add(JsonNode.Parse("""{ "type": "SERVED_IN", "from": "case:one", "to": "force:met", "sources": ["source:doc"] }"""));
        var error = SingleError(builder);
        Assert.Contains("SERVED_IN cannot start at a Case ('case:one')", error.Message);
        Assert.Equal("$.relationships[6].from", error.JsonPath);
    }

    [Fact]
    public void A_finding_without_a_legal_status_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Node("event:one-incident")["kind"] = "finding";
        builder.Node("event:one-incident").Remove("legalStatus");
        Assert.Contains("'finding' asserts or decides wrongdoing, so it needs a \"legalStatus\"", SingleError(builder).Message);
    }

    [Fact]
    public void An_id_must_carry_its_labels_prefix()
    {
        var builder = new DatasetBuilder();
        builder.Nodes.Add(JsonNode.Parse("""{ "id": "force:pc-two", "label": "Officer", "name": "PC Two", "identified": true, "status": "serving" }"""));
        Assert.Contains("must look like 'officer:lower-case-words'", SingleError(builder).Message);
    }

    [Fact]
    public void An_event_that_belongs_to_no_case_is_rejected()
    {
        var builder = new DatasetBuilder();
        builder.Relationships.Remove(builder.Relationship("HAS_EVENT"));
        Assert.Contains("Event 'event:one-incident' belongs to no case", SingleError(builder).Message);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var builder = new DatasetBuilder();
        builder.Node("case:one")["legalStatus"] = "nope";
        builder.Node("event:one-incident")["date"] = "2020-02-30";
        builder.Relationship("SERVED_IN").Remove("sources");
        Assert.Equal(3, builder.Load().Errors.Count);
    }
}
