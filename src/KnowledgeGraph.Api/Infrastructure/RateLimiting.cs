using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's built-in rate limiter, one fixed window per client IP address. A rejected request gets 429 as
/// problem details with Retry-After (whole seconds until the client's window opens again), so a script can wait
/// exactly as long as it must instead of hammering.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>, SettingErrorsValidator<RateLimitingOptions>>();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Only in the pipeline when enabled, so a default instance pays nothing for it.</summary>
    public static WebApplication UseApiRateLimiting(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled) app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        // IPv4 clients reached over an IPv6 socket are one client, however they are written.
        var address = context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
        if (!options.Enabled || (options.ExemptLoopback && address is not null && IPAddress.IsLoopback(address)))
            return RateLimitPartition.GetNoLimiter("exempt");
        var client = address is null ? "unknown" : ClientKey(address);
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitsPerWindow,
            Window = options.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>An IPv4 address, or an IPv6 address's /64 network: one IPv6 subscriber usually holds a whole /64, so
    /// limiting single addresses there would let one client rotate through billions of them.</summary>
    private static string ClientKey(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This instance allows {options.PermitsPerWindow} requests per {Describe(options.Window)} from one client. Try again in {seconds} second(s).",
            },
        });
    }

    private static string Describe(TimeSpan window) => window switch
    {
        { TotalSeconds: 1 } => "second",
        { TotalMinutes: 1 } => "minute",
        { TotalHours: 1 } => "hour",
        { Seconds: 0, Milliseconds: 0 } when window.TotalMinutes < 60 => string.Create(CultureInfo.InvariantCulture, $"{window.TotalMinutes:0} minutes"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{window.TotalSeconds:0.#} seconds"),
    };
}
