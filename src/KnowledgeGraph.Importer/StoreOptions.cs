using System.CommandLine;

namespace KnowledgeGraph.Importer;

public sealed record StoreSettings(string Store, string DatabasePath);

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

    public StoreOptions() => _store.AcceptOnlyFromAmong("sqlite", "neo4j");

    public void AddTo(Command command)
    {
        command.Options.Add(_store);
        command.Options.Add(_db);
    }

    public StoreSettings Read(ParseResult parse) => new(parse.GetValue(_store)!, parse.GetValue(_db)!);
}
