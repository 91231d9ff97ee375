using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Where the Neo4j server is and how to talk to it. Bound from the configuration section "Neo4j"
/// (<c>Neo4j__Uri</c> in the environment) and from <c>NEO4J_URI</c>, <c>NEO4J_USER</c>, <c>NEO4J_PASSWORD</c>,
/// <c>NEO4J_DATABASE</c>, which win when set because they are how the command line and CI name a server.
/// </summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The HTTP address of the server, e.g. http://127.0.0.1:7474 (the Query API lives under it).</summary>
    public Uri? Uri { get; set; }

    /// <summary>User name for basic authentication; leave empty when the server runs with authentication off.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public string Database { get; set; } = "neo4j";

    /// <summary>How long one request may take before it is abandoned.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows per import statement.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Retries of a request that failed for a transient reason (server busy, unavailable, unreachable).</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The "Neo4j" configuration section, overridden by NEO4J_* variables that are set.</summary>
    public static Neo4jOptions FromConfiguration(IConfiguration configuration, Func<string, string?>? getVariable = null)
    {
        var options = new Neo4jOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options.ApplyEnvironment(getVariable ?? Environment.GetEnvironmentVariable);
    }

    /// <summary>Applies NEO4J_* variables that are set (<paramref name="getVariable"/> is Environment.GetEnvironmentVariable outside tests).</summary>
    public Neo4jOptions ApplyEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable("NEO4J_URI") is { Length: > 0 } uri) Uri = new Uri(uri, UriKind.Absolute);
        if (getVariable("NEO4J_USER") is { Length: > 0 } user) User = user;
        if (getVariable("NEO4J_PASSWORD") is { Length: > 0 } password) Password = password;
        if (getVariable("NEO4J_DATABASE") is { Length: > 0 } database) Database = database;
        return this;
    }

    /// <summary>Every problem with the options, in words; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Uri is null) problems.Add("Neo4j:Uri (or NEO4J_URI) is not set; give the server's HTTP address, e.g. http://127.0.0.1:7474");
        else if (Uri.Scheme is not ("http" or "https"))
            problems.Add($"Neo4j:Uri '{Uri}' must be an http:// or https:// address (the Query API is HTTP; bolt:// is not used)");
        if (string.IsNullOrWhiteSpace(Database)) problems.Add("Neo4j:Database must not be empty");
        if (!string.IsNullOrEmpty(User) && Password is null) problems.Add("Neo4j:Password (or NEO4J_PASSWORD) is needed with a user");
        if (QueryTimeout <= TimeSpan.Zero) problems.Add("Neo4j:QueryTimeout must be positive");
        if (BatchSize is < 1 or > 100_000) problems.Add("Neo4j:BatchSize must be between 1 and 100000");
        if (MaxRetries < 0) problems.Add("Neo4j:MaxRetries must not be negative");
        return problems;
    }
}
