using System.Reflection;

namespace KnowledgeGraph.Documents;

/// <summary>A force, organisation or rank the drafter knows by name without the dataset.</summary>
public sealed record GazetteerEntry(string Label, string Id, string Name, IReadOnlyList<string> Aliases, string? Kind);

/// <summary>A rank or role with its abbreviations and other forms.</summary>
public sealed record Rank(string FullForm, IReadOnlyList<string> Forms);

/// <summary>
/// The UK policing vocabulary as data (Gazetteer/*.txt, embedded): every force of the United Kingdom with its common
/// short names, ranks and roles, watchdogs, courts, tribunals and other organisations.
/// </summary>
public static class Gazetteer
{
    public static IReadOnlyList<GazetteerEntry> Forces { get; } = ReadLines("forces.txt")
        .Select(fields => Entry("Force", "force", fields[0], fields.ElementAtOrDefault(1), null)).ToList();

    // An organisation best known by its initials gets them as its id (org:iopc, org:hmicfrs), as the dataset does.
    public static IReadOnlyList<GazetteerEntry> Organisations { get; } = ReadLines("organisations.txt")
        .Select(fields => Entry("Organisation", "org", fields[1], fields.ElementAtOrDefault(2), fields[0]))
        .Select(e => e.Aliases.FirstOrDefault() is { Length: >= 2 and <= 8 } initials && initials.All(char.IsUpper) ? e with { Id = $"org:{initials.ToLowerInvariant()}" } : e)
        .ToList();

    public static IReadOnlyList<Rank> Ranks { get; } = ReadLines("ranks.txt")
        .Select(fields => new Rank(fields[0], [fields[0], .. SplitAliases(fields.ElementAtOrDefault(1))])).ToList();

    private static GazetteerEntry Entry(string label, string prefix, string name, string? aliases, string? kind) =>
        new(label, $"{prefix}:{Slug.Of(name)}", name, SplitAliases(aliases), kind);

    private static List<string> SplitAliases(string? aliases) =>
        (aliases ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static IEnumerable<string[]> ReadLines(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"KnowledgeGraph.Documents.Gazetteer.{file}")
            ?? throw new InvalidOperationException($"embedded gazetteer file {file} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            lines.Add(line.Split('|').Select(f => f.Trim()).ToArray());
        }
        return lines;
    }
}
