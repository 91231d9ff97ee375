using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Tests.Graph;

public sealed class CitationAndPagingTests
{
    private static readonly SourceRef Roster = new("source:roster", "Roster", "dataset", "2024", null, null, "");

    [Fact]
    public void A_citation_keeps_its_locator_apart_from_the_source_id()
    {
        var citation = Citation.Parse("source:roster#assignments.csv, row 12");
        Assert.Equal("source:roster", citation.SourceId);
        Assert.Equal("assignments.csv, row 12", citation.Locator);
        Assert.Equal("source:roster#assignments.csv, row 12", citation.ToString());
        Assert.Null(Citation.Parse("source:roster").Locator);
    }

    [Fact]
    public void Cite_gives_one_citation_per_locator_and_drops_unknown_sources()
    {
        var refs = new Dictionary<string, SourceRef> { [Roster.Id] = Roster };
        var cited = Citations.Cite(["source:roster#row 3", "source:roster#row 3", "source:roster", "source:unknown#row 1"], refs);
        Assert.Equal([null, "row 3"], cited.Select(c => c.Locator));
        Assert.All(cited, c => Assert.Equal("Roster", c.Title));
    }

    [Fact]
    public void Pages_cover_the_whole_list_once_and_the_last_has_no_next()
    {
        var items = Enumerable.Range(0, 23).ToList();
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = Paging.Slice(items, new PageRequest(10, cursor));
            Assert.Equal(23, page.Total);
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        } while (cursor is not null);
        Assert.Equal(items, seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("bzotMQ")] // "o:-1"
    [InlineData("eDo1")] // "x:5"
    public void A_cursor_the_api_did_not_give_out_is_refused(string cursor) =>
        Assert.False(Paging.TryParseCursor(cursor, out _));
}
