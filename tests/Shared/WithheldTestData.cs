namespace KnowledgeGraph.Testing;

/// <summary>
/// The seeds plus tests/TestData/withheld-facts.json: a withheld officer (with its service and a case role), a withheld
/// case with its event, and a withheld relationship between two seed officers. Everything withheld is an addition, so
/// once withheld facts are taken out the dataset is exactly the seeds: any answer that differs from the seeds' answer,
/// or that contains a marker, is a leak.
/// </summary>
public static class WithheldTestData
{
    public static string File => Path.Combine(TestPaths.RepoRoot, "tests", "TestData", "withheld-facts.json");

    /// <summary>Words found only in withheld facts (ids, names, texts).</summary>
    public static readonly IReadOnlyList<string> Markers = ["quillfeather", "xylophonic", "withheld-test"];

    public const string WithheldOfficer = "officer:zephyrine-quillfeather";
    public const string WithheldCase = "case:quillfeather-complaint";
    public const string WithheldEvent = "event:quillfeather-complaint-filed";
    public const string WithheldRelationship = "WORKED_WITH:officer:mark-connor->officer:james-gage#withheld-test";

    /// <summary>The two seed officers the withheld relationship joins: nothing may say a source has them working together.</summary>
    public static readonly (string A, string B) WithheldPair = ("officer:mark-connor", "officer:james-gage");

    /// <summary>A fresh directory holding a copy of the seeds and the withheld facts.</summary>
    public static string CreateSeedDirectory()
    {
        var directory = TestPaths.NewTempDirectory();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Seeds, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(TestPaths.Seeds, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }
        System.IO.File.Copy(File, Path.Combine(directory, "withheld-facts.json"));
        return directory;
    }

    /// <summary>Markers found in a text (case-insensitive).</summary>
    public static IEnumerable<string> MarkersIn(string text) =>
        Markers.Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
}
