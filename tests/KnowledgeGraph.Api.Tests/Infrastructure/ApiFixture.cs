using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.Api.Storage;
using KnowledgeGraph.Core.Graph;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>
/// The one application under test: the embedded SQLite store in a temp directory, built from the repository's real
/// seeds on start. Logs go to the output of whichever test is running.
/// </summary>
public sealed class ApiFixture : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TestOutputLoggerProvider _logs = new();

    public string DataDirectory { get; } = TestPaths.NewTempDirectory();

    public string DatabasePath => Path.Combine(DataDirectory, "knowledge-graph.db");

    public ITestOutputHelper? Output { get => _logs.Output; set => _logs.Output = value; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", DatabasePath);
        builder.UseSetting("Storage:SeedDirectory", TestPaths.Seeds);
        builder.ConfigureLogging(logging => logging.AddProvider(_logs));
    }

    /// <summary>The same app with a different store adapter (a slow or failing one) in place of SQLite.</summary>
    public WebApplicationFactory<Program> WithAdapter(Func<IServiceProvider, IGraphStore> adapter, params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder =>
        {
            // Its own database path: the fake adapter's no-op import must not mark the shared database as built.
            builder.UseSetting("Storage:SqlitePath", Path.Combine(TestPaths.NewTempDirectory(), "other.db"));
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
                services.AddKeyedSingleton<IGraphStore>(StorageServiceCollectionExtensions.AdapterKey, (sp, _) => adapter(sp)));
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public static class AppClientExtensions
{
    /// <summary>GETs a URL of any app under test, asserts success and returns the JSON body.</summary>
    public static async Task<JsonElement> GetJsonAsync(this WebApplicationFactory<Program> app, string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
