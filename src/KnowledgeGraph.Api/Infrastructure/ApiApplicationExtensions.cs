using KnowledgeGraph.Api.Features.Cases;
using KnowledgeGraph.Api.Features.Corrections;
using KnowledgeGraph.Api.Features.Export;
using KnowledgeGraph.Api.Features.Health;
using KnowledgeGraph.Api.Features.Nodes;
using KnowledgeGraph.Api.Features.Officers;
using KnowledgeGraph.Api.Features.Organisations;
using KnowledgeGraph.Api.Features.Paths;
using KnowledgeGraph.Api.Features.Search;
using KnowledgeGraph.Api.Features.Sources;
using KnowledgeGraph.Api.Features.Stats;
using KnowledgeGraph.Api.Features.Vocabularies;

namespace KnowledgeGraph.Api.Infrastructure;

public static class ApiApplicationExtensions
{
    /// <summary>Errors become problems, clients are rate limited when configured, repeated questions are answered from the response cache, each request gets its time budget, and the web page is served from wwwroot.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiRateLimiting();
        app.UseApiResponseCaching();
        app.UseMiddleware<QueryBudgetMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapOpenApiAndSwaggerUi(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "Knowledge graph API v1");
            options.RoutePrefix = "swagger";
        });
        return app;
    }

    /// <summary>Every feature's routes; each group also declares the problems any route can answer with.</summary>
    public static WebApplication MapApiEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("")
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapSearchEndpoints();
        api.MapNodeEndpoints();
        api.MapPathEndpoints();
        api.MapOfficerEndpoints();
        api.MapOrganisationEndpoints();
        api.MapCaseEndpoints();
        api.MapStatsEndpoints();
        api.MapSourceEndpoints();
        api.MapExportEndpoints();
        api.MapCorrectionEndpoints();
        api.MapVocabularyEndpoints();
        api.MapHealthEndpoints();
        return app;
    }
}
