using System.Text.Json.Nodes;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Tests.Dataset;

namespace KnowledgeGraph.Tests.Notes;

/// <summary>Replies, corrections and withheld: each mistake gets one error naming file, line, JSON path and reason.</summary>
public sealed class FactNoteValidationTests
{
    private const string Reply = """{ "by": "officer:pc-one", "date": "2024-07-20", "position": "disputes", "summary": "Says it was July.", "sources": ["source:doc"] }""";
    private const string Correction = """{ "date": "2025-01-10", "field": "date", "was": "2020-04", "now": "2020-05", "reason": "The report gives May.", "sources": ["source:doc"] }""";

    private static DatasetError SingleError(DatasetBuilder builder)
    {
        var result = builder.Load();
        Assert.Null(result.Dataset);
        return Assert.Single(result.Errors);
    }

    private static DatasetBuilder WithOnCase(string field, string json)
    {
        var builder = new DatasetBuilder();
        builder.Node("case:one")[field] = JsonNode.Parse(json);
        return builder;
    }

    [Fact]
    public void Replies_and_corrections_on_a_node_and_a_relationship_are_read_beside_the_fact_not_into_its_properties()
    {
        var builder = WithOnCase("replies", $"[{Reply}]");
        builder.Relationship("SUBJECT_OF")["corrections"] = JsonNode.Parse($"[{Correction}]");

        var dataset = builder.Load().Dataset!;

        var caseNote = Assert.Single(dataset.FactNotes, n => n.FactId == "case:one");
        var reply = Assert.Single(caseNote.Replies);
        Assert.Equal(("officer:pc-one", "2024-07-20", "disputes", "Says it was July."), (reply.By, reply.Date, reply.Position, reply.Summary));
        Assert.Equal(["source:doc"], reply.Sources);
        var relNote = Assert.Single(dataset.FactNotes, n => n.FactId == "SUBJECT_OF:officer:pc-one->case:one");
        Assert.Equal("2020-04", relNote.Corrections.Single().Was);
        Assert.DoesNotContain("replies", dataset.Nodes.Single(n => n.Id == "case:one").Properties.Keys);
    }

