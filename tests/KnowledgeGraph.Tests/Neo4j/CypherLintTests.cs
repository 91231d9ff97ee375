using System.Diagnostics;
using System.Text.Json;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

/// <summary>
/// Every statement in cypher/ goes through Neo4j's own parser (npm @neo4j-cypher/language-support, driven by
/// tests/cypher-lint/lint.mjs) with the model's labels, types and property keys, so a typo fails here, not on a server.
/// </summary>
public sealed class CypherLintTests
{
    private static readonly string LintDirectory = Path.Combine(TestPaths.RepoRoot, "tests", "cypher-lint");
    private static readonly SemaphoreSlim Install = new(1, 1);

    [Fact]
    public async Task Every_cypher_file_parses_and_names_only_labels_types_and_properties_of_the_model()
    {
        var (exitCode, output) = await LintAsync(Path.Combine(TestPaths.RepoRoot, "cypher"));
        Assert.True(exitCode == 0, output);
        Assert.Contains("0 problem(s)", output);
    }

    [Fact]
    public async Task A_broken_statement_an_unknown_label_or_an_undeclared_parameter_fails_the_lint()
    {
        var directory = TestPaths.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory, "broken.cypher"), "// Parameters:\n//   $id: string\nMATCH (n:Officer {id: $id} RETURN n\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "misspelt.cypher"), "// Parameters:\n//   $id: string\nMATCH (n:Offcer {id: $id})-[:SERVED_INN]->(f) RETURN n\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "undeclared.cypher"), "// Parameters: none.\nMATCH (n:Officer {id: $id}) RETURN n\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "fine.cypher"), "// Parameters:\n//   $id: string\nMATCH (n:Officer {id: $id}) RETURN n.name AS name\n");

        var (exitCode, output) = await LintAsync(directory);

        Assert.Equal(1, exitCode);
        Assert.Contains("broken.cypher:3:", output);
        Assert.Contains("Label Offcer", output);
        Assert.Contains("SERVED_INN", output);
        Assert.Contains("undeclared.cypher", output);
        Assert.DoesNotContain("fine.cypher", output);
    }

    private static async Task<(int ExitCode, string Output)> LintAsync(string cypherDirectory)
    {
        await EnsureInstalledAsync();
        var schemaFile = Path.Combine(TestPaths.NewTempDirectory(), "schema.json");
        await File.WriteAllTextAsync(schemaFile, JsonSerializer.Serialize(new
        {
            labels = GraphSchema.Labels.Select(l => l.Label).Append(Neo4jValues.EntityLabel).Append(Neo4jGraphStore.FactNoteLabel),
            relationshipTypes = GraphSchema.Relationships.Select(r => r.Type),
            propertyKeys = GraphSchema.AllPropertyNames().Concat(Neo4jGraphStore.FactNoteProperties).Distinct(),
        }));
        return await RunAsync("node", ["lint.mjs", cypherDirectory, schemaFile]);
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(LintDirectory, "node_modules", "@neo4j-cypher", "language-support"))) return;
            var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            Assert.True(exitCode == 0, $"npm ci in tests/cypher-lint failed:\n{output}");
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int, string)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = LintDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
