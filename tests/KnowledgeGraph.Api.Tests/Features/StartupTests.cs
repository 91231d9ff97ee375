using KnowledgeGraph.Api.Storage;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class StartupTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    [Fact]
    public async Task The_store_remembers_the_fingerprint_of_the_seeds_it_was_built_from()
    {
        await GetJsonAsync("/health");
        var expected = await SeedFingerprint.ComputeAsync(TestPaths.Seeds, CancellationToken.None);
        var store = new SqliteGraphStore(App.DatabasePath);
        Assert.Equal(expected, await store.GetMetaAsync(SeedImportService.FingerprintKey, CancellationToken.None));
    }

    [Fact]
    public void Invalid_seeds_stop_start_up_with_every_error_listed()
    {
        var seeds = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(seeds, "bad.json"), """
            { "nodes": [
                { "id": "officer:a", "label": "Officer", "name": "A", "identified": true, "status": "marching" },
                { "id": "case:b", "label": "Case", "name": "B", "categories": ["other"], "legalStatus": "rumoured", "summary": "x", "sources": ["source:none"] }
              ],
              "relationships": [] }
            """);
        using var factory = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:SeedDirectory", seeds);
            b.UseSetting("Storage:SqlitePath", Path.Combine(TestPaths.NewTempDirectory(), "bad.db"));
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var message = (error as SeedImportException ?? error.InnerException as SeedImportException ?? throw error).Message;
        Assert.Contains("marching", message);
        Assert.Contains("rumoured", message);
        Assert.Contains("source:none", message);
        Assert.Contains("bad.json", message);
    }

    [Fact]
    public void The_neo4j_provider_without_a_server_address_fails_start_up_naming_the_setting()
    {
        if (Environment.GetEnvironmentVariable("NEO4J_URI") is not null) return; // a real server is configured; nothing to check
        using var factory = App.WithWebHostBuilder(b => b.UseSetting("Storage:Provider", "Neo4j"));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Neo4j settings are invalid", error.ToString());
        Assert.Contains("NEO4J_URI", error.ToString());
    }
}
