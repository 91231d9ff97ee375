namespace KnowledgeGraph.Testing;

/// <summary>Shared by every test project (linked, not copied). Finds the repository (the folder holding KnowledgeGraph.sln) from wherever the tests run.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "kg-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException($"KnowledgeGraph.sln not found above {AppContext.BaseDirectory}");
    }
}
