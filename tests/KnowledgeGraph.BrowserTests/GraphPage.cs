namespace KnowledgeGraph.BrowserTests;

/// <summary>
/// One browser page on the graph browser, collecting every console error and page error so each test can assert the
/// page logged none. Waits are on real conditions: locators, and the page's own idle state (no request or layout
/// running), never fixed sleeps.
/// </summary>
public sealed class GraphPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private GraphPage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        Page = page;
        BaseAddress = baseAddress;
        page.Console += (_, message) => { if (message.Type == "error") _errors.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => _errors.Add($"page error: {error}");
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public IReadOnlyList<string> Errors => _errors;

    /// <param name="server">Another server than the fixture's (one serving a test dataset).</param>
    public static async Task<GraphPage> OpenAsync(BrowserFixture fixture, string hash = "", int width = 1366, int height = 900,
        KnowledgeGraphServer? server = null)
    {
        var baseAddress = (server ?? fixture.Server).BaseAddress;
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var graphPage = new GraphPage(context, page, baseAddress);
        await page.GotoAsync(new Uri(baseAddress, "/" + hash).ToString());
        await graphPage.WaitUntilIdleAsync();
        return graphPage;
    }

    public ILocator SearchBox => Page.GetByRole(AriaRole.Combobox, new() { Name = "Search by name" });

    public ILocator Details => Page.Locator("#details");

    public ILocator Lists => Page.Locator("#lists");

    public ILocator PathPanel => Page.Locator("#path");

    public Task WaitUntilIdleAsync() =>
        Page.WaitForFunctionAsync("() => window.kg && window.kg.ready && window.kg.idle()");

    /// <summary>Types a name, waits for the suggestion and clicks it.</summary>
    public async Task SearchAndOpenAsync(string text, string nodeId)
    {
        await SearchBox.FillAsync(text);
        await Page.Locator($"#search-listbox [role=option][data-id='{nodeId}']").ClickAsync();
        await WaitForNodeAsync(nodeId);
        await Page.WaitForFunctionAsync("id => window.kg.graph.focus === id", nodeId);
        await WaitUntilIdleAsync();
    }

    public async Task WaitForNodeAsync(string nodeId)
    {
        await Page.WaitForFunctionAsync("id => window.kg.cy.getElementById(id).nonempty()", nodeId);
        await WaitUntilIdleAsync();
    }

    public Task<bool> HasNodeAsync(string nodeId) =>
        Page.EvaluateAsync<bool>("id => window.kg.cy.getElementById(id).nonempty()", nodeId);

    /// <summary>Selects a node the keyboard way: its button in the "Nodes in view" list.</summary>
    public async Task SelectAsync(string nodeId)
    {
        await Page.Locator($"#node-list button[data-id='{nodeId}']").ClickAsync();
        await Details.Locator("[data-action]").First.WaitForAsync();
        await WaitUntilIdleAsync();
    }

    public async Task ClickActionAsync(string action)
    {
        await Details.Locator($"[data-action='{action}']").ClickAsync();
        await WaitUntilIdleAsync();
    }

    public async Task SaveScreenshotAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
    }

    public void ShouldHaveLoggedNoErrors() =>
        Assert.True(_errors.Count == 0, "The page logged errors:\n" + string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
