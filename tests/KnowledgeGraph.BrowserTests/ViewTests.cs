namespace KnowledgeGraph.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ViewTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_deep_link_restores_the_focus_and_the_expanded_nodes()
    {
        await using var page = await GraphPage.OpenAsync(fixture,
            "#focus=officer:david-carrick&expand=unit:met-carrick-couzens-unit&hideLabels=Source");

        Assert.Equal("officer:david-carrick", await page.Page.EvaluateAsync<string>("() => window.kg.graph.focus"));
        Assert.True(await page.HasNodeAsync("officer:wayne-couzens"));
        await Assertions.Expect(page.Page.Locator("#filter-labels input[value='Source']")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Details.Locator("h2")).ToHaveTextAsync("David Carrick");
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task The_url_follows_the_view_so_it_can_be_shared()
    {
        await using var page = await GraphPage.OpenAsync(fixture);
        await page.SearchAndOpenAsync("Carrick", "officer:david-carrick");
        await page.Page.WaitForFunctionAsync("() => location.hash.includes('focus=officer:david-carrick')");
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task Keyboard_search_then_Enter_opens_a_node()
    {
        await using var page = await GraphPage.OpenAsync(fixture);
        await page.SearchBox.FocusAsync();
        await page.Page.Keyboard.TypeAsync("Couzens");
        await Assertions.Expect(page.SearchBox).ToHaveAttributeAsync("aria-expanded", "true");
        // Arrow keys move the highlighted suggestion; Enter opens the highlighted one.
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.SearchBox).ToHaveAttributeAsync("aria-activedescendant", "search-option-1");
        var chosen = page.Page.Locator("#search-option-1");
        var id = await chosen.GetAttributeAsync("data-id");
        var name = await chosen.Locator(".option-name").TextContentAsync();
        await page.Page.Keyboard.PressAsync("Enter");

        await page.Page.WaitForFunctionAsync("id => window.kg.graph.focus === id", id);
        await page.WaitUntilIdleAsync();
        await Assertions.Expect(page.Details.Locator("h2")).ToHaveTextAsync(name!);

        // The graph's nodes are reachable from the keyboard through the "Nodes in view" list.
        var listed = page.Page.Locator("#node-list button").First;
        await listed.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        var listedId = await listed.GetAttributeAsync("data-id");
        await page.Page.WaitForFunctionAsync("id => window.kg.cy.getElementById(id).selected()", listedId);
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task On_a_tablet_the_panel_sits_below_the_graph()
    {
        await using var page = await GraphPage.OpenAsync(fixture, "#focus=officer:david-carrick", width: 768, height: 1024);
        var graph = await page.Page.Locator("#cy").BoundingBoxAsync();
        var panel = await page.Details.BoundingBoxAsync();
        Assert.NotNull(graph);
        Assert.NotNull(panel);
        Assert.True(panel.Y >= graph.Y + graph.Height, $"panel top {panel.Y} is above the graph's bottom {graph.Y + graph.Height}");
        Assert.True(graph.Width > 700, $"graph is only {graph.Width}px wide on a 768px screen");
        await page.SaveScreenshotAsync(Path.Combine(fixture.ArtifactsDirectory, "tablet.png"));
        page.ShouldHaveLoggedNoErrors();
    }

    [Theory]
    [InlineData("#export-png", ".png")]
    [InlineData("#export-json", ".json")]
    public async Task Exporting_the_view_downloads_a_non_empty_file(string button, string extension)
    {
        await using var page = await GraphPage.OpenAsync(fixture, "#focus=officer:david-carrick");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.Locator(button).ClickAsync());

        Assert.EndsWith(extension, download.SuggestedFilename);
        var path = Path.Combine(fixture.ArtifactsDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.True(new FileInfo(path).Length > 100, $"{path} is nearly empty");
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task The_page_logs_no_console_errors_while_browsing()
    {
        await using var page = await GraphPage.OpenAsync(fixture);
        await page.SearchAndOpenAsync("Carrick", "officer:david-carrick");
        await page.SelectAsync("case:david-carrick-serial-rape");
        await page.ClickActionAsync("expand");
        await page.ClickActionAsync("timeline");
        await page.Page.GetByText("Show labels").ClickAsync();
        await page.Page.Locator("#filter-labels input[value='Event']").UncheckAsync();
        await page.Page.GetByText("Date range").ClickAsync();
        await page.Page.Locator("#date-from").FillAsync("2020");
        await page.Page.Locator("#date-from").PressAsync("Enter");
        await page.Page.Locator("#layout-button").ClickAsync();
        await page.WaitUntilIdleAsync();
        page.ShouldHaveLoggedNoErrors();
    }
}
