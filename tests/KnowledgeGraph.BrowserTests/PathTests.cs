namespace KnowledgeGraph.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PathTests(BrowserFixture fixture)
{
    private const string Connor = "officer:mark-connor";
    private const string Mason = "officer:james-mason";

    [Fact]
    public async Task Picking_Mark_Connor_and_James_Mason_highlights_the_path_with_every_hop_cited()
    {
        await using var page = await GraphPage.OpenAsync(fixture);
        await page.SearchAndOpenAsync("Mark Connor", Connor);
        await page.SelectAsync(Connor);
        await page.ClickActionAsync("path-from");

        await page.SearchAndOpenAsync("James Mason", Mason);
        await page.SelectAsync(Mason);
        await page.ClickActionAsync("path-to");

        var hops = page.PathPanel.Locator("ol.hops > li.hop");
        await Assertions.Expect(hops.First).ToBeVisibleAsync();
        var hopCount = await hops.CountAsync();
        Assert.True(hopCount >= 1);
        for (var i = 0; i < hopCount; i++)
        {
            var hop = hops.Nth(i);
            await Assertions.Expect(hop.Locator(".hop-sentence")).Not.ToBeEmptyAsync();
            Assert.True(await hop.Locator(".citation").CountAsync() >= 1, $"hop {i + 1} has no citation");
        }

        // Every hop and both ends are highlighted in the graph.
        await page.WaitUntilIdleAsync();
        var highlighted = await page.Page.EvaluateAsync<string[]>("() => window.kg.cy.$('.path').map(e => e.id())");
        Assert.Contains(Connor, highlighted);
        Assert.Contains(Mason, highlighted);
        var relationshipIds = await hops.EvaluateAllAsync<string[]>("lis => lis.map(li => li.dataset.relationshipId)");
        Assert.All(relationshipIds, id => Assert.Contains(id, highlighted));

        await page.SaveScreenshotAsync(Path.Combine(fixture.ArtifactsDirectory, "path.png"));
        page.ShouldHaveLoggedNoErrors();
    }
}
