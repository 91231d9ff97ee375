using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

public sealed partial class CypherStatementsTests
{
    private static string CypherDirectory => Path.Combine(TestPaths.RepoRoot, "cypher");
    private static string StoreSource => Path.Combine(TestPaths.RepoRoot, "src", "KnowledgeGraph.Storage.Neo4j");

    [GeneratedRegex(@"(?:RunAsync|Get|GetAll|LoadServiceAsync)\(""([a-z0-9-]+)""")]
    private static partial Regex NamedUse();

    /// <summary>Names the store asks for: literal names in its source, plus one import statement per label and type.</summary>
    private static HashSet<string> UsedNames()
    {
        var used = Directory.EnumerateFiles(StoreSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => NamedUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        used.UnionWith(GraphSchema.Labels.Select(l => $"import-node-{Neo4jGraphStore.StatementSuffix(l.Label)}"));
        used.UnionWith(GraphSchema.Relationships.Select(r => $"import-rel-{Neo4jGraphStore.StatementSuffix(r.Type)}"));
        return used;
    }

    [Fact]
    public void Every_cypher_file_is_embedded_and_used_and_every_name_used_has_a_file()
    {
        var files = Directory.EnumerateFiles(CypherDirectory, "*.cypher").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();
        var used = UsedNames();

        Assert.Equal(files, CypherStatements.Available);
        Assert.Empty(files.Except(used));
        Assert.Empty(used.Except(files));
    }

    [Theory]
    [InlineData("Officer", "officer")]
    [InlineData("VictimRole", "victim-role")]
    [InlineData("SERVED_IN", "served-in")]
    [InlineData("BY", "by")]
    public void Labels_and_types_map_to_kebab_case_file_names(string name, string suffix) =>
        Assert.Equal(suffix, Neo4jGraphStore.StatementSuffix(name));

    [Fact]
    public void The_schema_file_splits_into_one_idempotent_statement_per_constraint_and_index()
    {
        var statements = CypherStatements.GetAll("schema");

        // one constraint per label and Entity, the full-text index, one index per type, three for right-of-reply notes
        Assert.Equal(1 + GraphSchema.Labels.Count + 1 + GraphSchema.Relationships.Count + 3, statements.Count);
        Assert.All(statements, s => Assert.Contains("IF NOT EXISTS", s.Text));
        Assert.All(statements, s => Assert.DoesNotContain("//", s.Text));
        Assert.Contains(statements, s => s.Text.StartsWith("CREATE FULLTEXT INDEX node_names", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_statement_file_starts_with_a_header_naming_its_parameters()
    {
        foreach (var file in Directory.EnumerateFiles(CypherDirectory, "*.cypher"))
        {
            var text = File.ReadAllText(file);
            Assert.True(text.StartsWith("//", StringComparison.Ordinal), $"{Path.GetFileName(file)} has no header comment");
            Assert.True(text.Contains("// Parameters", StringComparison.Ordinal), $"{Path.GetFileName(file)} does not list its parameters");
        }
    }

    [GeneratedRegex(@"\b(MATCH|MERGE|OPTIONAL MATCH)\s*\(|\bUNWIND\s+\$|\bDETACH DELETE\b|\bCREATE (CONSTRAINT|FULLTEXT INDEX)\b")]
    private static partial Regex CypherLike();

    [Fact]
    public void No_cypher_is_written_in_csharp_outside_cypher_files()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadLines(f).Any(line => line.Contains('"') && CypherLike().IsMatch(line)))
            .Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f))
            .ToList();
        Assert.Empty(offenders);
    }
}
