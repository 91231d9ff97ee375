using KnowledgeGraph.Api.Infrastructure;
using KnowledgeGraph.Api.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnLoopbackByDefault();
builder.Services.AddApi();
builder.Services.AddGraphStore();

var app = builder.Build();
app.UseApi();
app.MapOpenApiAndSwaggerUi();
app.MapApiEndpoints();
app.Run();

public partial class Program;
