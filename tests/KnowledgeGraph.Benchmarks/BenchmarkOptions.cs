using System.Globalization;

namespace KnowledgeGraph.Benchmarks;

/// <summary>Options of the national benchmark; every one has a default so <c>dotnet run</c> alone measures national size.</summary>
public sealed record BenchmarkOptions
{
    public GraphSize Size { get; init; } = GraphSize.National;
    public int Seed { get; init; } = 42;
    /// <summary>Timed requests per row (after one warm-up pass over the row's ids).</summary>
    public int Requests { get; init; } = 50;
    /// <summary>Each row's warm-up: passes over its ids for at least this long (at least one pass) before the timed requests.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>A row stops early when this is spent, so a slow build still finishes; the table shows how many ran.</summary>
    public TimeSpan RowBudget { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(60);
    public int Clients { get; init; } = 16;
    public long LoadMaxRequests { get; init; } = 5_000_000;
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(20);
    /// <summary>The built API (default: src/KnowledgeGraph.Api/bin/&lt;configuration&gt;/net10.0/KnowledgeGraph.Api.dll).</summary>
    public string? ApiDll { get; init; }
    public string? ImporterDll { get; init; }
    /// <summary>Where the seeds, databases and logs go (default: a new temp directory, deleted afterwards unless kept).</summary>
    public string? WorkDirectory { get; init; }
    public bool Keep { get; init; }
    /// <summary>Markdown file to write the table into: between "&lt;!-- bench:SECTION:begin/end --&gt;" when the file has them, else the whole file.</summary>
    public string? Out { get; init; }
    public string Section { get; init; } = "results";
    public bool SkipNeo4j { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- [national] [options]
          --officers N        officers (default 150000)        --cases N          cases (default 50000)
          --seed N            generator seed (default 42)      --requests N       timed requests per row (default 50)
          --row-seconds S     most time one row may take (120) --load-seconds S   load phase length (default 60)
          --warm-up-seconds S each row's warm-up before timing (3; at least one pass over its ids)
          --clients N         concurrent load clients (16)     --load-max N       most load requests (5000000)
          --api PATH          built KnowledgeGraph.Api.dll     --importer PATH    built KnowledgeGraph.Importer.dll (Neo4j import)
          --work DIR          working directory (kept)         --keep             keep the temp working directory
          --out FILE          write the table into FILE        --section NAME     marker name in FILE (default results)
          --no-neo4j          skip Neo4j even when NEO4J_URI is set
        Neo4j is measured side by side when NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD) is set.
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        int officers = options.Size.Officers, cases = options.Size.Cases;
        var positional = 0;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int Int() { var name = args[i]; var text = Value(); return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} '{text}' is not a positive whole number."); }
            double Seconds() { var name = args[i]; var text = Value(); return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : throw new ArgumentException($"{name} '{text}' is not a positive number of seconds."); }
            switch (args[i])
            {
                case "--officers": officers = Int(); break;
                case "--cases": cases = Int(); break;
                case "--seed": options = options with { Seed = Int() }; break;
                case "--requests": options = options with { Requests = Int() }; break;
                case "--row-seconds": options = options with { RowBudget = TimeSpan.FromSeconds(Seconds()) }; break;
                case "--warm-up-seconds": options = options with { WarmUp = TimeSpan.FromSeconds(Seconds()) }; break;
                case "--load-seconds": options = options with { LoadDuration = TimeSpan.FromSeconds(Seconds()) }; break;
                case "--clients": options = options with { Clients = Int() }; break;
                case "--load-max": options = options with { LoadMaxRequests = Int() }; break;
                case "--api": options = options with { ApiDll = Path.GetFullPath(Value()) }; break;
                case "--importer": options = options with { ImporterDll = Path.GetFullPath(Value()) }; break;
                case "--work": options = options with { WorkDirectory = Path.GetFullPath(Value()), Keep = true }; break;
                case "--keep": options = options with { Keep = true }; break;
                case "--out": options = options with { Out = Path.GetFullPath(Value()) }; break;
                case "--section": options = options with { Section = Value() }; break;
                case "--no-neo4j": options = options with { SkipNeo4j = true }; break;
                // The old form: officers and cases as the first two words.
                case var word when int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && positional < 2:
                    if (positional++ == 0) officers = n; else cases = n;
                    break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}");
            }
        }
        return options with { Size = new GraphSize(officers, cases) };
    }
}
