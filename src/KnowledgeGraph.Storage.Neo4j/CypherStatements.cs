using System.Collections.Concurrent;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>A named statement from cypher/ (the name is the file name without .cypher, so errors point at the file).</summary>
public sealed record CypherStatement(string Name, string Text);

/// <summary>
/// Loads the statements embedded from cypher/*.cypher by name. Every Cypher the store runs comes from here, so a user
/// can read and paste exactly what runs; a test checks that every file is used and every name used has a file.
/// </summary>
public static class CypherStatements
{
    private const string Prefix = "cypher/";
    private static readonly ConcurrentDictionary<string, CypherStatement> Cache = new(StringComparer.Ordinal);

    /// <summary>Every embedded statement file name, without .cypher.</summary>
    public static IReadOnlyList<string> Available { get; } = typeof(CypherStatements).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".cypher", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".cypher".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Names asked for so far (the "every file is used" test reads this after exercising the store).</summary>
    internal static IEnumerable<string> Requested => Cache.Keys;

    public static CypherStatement Get(string name) => Cache.GetOrAdd(name, static n => new CypherStatement(n, Read(n)));

    /// <summary>The statements of a multi-statement file (only schema.cypher), split at a ';' that ends a line.</summary>
    public static IReadOnlyList<CypherStatement> GetAll(string name)
    {
        var lines = Get(name).Text.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        return string.Join('\n', lines)
            .Split(";\n")
            .Select(s => s.Trim().TrimEnd(';').Trim())
            .Where(s => s.Length > 0)
            .Select((s, i) => new CypherStatement($"{name}#{i + 1}", s))
            .ToList();
    }

    private static string Read(string name)
    {
        using var stream = typeof(CypherStatements).Assembly.GetManifestResourceStream(Prefix + name + ".cypher")
            ?? throw new InvalidOperationException($"cypher/{name}.cypher is not embedded; known: {string.Join(", ", Available)}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
