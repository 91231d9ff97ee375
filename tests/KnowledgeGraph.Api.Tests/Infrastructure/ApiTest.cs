using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>Base of the API tests: one shared app, its log in this test's output, and problem-details assertions.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest
{
    protected ApiTest(ApiFixture app, ITestOutputHelper output)
    {
        App = app;
        App.Output = output;
    }

    protected ApiFixture App { get; }

    protected Task<JsonElement> GetJsonAsync(string url) => App.GetJsonAsync(url);

    /// <summary>Asserts an RFC 9457 problem with the status and returns its body.</summary>
    protected async Task<JsonElement> GetProblemAsync(string url, HttpStatusCode status)
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"GET {url}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 validation problem and returns its errors by parameter.</summary>
    protected async Task<Dictionary<string, string[]>> GetValidationErrorsAsync(string url)
    {
        var problem = await GetProblemAsync(url, HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(ApiFixture.Json)!;
    }

    protected async Task AssertNotFoundNamesAsync(string url, string id)
    {
        var problem = await GetProblemAsync(url, HttpStatusCode.NotFound);
        Assert.Contains(id, problem.GetProperty("detail").GetString());
    }
}
