using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's output cache in front of the graph's answers: the same URL asked again (a popular officer's page of
/// co-workers, a case everyone is reading about) is served from memory instead of being worked out again, and
/// concurrent first requests for one URL wait for a single computation instead of each doing it. Only complete 200
/// answers of <c>/api</c> are kept (never errors, never the streamed export), keyed by path and every query parameter.
/// A client that sends <c>Cache-Control: no-cache</c> gets a freshly computed answer.
/// </summary>
public static class ResponseCaching
{
    /// <summary>Every cached answer carries this tag, so one call empties the cache after an import.</summary>
    public const string GraphTag = "graph";

    public static IServiceCollection AddApiResponseCaching(this IServiceCollection services)
    {
        services.AddOptions<ResponseCacheOptions>()
            .BindConfiguration(ResponseCacheOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResponseCacheOptions>, SettingErrorsValidator<ResponseCacheOptions>>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<ResponseCacheOptions>>((cache, settings) =>
        {
            cache.SizeLimit = settings.Value.SizeLimitMegabytes * 1024L * 1024L;
            cache.MaximumBodySize = settings.Value.MaximumBodyKilobytes * 1024L;
            cache.AddBasePolicy(new GraphAnswerPolicy(settings.Value.Duration));
        });
        return services;
    }

    /// <summary>Only in the pipeline when enabled; placed after rate limiting, so a cached answer still counts against a client.</summary>
    public static WebApplication UseApiResponseCaching(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ResponseCacheOptions>>().Value.Enabled) app.UseOutputCache();
        return app;
    }

    /// <summary>Empties the cache (after an import changed what the answers would be).</summary>
    public static async Task ForgetAnswersAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<IOutputCacheStore>() is { } store) await store.EvictByTagAsync(GraphTag, cancellationToken);
    }

    private sealed class GraphAnswerPolicy(TimeSpan duration) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var request = context.HttpContext.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/api/export");
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable && !AsksForFreshAnswer(request);
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*";
            context.ResponseExpirationTimeSpan = duration;
            context.Tags.Add(GraphTag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            // A 503 after the time budget, a 429 or a 400 is about that request, not about the URL: never replayed.
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        private static bool AsksForFreshAnswer(HttpRequest request) =>
            request.Headers.CacheControl.Any(v => v is not null && v.Contains("no-cache", StringComparison.OrdinalIgnoreCase))
            || request.Headers.Pragma.Any(v => v is not null && v.Contains("no-cache", StringComparison.OrdinalIgnoreCase));
    }
}
