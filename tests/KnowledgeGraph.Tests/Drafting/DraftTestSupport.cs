using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using GraphDataset = KnowledgeGraph.Core.Model.Dataset;
using KnowledgeGraph.Documents;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Tests.Drafting;

/// <summary>Drafts the documents written for these tests (Drafting/Documents) and the shared seed documents.</summary>
internal static class DraftTestSupport
{
    public static string DocumentsDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "KnowledgeGraph.Tests", "Drafting", "Documents");

    public static string DocumentPath(string name) => Path.Combine(DocumentsDirectory, name);

    private static readonly Lazy<GraphDataset> SeedDataset = new(() =>
    {
        var result = DatasetLoader.Load(TestPaths.Seeds);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Dataset!;
    });

    public static GraphDataset Seeds => SeedDataset.Value;

    public static Draft Draft(string path, GraphDataset? dataset = null, DraftOptions? options = null) =>
        new DocumentDrafter(NameIndex.Build(dataset), dataset).Draft(DocumentReader.Read(path), options ?? new DraftOptions());

    public static Draft DraftText(string text, GraphDataset? dataset = null, DraftOptions? options = null, string name = "test.txt") =>
        new DocumentDrafter(NameIndex.Build(dataset), dataset).Draft(DocumentReader.ReadText(name, text), options ?? new DraftOptions());

    public static JObject Json(Draft draft) => DraftFile.ToJson(draft, null);

    public static IEnumerable<string> Names(Draft draft, string label) =>
        draft.ProposedNodes(label).Select(p => (string)p.Item["name"]!).Concat(draft.Mentions.Where(m => m.Label == label).Select(m => m.Name));

    /// <summary>The shared seed documents (../shared/seeds, read at test time, never copied), or null when absent.</summary>
    public static string? SharedSeedsDirectory()
    {
        if (Environment.GetEnvironmentVariable("KG_SHARED_SEEDS") is { Length: > 0 } configured && Directory.Exists(configured)) return configured;
        for (var dir = new DirectoryInfo(TestPaths.RepoRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.txt").Any()) return candidate;
        }
        return null;
    }

    /// <summary>Every string anywhere in a JSON tree.</summary>
    public static IEnumerable<string> Strings(JToken token) => token switch
    {
        JValue { Type: JTokenType.String, Value: string s } => [s],
        JObject o => o.Properties().SelectMany(p => Strings(p.Value)),
        JArray a => a.SelectMany(Strings),
        _ => [],
    };
}