    [Theory]
    [InlineData("""{ "by": "officer:nobody", "date": "2024-07-20", "position": "denies", "summary": "S", "sources": ["source:doc"] }""", "$.nodes[4].replies[0].by", "'officer:nobody', which no node")]
    [InlineData("""{ "by": "victim:one", "date": "2024-07-20", "position": "denies", "summary": "S", "sources": ["source:doc"] }""", "$.nodes[4].replies[0].by", "a VictimRole; a reply is by one of")]
    [InlineData("""{ "by": "officer:pc-one", "date": "2024-07-20", "position": "furious", "summary": "S", "sources": ["source:doc"] }""", "$.nodes[4].replies[0].position", "unknown reply position 'furious'")]
    [InlineData("""{ "by": "officer:pc-one", "date": "20 July 2024", "position": "denies", "summary": "S", "sources": ["source:doc"] }""", "$.nodes[4].replies[0].date", "is not a date")]
    [InlineData("""{ "by": "officer:pc-one", "date": "2024-07-20", "position": "denies", "summary": "S", "sources": ["source:gone"] }""", "$.nodes[4].replies[0].sources[0]", "cites 'source:gone', which no node")]
    [InlineData("""{ "by": "officer:pc-one", "date": "2024-07-20", "position": "denies", "summary": "S", "sources": ["force:met"] }""", "$.nodes[4].replies[0].sources[0]", "a Force, not a Source")]
    [InlineData("""{ "by": "officer:pc-one", "date": "2024-07-20", "position": "denies", "summary": "S" }""", "$.nodes[4].replies[0]", "must cite at least one source")]
    [InlineData("""{ "by": "officer:pc-one", "date": "2024-07-20", "position": "denies", "summary": "S", "sources": ["source:doc"], "mood": "x" }""", "$.nodes[4].replies[0].mood", "unknown field 'mood'")]
    public void A_bad_reply_is_named_by_its_json_path(string reply, string path, string message)
    {
        var error = SingleError(WithOnCase("replies", $"[{reply}]"));
        Assert.Equal("test.json", error.File);
        Assert.NotNull(error.Line);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{ "date": "2025-01-10", "field": "date", "was": "2020-05", "now": "2020-05", "reason": "R", "sources": ["source:doc"] }""", "$.nodes[4].corrections[0].now", "must change something")]
    [InlineData("""{ "date": "2025-13-10", "field": "date", "was": "a", "now": "b", "reason": "R", "sources": ["source:doc"] }""", "$.nodes[4].corrections[0].date", "month 13")]
    [InlineData("""{ "date": "2025-01-10", "field": "date", "was": "a", "reason": "R", "sources": ["source:doc"] }""", "$.nodes[4].corrections[0]", "missing \"now\"")]
    [InlineData("""{ "date": "2025-01-10", "field": "date", "was": "a", "now": "b", "reason": "R", "sources": ["officer:pc-one"] }""", "$.nodes[4].corrections[0].sources[0]", "an Officer, not a Source")]
    public void A_bad_correction_is_named_by_its_json_path(string correction, string path, string message)
    {
        var error = SingleError(WithOnCase("corrections", $"[{correction}]"));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{ "since": "2025-02-01", "reason": "takedown request", "until": "2025-01-01" }""", "$.nodes[3].withheld.until", "must be after \"since\"")]
    [InlineData("""{ "since": "2025-02-01", "reason": "takedown request", "until": "2025-02-01" }""", "$.nodes[3].withheld.until", "must be after \"since\"")]
    [InlineData("""{ "since": "soon", "reason": "takedown request" }""", "$.nodes[3].withheld.since", "is not a date")]
    [InlineData("""{ "since": "2025-02-01" }""", "$.nodes[3].withheld", "missing \"reason\"")]
    [InlineData("\"yes\"", "$.nodes[3].withheld", "must be an object")]
    public void A_bad_withholding_is_named_by_its_json_path(string withheld, string path, string message)
    {
        var builder = new DatasetBuilder();
        builder.Node("officer:pc-one")["withheld"] = JsonNode.Parse(withheld);
        var error = SingleError(builder);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_reply_by_a_withheld_party_is_refused_so_the_party_cannot_reappear_through_it()
    {
        var builder = WithOnCase("replies", $"[{Reply}]");
        builder.Node("officer:pc-one")["withheld"] = JsonNode.Parse("""{ "since": "2025-02-01", "reason": "review" }""");
        var error = SingleError(builder);
        Assert.Contains("withheld; a shown reply cannot name a withheld party", error.Message);
    }

    [Fact]
    public void An_event_whose_only_case_is_withheld_must_be_withheld_too()
    {
        var builder = new DatasetBuilder();
        builder.Node("case:one")["withheld"] = JsonNode.Parse("""{ "since": "2025-02-01", "reason": "review" }""");
        var errors = builder.Load().Errors;
        Assert.Contains(errors, e => e.Message.Contains("Event 'event:one-incident' belongs only to withheld case(s)"));
        Assert.Contains(errors, e => e.Message.Contains("VictimRole 'victim:one' belongs only to withheld case(s)"));
    }

    [Fact]
    public void A_shown_fact_citing_only_a_withheld_source_is_refused()
    {
        var builder = new DatasetBuilder();
        builder.Node("source:doc")["withheld"] = JsonNode.Parse("""{ "since": "2025-02-01", "reason": "review" }""");
        Assert.Contains(builder.Load().Errors, e => e.Message.Contains("cites only withheld sources"));
    }

    [Fact]
    public void A_withheld_node_leaves_the_dataset_with_every_relationship_touching_it_and_only_its_reason_and_dates_stay()
    {
        var builder = new DatasetBuilder();
        builder.Nodes.Add(JsonNode.Parse("""{ "id": "officer:pc-two", "label": "Officer", "name": "PC Two", "identified": true, "status": "serving", "withheld": { "since": "2025-02-01", "reason": "takedown request under review", "until": "2025-03-01" } }"""));
        builder.Relationships.Add(JsonNode.Parse("""{ "type": "SERVED_IN", "from": "officer:pc-two", "to": "force:met", "sources": ["source:doc"] }"""));
        builder.Relationships.Add(JsonNode.Parse("""{ "type": "WORKED_WITH", "from": "officer:pc-one", "to": "officer:pc-two", "sources": ["source:doc"] }"""));
        builder.Relationship("SUBJECT_OF")["withheld"] = JsonNode.Parse("""{ "since": "2025-01-15", "reason": "legal advice" }""");

        var result = builder.Load();

        Assert.Empty(result.Errors);
        var dataset = result.Dataset!;
        Assert.DoesNotContain(dataset.Nodes, n => n.Id == "officer:pc-two");
        Assert.DoesNotContain(dataset.Relationships, r => r.From == "officer:pc-two" || r.To == "officer:pc-two" || r.Type == "SUBJECT_OF");
        Assert.Equal([new Withholding("2025-02-01", "takedown request under review", "2025-03-01"), new Withholding("2025-01-15", "legal advice", null)],
            dataset.Withheld);
        Assert.Empty(dataset.FactNotes);
        Assert.Same(dataset, WithheldFacts.Apply(dataset));
    }
}
