namespace KnowledgeGraph.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class GraphBrowsingTests(BrowserFixture fixture)
{
    private const string Carrick = "officer:david-carrick";
    private const string Couzens = "officer:wayne-couzens";
    private const string SharedUnit = "unit:met-carrick-couzens-unit";

    [Fact]
    public async Task Searching_Carrick_and_expanding_him_shows_Couzens_who_served_with_him_in_the_same_unit()
    {
        await using var page = await GraphPage.OpenAsync(fixture);

        await page.SearchAndOpenAsync("Carrick", Carrick);
        await Assertions.Expect(page.Details.GetByRole(AriaRole.Heading, new() { Name = "David Carrick" })).ToBeVisibleAsync();

        await page.SelectAsync(SharedUnit);
        await page.ClickActionAsync("expand");
        await page.WaitForNodeAsync(Couzens);
        Assert.True(await page.HasNodeAsync(Couzens));

        await page.SelectAsync(Carrick);
        await page.ClickActionAsync("served-together");
        var entry = page.Lists.Locator($".served-together li[data-officer-id='{Couzens}']");
        await Assertions.Expect(entry).ToBeVisibleAsync();
        await Assertions.Expect(entry).ToHaveAttributeAsync("data-basis", "unit");
        await Assertions.Expect(entry.Locator(".basis")).ToHaveTextAsync("Basis: Unit");
        // The entry lists what they shared: the unit, as a link that focuses it, with its own certainty and sources.
        var shared = entry.Locator(".shared-item[data-basis='unit']");
        await Assertions.Expect(shared).ToHaveCountAsync(1);
        await Assertions.Expect(shared.Locator("button.link")).ToBeVisibleAsync();
        await Assertions.Expect(shared.Locator(".certainty")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Possible|Certain"));
        await Assertions.Expect(page.Lists.Locator(".served-count")).ToContainTextAsync("of");
        // Everything fits on the first page, so there is nothing more to load.
        await Assertions.Expect(page.Lists.Locator("button[data-action='more']")).ToBeHiddenAsync();

        await page.SaveScreenshotAsync(Path.Combine(fixture.ArtifactsDirectory, "graph.png"));
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task Collapsing_an_expanded_node_removes_only_the_nodes_it_brought_in()
    {
        await using var page = await GraphPage.OpenAsync(fixture);
        await page.SearchAndOpenAsync("Carrick", Carrick);
        var before = await page.Page.EvaluateAsync<string[]>("() => window.kg.cy.nodes().map(n => n.id()).sort()");

        await page.SelectAsync(SharedUnit);
        await page.ClickActionAsync("expand");
        await page.WaitForNodeAsync(Couzens);
        await page.ClickActionAsync("collapse");
        await page.Page.WaitForFunctionAsync("id => window.kg.cy.getElementById(id).empty()", Couzens);

        var after = await page.Page.EvaluateAsync<string[]>("() => window.kg.cy.nodes().map(n => n.id()).sort()");
        Assert.Equal(before, after);
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task A_case_timeline_lists_its_events_with_legal_status_in_words_and_citations()
    {
        const string connorCase = "case:mark-connor-inappropriate-relationship";
        await using var page = await GraphPage.OpenAsync(fixture, $"#focus={connorCase}");
        await page.SelectAsync(connorCase);
        await page.ClickActionAsync("timeline");

        var events = page.Lists.Locator(".timeline > li");
        await Assertions.Expect(events.First).ToBeVisibleAsync();
        Assert.True(await events.CountAsync() > 1);
        await Assertions.Expect(page.Lists.Locator(".badge").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Lists.Locator(".citation").First).ToBeAttachedAsync();

        // Clicking an entry focuses its node in the graph.
        var firstId = await events.First.GetAttributeAsync("data-event-id");
        await events.First.Locator(".entry-name").ClickAsync();
        await page.Page.WaitForFunctionAsync("id => window.kg.cy.getElementById(id).selected()", firstId);
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task An_alleged_case_reads_alleged_not_proven_and_its_edge_is_drawn_dashed()
    {
        const string alleged = "case:koshka-duff-strip-search";
        await using var page = await GraphPage.OpenAsync(fixture, $"#focus={alleged}");
        await page.SelectAsync(alleged);

        var badge = page.Details.Locator(".badge[data-legal-status='alleged']").First;
        await Assertions.Expect(badge).ToHaveTextAsync("Alleged — not proven");
        var subjectEdgeStyle = await page.Page.EvaluateAsync<string>(
            "id => window.kg.cy.getElementById(id).connectedEdges('[type = \"SUBJECT_OF\"]')[0].style('line-style')", alleged);
        Assert.Equal("dashed", subjectEdgeStyle);
        page.ShouldHaveLoggedNoErrors();
    }
}
