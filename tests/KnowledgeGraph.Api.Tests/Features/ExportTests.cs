using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using KnowledgeGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class ExportTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    [Fact]
    public async Task The_graphml_export_is_a_download_with_every_attribute_declared_as_a_key()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/api/export?format=graphml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".graphml", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var keys = xml.Root!.Elements(GraphMl + "key").Select(k => (string)k.Attribute("id")!).ToHashSet();
        var nodes = xml.Descendants(GraphMl + "node").ToList();
        var edges = xml.Descendants(GraphMl + "edge").ToList();
        Assert.True(nodes.Count > 100);
        Assert.True(edges.Count > 100);
        Assert.All(xml.Descendants(GraphMl + "data"), d => Assert.Contains((string)d.Attribute("key")!, keys));
        var nodeIds = nodes.Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.All(edges, e =>
        {
            Assert.Contains((string)e.Attribute("source")!, nodeIds);
            Assert.Contains((string)e.Attribute("target")!, nodeIds);
        });
    }

    [Fact]
    public async Task The_cytoscape_export_is_a_download_of_elements()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/api/export?format=cytoscape");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var graph = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(graph.GetProperty("nodes").GetArrayLength() > 100);
        Assert.All(graph.GetProperty("edges").EnumerateArray(), e => Assert.NotEmpty(e.GetProperty("data").GetProperty("sources").EnumerateArray()));
    }

    [Fact]
    public async Task The_streamed_graphml_export_of_the_seeds_is_complete_and_well_formed()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/api/export?format=graphml", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType?.MediaType);
        // XDocument.Load reads to the end and throws on anything cut short or malformed.
        var xml = XDocument.Load(await response.Content.ReadAsStreamAsync());
        var loaded = Core.Dataset.DatasetLoader.Load(TestPaths.Seeds).Dataset!;
        var nodeIds = xml.Descendants(GraphMl + "node").Select(n => (string)n.Attribute("id")!).ToHashSet();
        var edgeIds = xml.Descendants(GraphMl + "edge").Select(e => (string)e.Attribute("id")!).ToHashSet();
        // Everything but what victim protection withholds (IDENTIFIED_AS from roles that are not public, and persons only they reach).
        Assert.All(loaded.Relationships.Where(r => r.Type != Core.Model.RelationshipTypes.IdentifiedAs), r => Assert.Contains(r.Id, edgeIds));
        var identities = loaded.Relationships.Where(r => r.Type == Core.Model.RelationshipTypes.IdentifiedAs).Select(r => r.To).ToHashSet();
        Assert.All(loaded.Nodes.Where(n => !identities.Contains(n.Id)), n => Assert.Contains(n.Id, nodeIds));
    }

    [Fact]
    public async Task An_export_that_fails_midway_aborts_the_connection_instead_of_ending_a_200()
    {
        using var factory = App.WithAdapter(_ => new BrokenExportStore(failAfter: 5000));
        using var client = factory.CreateClient();
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.GetAsync("/api/export?format=graphml", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsStringAsync();
        });
        Assert.NotNull(error);
        Assert.False(error is Xunit.Sdk.XunitException, error.ToString());
    }

    [Fact]
    public async Task The_export_runs_under_its_own_limit_not_the_query_budget()
    {
        using var factory = App.WithAdapter(_ => new BrokenExportStore(failAfter: null, delayEvery: TimeSpan.FromMilliseconds(100)),
            ("Api:QueryTimeout", "00:00:00.300"));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/export?format=cytoscape");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var graph = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(BrokenExportStore.Nodes, graph.GetProperty("nodes").GetArrayLength());
        Assert.False(graph.GetProperty("truncated").GetBoolean());
    }

    /// <summary>Streams <see cref="Nodes"/> organisations (slowly, if asked) and fails after <c>failAfter</c> of them.</summary>
    private sealed class BrokenExportStore(int? failAfter, TimeSpan? delayEvery = null) : TestStore
    {
        public const int Nodes = 12_000;

        protected override Task<T> Answer<T>(CancellationToken cancellationToken) => throw new NotSupportedException();

        public override async IAsyncEnumerable<Core.Model.GraphNode> ExportNodesAsync(
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < Nodes; i++)
            {
                if (i == failAfter) throw new InvalidOperationException("the store went away");
                if (delayEvery is { } delay && i % 2000 == 0) await Task.Delay(delay, cancellationToken);
                yield return new Core.Model.GraphNode($"org:o{i}", Core.Model.Labels.Organisation, $"Organisation {i}", [],
                    new Dictionary<string, object?> { ["kind"] = "ngo" }, []);
            }
        }

        public override async IAsyncEnumerable<Core.Model.GraphRelationship> ExportRelationshipsAsync(string? type,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield break;
        }
    }

    [Fact]
    public async Task An_unknown_export_format_is_refused()
    {
        var errors = await GetValidationErrorsAsync("/api/export?format=pdf");
        Assert.Contains("pdf", errors["format"].Single());
    }
}
