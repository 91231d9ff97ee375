using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeGraph.Api.Infrastructure;

public static class ApiServiceCollectionExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Loopback only, port 5080, unless ASPNETCORE_URLS or --urls say otherwise.</summary>
    public static WebApplicationBuilder ListenOnLoopbackByDefault(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    /// <summary>JSON conventions, problem details, the time budget, per-client rate limits, the response cache, and the OpenAPI document.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .Validate(o => o.QueryTimeout > TimeSpan.Zero && o.QueryTimeout <= TimeSpan.FromMinutes(5),
                "Api:QueryTimeout must be more than zero and at most 5 minutes (e.g. 00:00:10).")
            .Validate(o => o.ExportTimeout > TimeSpan.Zero && o.ExportTimeout <= TimeSpan.FromHours(6),
                "Api:ExportTimeout must be more than zero and at most 6 hours (e.g. 00:10:00).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddApiRateLimiting();
        services.AddApiResponseCaching();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Police misconduct knowledge graph API";
            document.Info.Description = "Officers, forces, units, cases, events, institutions and the sources that state each fact. "
                + "Every relationship cites its sources; anything asserting wrongdoing carries its legal status; victims are never named unless public.";
            return Task.CompletedTask;
        }));
        return services;
    }
}
