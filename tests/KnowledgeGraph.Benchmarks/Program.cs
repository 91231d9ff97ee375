using KnowledgeGraph.Benchmarks;

// Benchmarks, one mode per word: `national` (default) measures the whole product at national size through HTTP.
//   dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- [mode] [options]   (--help lists the options)
// A new mode is one line here, dispatching on `mode` with the remaining words in `rest`.
var mode = args.Length > 0 && !args[0].StartsWith('-') && !char.IsAsciiDigit(args[0][0]) ? args[0] : "national";
var rest = mode == "national" && (args.Length == 0 || args[0] != "national") ? args : args[1..];
if (rest.Contains("--help")) { Console.WriteLine(BenchmarkOptions.Usage); return 0; }
return mode switch
{
    "national" => await NationalBenchmark.MainAsync(rest),
    "records" => await RecordsBenchmark.RunAsync(rest),
    _ => Unknown(mode),
};

static int Unknown(string mode)
{
    Console.Error.WriteLine($"Unknown benchmark mode '{mode}'. Modes: national (default), records.\n{BenchmarkOptions.Usage}");
    return 64;
}
