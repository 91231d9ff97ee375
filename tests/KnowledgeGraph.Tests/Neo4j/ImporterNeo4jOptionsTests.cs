using System.CommandLine;
using KnowledgeGraph.Importer;

namespace KnowledgeGraph.Tests.Neo4j;

public sealed class ImporterNeo4jOptionsTests
{
    private static StoreSettings Read(Dictionary<string, string?> environment, params string[] args)
    {
        var options = new StoreOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return options.Read(parse, environment.GetValueOrDefault);
    }

    [Fact]
    public void Neo4j_settings_come_from_NEO4J_variables_and_flags_win_over_them()
    {
        var environment = new Dictionary<string, string?> { ["NEO4J_URI"] = "http://env:7474", ["NEO4J_USER"] = "env-user", ["NEO4J_PASSWORD"] = "env-pass" };

        var fromEnvironment = Read(environment, "--store", "neo4j").Neo4j!;
        var fromFlags = Read(environment, "--store", "neo4j", "--neo4j-uri", "http://flag:7474", "--neo4j-user", "flag-user",
            "--neo4j-password", "flag-pass", "--neo4j-database", "graph").Neo4j!;

        Assert.Equal((new Uri("http://env:7474"), "env-user", "env-pass", "neo4j"),
            (fromEnvironment.Uri, fromEnvironment.User, fromEnvironment.Password, fromEnvironment.Database));
        Assert.Equal((new Uri("http://flag:7474"), "flag-user", "flag-pass", "graph"),
            (fromFlags.Uri, fromFlags.User, fromFlags.Password, fromFlags.Database));
        Assert.Null(Read(environment, "--store", "sqlite").Neo4j);
    }

    [Fact]
    public async Task Importing_into_neo4j_with_a_bolt_address_fails_before_writing_and_says_why()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ImporterApp.RunAsync(["import", TestPaths.Seeds, "--store", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:7687"], output, error);

        Assert.Equal(ImporterApp.StoreFailed, exit);
        Assert.Contains("http://", error.ToString());
    }
}
