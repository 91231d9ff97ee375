using System.Net;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Features;

public sealed class RateLimitingTests(ApiFixture app, ITestOutputHelper output) : ApiTest(app, output)
{
    private const string Url = "/api/vocabularies";

    [Fact]
    public async Task A_client_over_its_limit_gets_429_problem_details_with_retry_after_and_other_clients_are_not_affected()
    {
        using var factory = Limited(("Api:RateLimit:PermitsPerWindow", "3"), ("Api:RateLimit:Window", "00:01:00"));
        using var client = ClientFrom(factory, "203.0.113.7");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url)).StatusCode);

        using var response = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("3 requests per minute", problem.GetProperty("detail").GetString());

        using var other = ClientFrom(factory, "203.0.113.8");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task Addresses_in_one_ipv6_network_share_a_limit()
    {
        using var factory = Limited(("Api:RateLimit:PermitsPerWindow", "2"));
        using (var first = ClientFrom(factory, "2001:db8:1:2::10"))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(Url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(Url)).StatusCode);
        }
        using var sameNetwork = ClientFrom(factory, "2001:db8:1:2:ffff::99");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameNetwork.GetAsync(Url)).StatusCode);
        using var otherNetwork = ClientFrom(factory, "2001:db8:1:3::10");
        Assert.Equal(HttpStatusCode.OK, (await otherNetwork.GetAsync(Url)).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::1")]
    public async Task Loopback_clients_are_exempt_by_default(string address)
    {
        using var factory = Limited(("Api:RateLimit:PermitsPerWindow", "2"));
        using var client = ClientFrom(factory, address);
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task Loopback_is_limited_when_the_exemption_is_turned_off()
    {
        using var factory = Limited(("Api:RateLimit:PermitsPerWindow", "2"), ("Api:RateLimit:ExemptLoopback", "false"));
        using var client = ClientFrom(factory, "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task Rate_limiting_is_off_unless_enabled()
    {
        using var factory = WithClientAddress(App.WithWebHostBuilder(b => b.UseSetting("Api:RateLimit:PermitsPerWindow", "1")));
        using var client = ClientFrom(factory, "203.0.113.9");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public void Unusable_settings_stop_start_up_naming_each_one()
    {
        using var factory = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Api:RateLimit:Enabled", "true");
            b.UseSetting("Api:RateLimit:PermitsPerWindow", "0");
            b.UseSetting("Api:RateLimit:Window", "00:00:00");
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();
        Assert.Contains("Api:RateLimit:PermitsPerWindow is 0", error);
        Assert.Contains("Api:RateLimit:Window is 00:00:00", error);
    }

    private WebApplicationFactory<Program> Limited(params (string Key, string Value)[] settings) =>
        WithClientAddress(App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Api:RateLimit:Enabled", "true");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        }));

    private static HttpClient ClientFrom(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    private const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>The test server has no real sockets; this sets the remote address the limiter partitions by.</summary>
    private static WebApplicationFactory<Program> WithClientAddress(WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>()));

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
