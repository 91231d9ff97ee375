using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

/// <summary>The real Neo4j server the real-server tests use, named by NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).</summary>
public static class Neo4jServer
{
    public static string? SkipReason => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NEO4J_URI"))
        ? "NEO4J_URI is not set; run `NEO4J_URI=http://127.0.0.1:7474 NEO4J_USER=neo4j NEO4J_PASSWORD=... dotnet test` against a Neo4j 5.26+ server (see docs/neo4j.md)"
        : null;

    public static Neo4jOptions Options() => new Neo4jOptions().ApplyEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Every suite that imports into the server: they share its one database, so they run one after another,
    /// each importing its own graph before its tests (xunit runs the classes of one collection in turn).</summary>
    public const string Collection = "Neo4j server";
}

[CollectionDefinition(Neo4jServer.Collection)]
public sealed class Neo4jServerCollection;

/// <summary>A fact that runs only against a real Neo4j server and says why it skipped otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute() => Skip = Neo4jServer.SkipReason;
}
