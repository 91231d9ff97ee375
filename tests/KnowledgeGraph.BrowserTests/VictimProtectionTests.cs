using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeGraph.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class VictimProtectionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_protected_victim_is_shown_only_as_their_role()
    {
        var (victimId, displayName) = await FindProtectedVictimAsync("case:david-carrick-serial-rape");
        await using var page = await GraphPage.OpenAsync(fixture, $"#focus={victimId}");
        await page.SelectAsync(victimId);

        await Assertions.Expect(page.Details.Locator("h2")).ToHaveTextAsync(displayName);
        await Assertions.Expect(page.Details.Locator(".label-chip")).ToHaveTextAsync("Victim or complainant (role only)");
        // Of its properties only the anonymity is listed; no alias, no other name.
        await Assertions.Expect(page.Details.Locator(".properties dt")).ToHaveTextAsync(["Anonymity"]);
        await Assertions.Expect(page.Details.Locator(".aliases")).ToHaveCountAsync(0);
        var caption = await page.Page.EvaluateAsync<string>("id => window.kg.cy.getElementById(id).data('caption')", victimId);
        Assert.Equal(displayName, caption);
        var listed = await page.Page.Locator($"#node-list button[data-id='{victimId}']").TextContentAsync();
        Assert.Equal(displayName, listed);
        page.ShouldHaveLoggedNoErrors();
    }

    /// <summary>A protected VictimRole of the case, as the API names it (its role display name).</summary>
    private async Task<(string Id, string Name)> FindProtectedVictimAsync(string caseId)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/nodes/{caseId}");
        foreach (var relationship in detail.GetProperty("relationships").EnumerateArray())
        {
            if (relationship.GetProperty("type").GetString() != "HAS_VICTIM") continue;
            var id = relationship.GetProperty("other").GetProperty("id").GetString()!;
            var victim = (await http.GetFromJsonAsync<JsonElement>($"/api/nodes/{id}")).GetProperty("node");
            if (victim.GetProperty("properties").GetProperty("anonymity").GetString() == "protected")
                return (id, victim.GetProperty("name").GetString()!);
        }
        throw new InvalidOperationException($"The seed data has no protected victim role in {caseId}.");
    }
}
