namespace KnowledgeGraph.BrowserTests;

/// <summary>Right of reply on the page: a disputed fact carries its badge on the node, the edge and in lists, and the
/// details panel shows the reply with its source. (The seeds record replies from the documents; they hold no correction.)</summary>
[Collection(BrowserCollection.Name)]
public sealed class RightOfReplyTests(BrowserFixture fixture)
{
    private const string HomeVisit = "event:connor-2017-home-visit";

    [Fact]
    public async Task A_disputed_event_shows_the_badge_and_the_reply_in_the_details_panel()
    {
        await using var page = await GraphPage.OpenAsync(fixture, $"#focus={HomeVisit}");
        await page.WaitUntilIdleAsync();

        await Assertions.Expect(page.Details.Locator(".note-badges .badge-disputed").First).ToHaveTextAsync("Disputed by the officer");
        var reply = page.Details.Locator(".note-history .reply").First;
        await Assertions.Expect(reply).ToContainTextAsync("Mark Connor");
        await Assertions.Expect(reply).ToContainTextAsync("informant");
        await Assertions.Expect(reply.Locator(".citation").First).ToBeVisibleAsync();
        Assert.True(await page.Page.EvaluateAsync<bool>("id => window.kg.cy.getElementById(id).data('disputed') === true", HomeVisit));
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task A_disputed_relationship_has_its_badge_in_the_node_list_of_relationships_and_on_the_edge()
    {
        await using var page = await GraphPage.OpenAsync(fixture, "#focus=officer:mark-connor");
        await page.WaitUntilIdleAsync();

        var subjectOf = page.Details.Locator("li.relationship", new() { HasText = "inappropriate relationship" }).First;
        await Assertions.Expect(subjectOf.Locator(".badge-disputed")).ToHaveTextAsync("Disputed by the officer");
        Assert.True(await page.Page.EvaluateAsync<bool>(
            "() => window.kg.cy.edges().some(e => e.data('type') === 'SUBJECT_OF' && e.data('disputed') === true)"));
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task The_timeline_list_marks_the_disputed_step()
    {
        await using var page = await GraphPage.OpenAsync(fixture, "#focus=case:mark-connor-inappropriate-relationship");
        await page.WaitUntilIdleAsync();
        await page.ClickActionAsync("timeline");

        var entry = page.Lists.Locator($"li.entry[data-event-id='{HomeVisit}']");
        await Assertions.Expect(entry.Locator(".badge-disputed")).ToHaveTextAsync("Disputed by the officer");
        page.ShouldHaveLoggedNoErrors();
    }
}
