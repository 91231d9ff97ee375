namespace KnowledgeGraph.Tests.Docs;

public class ModelDocumentationTests
{
    [Fact]
    public void The_readme_describes_the_model_exactly_as_the_code_defines_it()
    {
        var readmePath = Path.Combine(TestPaths.RepoRoot, "README.md");
        var readme = File.ReadAllText(readmePath);
        var start = readme.IndexOf(ModelDocumentation.Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(ModelDocumentation.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md needs the model:begin / model:end markers");

        var expected = ModelDocumentation.Render();
        var current = readme[(start + ModelDocumentation.Begin.Length)..end].Trim('\n');
        if (current != expected.Trim('\n') && Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(readmePath, readme[..(start + ModelDocumentation.Begin.Length)] + "\n" + expected + readme[end..]);
            return;
        }
        Assert.True(current == expected.Trim('\n'), "README.md's model section is out of date; run: UPDATE_DOCS=1 dotnet test --filter ModelDocumentationTests");
    }
}
