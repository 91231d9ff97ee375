using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class OpenApiTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    [Fact]
    public async Task The_openapi_document_lists_every_route_the_app_serves_with_name_summary_and_description()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => e.RoutePattern.RawText != "/openapi/{documentName}.json")
            .ToList();
        Assert.True(routes.Count >= 13, $"expected every feature's routes, found {routes.Count}");

        foreach (var route in routes)
        {
            var template = "/" + route.RoutePattern.RawText!.Trim('/');
            Assert.True(paths.TryGetProperty(template, out var path), $"{template} is not in the OpenAPI document");
            foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                Assert.True(path.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {template} is not in the OpenAPI document");
                Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()), $"{template} has no name");
                Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), $"{template} has no summary");
                Assert.False(string.IsNullOrEmpty(operation.GetProperty("description").GetString()), $"{template} has no description");
                if (operation.TryGetProperty("parameters", out var parameters))
                    foreach (var parameter in parameters.EnumerateArray())
                        Assert.True(parameter.TryGetProperty("description", out var d) && d.GetString() is { Length: > 0 },
                            $"{template} parameter {parameter.GetProperty("name").GetString()} has no description");
                Assert.True(operation.GetProperty("responses").TryGetProperty("500", out _), $"{template} does not declare its 500 problem");
            }
        }
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/swagger/index.html");
        Assert.True(response.IsSuccessStatusCode);
    }
}
