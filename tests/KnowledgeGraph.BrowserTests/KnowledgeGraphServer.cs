using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KnowledgeGraph.BrowserTests;

/// <summary>
/// The real API on a real Kestrel socket (127.0.0.1, a free port), on a fresh embedded store built from the
/// repository's seed data (or from another directory: a test dataset), serving the page built into wwwroot
/// by the normal build.
/// </summary>
public sealed class KnowledgeGraphServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kg-browser-tests", Guid.NewGuid().ToString("n"));
    private readonly string _seedDirectory;

    public KnowledgeGraphServer(string? seedDirectory = null)
    {
        _seedDirectory = seedDirectory ?? TestPaths.Seeds;
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string RepoRoot => TestPaths.RepoRoot;

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", Path.Combine(_dataDirectory, "knowledge-graph.db"));
        builder.UseSetting("Storage:SeedDirectory", _seedDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { /* a locked file is left for the OS to clean */ }
    }
}
