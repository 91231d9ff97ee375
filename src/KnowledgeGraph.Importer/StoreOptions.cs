using System.CommandLine;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Importer;

/// <summary>The chosen store; <paramref name="Neo4j"/> holds the server settings when the store is neo4j.</summary>
public sealed record StoreSettings(string Store, string DatabasePath, Neo4jOptions? Neo4j = null);

/// <summary>Which store the importer writes to, and where. The default is the embedded SQLite file.</summary>
public sealed class StoreOptions
{
    public const string DefaultDatabasePath = "data/knowledge-graph.db";

    private readonly Option<string> _store = new("--store")
    {
        Description = "Where to write: sqlite (embedded file, the default) or neo4j",
        DefaultValueFactory = _ => "sqlite",
    };

    private readonly Option<string> _db = new("--db")
    {
        Description = $"SQLite database file (default {DefaultDatabasePath})",
        DefaultValueFactory = _ => DefaultDatabasePath,
    };

    // Neo4j settings: a flag wins over its NEO4J_* variable, which wins over the default.
    private readonly Option<string?> _neo4jUri = new("--neo4j-uri") { Description = "Neo4j HTTP address, e.g. http://127.0.0.1:7474 (default: NEO4J_URI)" };
    private readonly Option<string?> _neo4jUser = new("--neo4j-user") { Description = "Neo4j user (default: NEO4J_USER; none when auth is off)" };
    private readonly Option<string?> _neo4jPassword = new("--neo4j-password") { Description = "Neo4j password (default: NEO4J_PASSWORD)" };
    private readonly Option<string?> _neo4jDatabase = new("--neo4j-database") { Description = "Neo4j database (default: NEO4J_DATABASE, else neo4j)" };

    public StoreOptions()
    {
        _store.AcceptOnlyFromAmong("sqlite", "neo4j");
        _neo4jUri.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { Length: > 0 } text && !Uri.TryCreate(text, UriKind.Absolute, out _))
                result.AddError($"--neo4j-uri '{text}' is not an absolute address such as http://127.0.0.1:7474");
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_store);
        command.Options.Add(_db);
        command.Options.Add(_neo4jUri);
        command.Options.Add(_neo4jUser);
        command.Options.Add(_neo4jPassword);
        command.Options.Add(_neo4jDatabase);
    }

    public StoreSettings Read(ParseResult parse) => Read(parse, Environment.GetEnvironmentVariable);

    public StoreSettings Read(ParseResult parse, Func<string, string?> getVariable)
    {
        var store = parse.GetValue(_store)!;
        if (store != "neo4j") return new StoreSettings(store, parse.GetValue(_db)!);
        var neo4j = new Neo4jOptions().ApplyEnvironment(getVariable);
        if (parse.GetValue(_neo4jUri) is { Length: > 0 } uri)
            neo4j.Uri = new Uri(uri, UriKind.Absolute); // checked by the option's validator
        if (parse.GetValue(_neo4jUser) is { Length: > 0 } user) neo4j.User = user;
        if (parse.GetValue(_neo4jPassword) is { Length: > 0 } password) neo4j.Password = password;
        if (parse.GetValue(_neo4jDatabase) is { Length: > 0 } database) neo4j.Database = database;
        return new StoreSettings(store, parse.GetValue(_db)!, neo4j);
    }
}
