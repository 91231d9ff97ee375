namespace KnowledgeGraph.BrowserTests;

/// <summary>A second server on the seeds plus replies and corrections built by <see cref="NotedTestData"/> (the seeds
/// hold no correction), sharing the collection's browser.</summary>
public sealed class NotedServerFixture : IAsyncLifetime
{
    public string SeedDirectory { get; } = NotedTestData.CreateSeedDirectory();

    public KnowledgeGraphServer Server { get; }

    public NotedServerFixture() => Server = new(SeedDirectory);

    public Task InitializeAsync()
    {
        _ = Server.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Corrections on the page: the "Corrected …" badge on the node, on the edge and in every list that shows a
/// corrected fact, and the reply and correction history in the details panel.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CorrectionBadgeTests(BrowserFixture fixture, NotedServerFixture noted) : IClassFixture<NotedServerFixture>
{
    private const string Corrected = "Corrected 10 Jan 2025";

    private Task<GraphPage> OpenAsync(string hash) => GraphPage.OpenAsync(fixture, hash, server: noted.Server);

    private static async Task AssertHistoryAsync(ILocator details)
    {
        var correction = details.Locator(".note-history .correction").First;
        await Assertions.Expect(correction).ToContainTextAsync("10 Jan 2025");
        await Assertions.Expect(correction).ToContainTextAsync($"was \"{NotedTestData.Marker}: an earlier citation\"");
        await Assertions.Expect(correction).ToContainTextAsync($"{NotedTestData.Marker} correction");
        await Assertions.Expect(correction.Locator(".citation").First).ToBeVisibleAsync();
        var reply = details.Locator(".note-history .reply", new() { HasText = $"{NotedTestData.Marker} reply" });
        await Assertions.Expect(reply).ToContainTextAsync("Metropolitan Police");
        await Assertions.Expect(reply).ToContainTextAsync("3 Feb 2025");
        await Assertions.Expect(reply.Locator(".citation").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_corrected_node_shows_its_badge_on_the_graph_and_its_history_in_the_details_panel()
    {
        await using var page = await OpenAsync($"#focus={NotedTestData.Event}");

        var badges = page.Details.Locator(".note-badges").First;
        await Assertions.Expect(badges.Locator(".badge-corrected")).ToHaveTextAsync(Corrected);
        // The seeds' reply (the officer) and the added one (the force) both dispute it.
        await Assertions.Expect(badges.Locator(".badge-disputed")).ToHaveTextAsync(["Disputed by the officer", "Disputed by the force"]);
        await AssertHistoryAsync(page.Details);
        Assert.Equal("double", await page.Page.EvaluateAsync<string>(
            "id => { const n = window.kg.cy.getElementById(id); return n.data('corrected') === true ? n.style('border-style') : 'not corrected'; }",
            NotedTestData.Event));
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task A_corrected_relationship_shows_its_badge_in_the_relationship_list_on_the_edge_and_in_its_panel()
    {
        await using var page = await OpenAsync($"#focus={NotedTestData.Officer}");

        var subjectOf = page.Details.Locator("li.relationship", new() { HasText = "inappropriate relationship" }).First;
        await Assertions.Expect(subjectOf.Locator(".badge-corrected")).ToHaveTextAsync(Corrected);
        Assert.Equal("circle", await page.Page.EvaluateAsync<string>(
            "id => { const e = window.kg.cy.getElementById(id); return e.data('corrected') === true ? e.style('source-arrow-shape') : 'not corrected'; }",
            NotedTestData.SubjectOf));

        // Click the edge itself, as a user would.
        var point = await page.Page.EvaluateAsync<double[]>(
            """
            id => { const cy = window.kg.cy; const edge = cy.getElementById(id); cy.fit(edge, 200);
                    const m = edge.renderedMidpoint(); const box = cy.container().getBoundingClientRect();
                    return [box.left + m.x, box.top + m.y]; }
            """, NotedTestData.SubjectOf);
        await page.Page.Mouse.ClickAsync((float)point[0], (float)point[1]);
        await page.Page.WaitForFunctionAsync("id => window.kg.cy.getElementById(id).selected()", NotedTestData.SubjectOf);
        await page.WaitUntilIdleAsync();
        await Assertions.Expect(page.Details.Locator("h2")).ToHaveTextAsync("Subject of");
        await Assertions.Expect(page.Details.Locator(".note-badges .badge-corrected")).ToHaveTextAsync(Corrected);
        await AssertHistoryAsync(page.Details);
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task The_timeline_marks_the_corrected_case_and_step()
    {
        await using var page = await OpenAsync($"#focus={NotedTestData.Case}");
        await page.ClickActionAsync("timeline");

        await Assertions.Expect(page.Lists.Locator("p", new() { HasText = "Case status" }).Locator(".badge-corrected")).ToHaveTextAsync(Corrected);
        var step = page.Lists.Locator($"li.entry[data-event-id='{NotedTestData.Event}']");
        await Assertions.Expect(step.Locator(".badge-corrected")).ToHaveTextAsync(Corrected);
        await step.Locator("details summary").ClickAsync();
        await AssertHistoryAsync(step);
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task Served_together_at_the_force_marks_entries_resting_on_the_corrected_spell()
    {
        await using var page = await OpenAsync($"#focus={NotedTestData.Officer}");
        await page.ClickActionAsync("served-together");
        await page.Lists.GetByRole(AriaRole.Button, new() { Name = "Same force" }).ClickAsync();
        await page.WaitUntilIdleAsync();

        var entries = page.Lists.Locator("li.entry");
        await Assertions.Expect(entries.First).ToBeVisibleAsync();
        var count = await entries.CountAsync();
        for (var i = 0; i < count; i++)
            await Assertions.Expect(entries.Nth(i).Locator(".badge-corrected").First).ToHaveTextAsync(Corrected);
        page.ShouldHaveLoggedNoErrors();
    }

    [Fact]
    public async Task Connected_cases_and_source_evidence_mark_what_rests_on_a_corrected_fact()
    {
        await using (var page = await OpenAsync($"#focus={NotedTestData.OtherCase}"))
        {
            var connection = page.Details.Locator("li.connection", new() { HasText = "Mark Connor" });
            await Assertions.Expect(connection.Locator(".badge-corrected").First).ToHaveTextAsync(Corrected);
            page.ShouldHaveLoggedNoErrors();
        }
        await using (var page = await OpenAsync($"#focus={NotedTestData.Source}"))
        {
            // The evidence is paged (nodes first, then relationships): show every page.
            var evidence = page.Details.Locator("section.evidence");
            await Assertions.Expect(evidence.Locator("h3")).Not.ToContainTextAsync("loading");
            var more = evidence.Locator("[data-action='more-evidence']");
            while (await more.IsVisibleAsync())
            {
                var shown = await evidence.Locator("li").CountAsync();
                await more.ClickAsync();
                await Assertions.Expect(evidence.Locator("li")).Not.ToHaveCountAsync(shown);
            }
            var report = evidence.Locator("li", new() { HasText = "reports on" }).Filter(new() { HasText = "James Gage" });
            await Assertions.Expect(report.Locator(".badge-corrected")).ToHaveTextAsync(Corrected);
            // Exactly the noted facts citing the source carry the badge, as the files say.
            var dataset = KnowledgeGraph.Core.Dataset.DatasetLoader.Load(noted.SeedDirectory).Dataset!;
            var expected = dataset.Nodes.Where(n => n.Sources.Contains(NotedTestData.Source)).Select(n => n.Id)
                .Concat(dataset.Relationships.Where(r => r.Sources.Contains(NotedTestData.Source)).Select(r => r.Id))
                .Count(NotedTestData.Facts.Contains);
            await Assertions.Expect(evidence.Locator("li").Filter(new() { Has = page.Page.Locator(".badge-corrected") })).ToHaveCountAsync(expected);
            page.ShouldHaveLoggedNoErrors();
        }
    }
}
