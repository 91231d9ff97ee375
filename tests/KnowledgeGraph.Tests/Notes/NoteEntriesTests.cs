using System.Text.Json.Nodes;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Tests.Dataset;

namespace KnowledgeGraph.Tests.Notes;

/// <summary>Log entries built from a dataset's notes: resolved names and citations, marks, order, and the way back.</summary>
public sealed class NoteEntriesTests
{
    [Fact]
    public void A_correction_marks_the_fact_corrected_and_a_dispute_marks_it_disputed_with_names_and_citations_resolved()
    {
        var builder = new DatasetBuilder();
        builder.Node("case:one")["corrections"] = JsonNode.Parse("""[{ "date": "2025-01-10", "field": "date", "was": "2020-04", "now": "2020-05", "reason": "R", "sources": ["source:doc#p. 4"] }]""");
        builder.Node("case:one")["replies"] = JsonNode.Parse("""[{ "by": "force:met", "date": "2024-07-20", "position": "accepts", "summary": "S", "sources": ["source:doc"] }, { "by": "officer:pc-one", "date": "2024-08-01", "position": "denies", "summary": "D", "sources": ["source:doc"] }]""");
        var dataset = builder.Load().Dataset!;

        var entries = NoteEntries.Build(dataset);

        Assert.Equal(["correction:case:one:1", "reply:case:one:2", "reply:case:one:1"], entries.Select(e => e.Key));
        var notes = FactNotes.Of(entries)!;
        Assert.True(notes.Disputed);
        Assert.True(notes.Corrected);
        Assert.Equal("Metropolitan Police Service", notes.Replies[0].By.Name);
        Assert.Equal(("source:doc", "p. 4", "The Paper"), (notes.Corrections[0].Sources[0].Id, notes.Corrections[0].Sources[0].Locator, notes.Corrections[0].Sources[0].Publisher));
        var back = Assert.Single(NoteEntries.ToFactNotes(entries));
        Assert.Equal(["source:doc#p. 4"], back.Corrections[0].Sources);
        Assert.Equal(["force:met", "officer:pc-one"], back.Replies.Select(r => r.By));
        Assert.Equal(entries, entries.Select(NoteEntries.Serialize).Select(NoteEntries.Deserialize), new EntryComparer());
    }

    [Fact]
    public void Accepting_or_declining_to_comment_does_not_mark_a_fact_disputed()
    {
        var builder = new DatasetBuilder();
        builder.Node("case:one")["replies"] = JsonNode.Parse("""[{ "by": "officer:pc-one", "date": "2024", "position": "declined_to_comment", "summary": "S", "sources": ["source:doc"] }]""");
        var notes = FactNotes.Of(NoteEntries.Build(builder.Load().Dataset!))!;
        Assert.False(notes.Disputed);
        Assert.False(notes.Corrected);
    }

    private sealed class EntryComparer : IEqualityComparer<NoteEntry>
    {
        public bool Equals(NoteEntry? x, NoteEntry? y) => NoteEntries.Serialize(x!) == NoteEntries.Serialize(y!);
        public int GetHashCode(NoteEntry obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
