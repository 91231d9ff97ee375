using System.Diagnostics;

namespace KnowledgeGraph.Tests.Neo4j;

/// <summary>Runs only where Debian's docker-compose (v1) is installed; scripts/test.sh installs it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DockerComposeFactAttribute : FactAttribute
{
    public const string Binary = "/usr/bin/docker-compose";

    public DockerComposeFactAttribute()
    {
        if (!File.Exists(Binary)) Skip = $"{Binary} is not installed (apt-get install docker-compose; scripts/test.sh does it)";
    }
}

/// <summary>docker-compose.yml checked offline by docker-compose itself (no Docker engine runs here).</summary>
public sealed class DockerComposeTests
{
    private static async Task<(int ExitCode, string Output)> ConfigAsync(string envFile)
    {
        var start = new ProcessStartInfo(DockerComposeFactAttribute.Binary)
        {
            WorkingDirectory = TestPaths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--env-file", envFile, "-f", "docker-compose.yml", "config" }) start.ArgumentList.Add(argument);
        start.Environment.Remove("NEO4J_PASSWORD"); // only the env file may supply it
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [DockerComposeFact]
    public async Task The_compose_file_is_valid_with_the_documented_env_file_and_publishes_only_on_localhost()
    {
        var (exitCode, config) = await ConfigAsync(".env.example");

        Assert.True(exitCode == 0, config);
        Assert.Contains("image: neo4j:5.26-community", config);
        Assert.Contains("NEO4J_AUTH: neo4j/change-me-please", config);
        Assert.Contains("condition: service_completed_successfully", config);
        Assert.Contains("condition: service_healthy", config);
        Assert.Contains("Storage__Provider: Neo4j", config);
        Assert.Contains("- import", config);
        Assert.Contains("- neo4j", config);
        var published = config.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Trim(), @"^- [0-9.]*:?\d+:\d+(/tcp)?$")).ToList();
        Assert.NotEmpty(published);
        Assert.All(published, p => Assert.StartsWith("- 127.0.0.1:", p.Trim()));
    }

    [DockerComposeFact]
    public async Task Without_a_password_the_compose_file_refuses_to_start_and_says_where_to_set_it()
    {
        var empty = Path.Combine(TestPaths.NewTempDirectory(), "empty.env");
        await File.WriteAllTextAsync(empty, "");

        var (exitCode, output) = await ConfigAsync(empty);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set NEO4J_PASSWORD in .env", output);
    }
}
