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
    public async Task An_unknown_export_format_is_refused()
    {
        var errors = await GetValidationErrorsAsync("/api/export?format=pdf");
        Assert.Contains("pdf", errors["format"].Single());
    }
}
