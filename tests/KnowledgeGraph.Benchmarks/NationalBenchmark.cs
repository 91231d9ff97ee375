using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace KnowledgeGraph.Benchmarks;

/// <summary>What one store measured: start, import, every row, the export, memory and the load phase.
/// <paramref name="IndexesReady"/>: how long after the (re)start answered /health its in-memory indexes were built.</summary>
public sealed record StoreRun(string Store, TimeSpan FirstStart, TimeSpan? Restart, TimeSpan? Import, long ImporterPeak,
    IReadOnlyList<RowResult> Rows, ExportResult Export, long MemoryAfterRows, LoadResult Load, LoadResult FreshLoad, TimeSpan? IndexesReady = null)
{
    public int ErrorCount => Rows.Sum(r => r.ErrorCount) + (Export.Complete ? 0 : 1) + Load.ErrorCount + FreshLoad.ErrorCount;
}

public sealed record BenchmarkReport(GraphSample Graph, StoreRun Embedded, StoreRun? Neo4j, string Markdown, string? Neo4jFailure)
{
    public int ErrorCount => Embedded.ErrorCount + (Neo4j?.ErrorCount ?? 0) + (Neo4jFailure is null ? 0 : 1);
}

/// <summary>
/// The side-by-side benchmark of issue 10: generate the national graph as seed files, start the real API on it as a
/// process, time first start and restart, every request row (p50/p99/max through HTTP), the GraphML export, memory,
/// and a bounded load phase; then the same on Neo4j when NEO4J_URI is set. Prints one markdown table with the targets.
/// </summary>
public static class NationalBenchmark
{
    public static async Task<int> MainAsync(IReadOnlyList<string> args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 64;
        }
        var report = await RunAsync(options, Console.Out);
        return report.ErrorCount == 0 ? 0 : 2;
    }

    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter output)
    {
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "kg-bench", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(work);
        var loadAtStart = LoadAverage();
        try
        {
            var apiDll = options.ApiDll ?? BuiltAssembly("KnowledgeGraph.Api");
            var seeds = Path.Combine(work, "seeds");
            if (Directory.Exists(seeds)) Directory.Delete(seeds, recursive: true);
            var clock = Stopwatch.StartNew();
            var graph = NationalGraph.Write(seeds, options.Size, options.Seed);
            output.WriteLine($"generated {graph.Nodes:N0} nodes and {graph.Relationships:N0} relationships ({options.Size.Officers:N0} officers, "
                + $"{options.Size.Cases:N0} cases, {options.Size.Forces} forces, {options.Size.Forces * options.Size.UnitsPerForce:N0} units) in {clock.Elapsed.TotalSeconds:F1} s → {seeds}");
            var rows = RequestPlan.Rows(graph);
            // Every timed request, one row name and path per line, so a row can be replayed by hand against a kept graph.
            File.WriteAllLines(Path.Combine(work, "requests.tsv"), rows.SelectMany(r => r.Urls.Select(u => $"{r.Name}\t{u}")));

            // A kept working directory (--work) holds the last run's database, with the same seeds' fingerprint: the
            // first start would then skip the import it is meant to time.
            var database = Path.Combine(work, "embedded.db");
            foreach (var file in new[] { database, database + "-wal", database + "-shm" }) File.Delete(file);
            var embedded = await RunStoreAsync("embedded", apiDll, new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Storage__SeedDirectory"] = seeds,
                ["Storage__SqlitePath"] = database,
            }, rows, options, work, output, measureRestart: true, import: null);

            StoreRun? neo4j = null;
            string? neo4jFailure = null;
            var neo4jNote = options.SkipNeo4j ? "Neo4j: not measured in this run (--no-neo4j)." : "Neo4j: not measured in this run (NEO4J_URI was not set).";
            if (!options.SkipNeo4j && Environment.GetEnvironmentVariable("NEO4J_URI") is { Length: > 0 })
            {
                try
                {
                    var importer = options.ImporterDll ?? BuiltAssembly("KnowledgeGraph.Importer");
                    var import = await ImportIntoNeo4jAsync(importer, seeds, Path.Combine(work, "neo4j-import.log"), output);
                    neo4j = await RunStoreAsync("Neo4j", apiDll, new Dictionary<string, string> { ["Storage__Provider"] = "Neo4j" },
                        rows, options, work, output, measureRestart: false, import);
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException)
                {
                    // The embedded figures are still worth printing; the failure is the Neo4j row's answer.
                    neo4jFailure = ex.Message;
                    neo4jNote = $"Neo4j: failed, so not measured: {ex.Message.Split('\n')[0]}";
                    output.WriteLine(ex.Message);
                }
            }
            else
            {
                output.WriteLine(neo4jNote);
            }

            var markdown = BenchmarkTable.Markdown(options, graph, embedded, neo4j, loadAtStart, neo4jNote);
            output.WriteLine();
            output.WriteLine(markdown);
            if (options.Out is not null)
            {
                BenchmarkTable.WriteInto(options.Out, options.Section, markdown);
                output.WriteLine($"written into {options.Out} (section '{options.Section}')");
            }
            return new BenchmarkReport(graph, embedded, neo4j, markdown, neo4jFailure);
        }
        finally
        {
            if (!options.Keep)
                try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<StoreRun> RunStoreAsync(string store, string apiDll, Dictionary<string, string> environment,
        IReadOnlyList<BenchmarkRow> rows, BenchmarkOptions options, string work, TextWriter output, bool measureRestart,
        (TimeSpan Time, long Peak)? import)
    {
        var log = Path.Combine(work, $"api-{store.ToLowerInvariant()}.log");
        var (first, firstStart) = await ApiProcess.StartAsync(apiDll, environment, log, options.StartTimeout);
        output.WriteLine($"{store}: first start (until /health answers) {firstStart.TotalSeconds:F1} s, resident {Mb(first.Memory().Resident)}");
        var api = first;
        TimeSpan? restart = null;
        try
        {
            if (measureRestart)
            {
                await first.DisposeAsync();
                (api, var again) = await ApiProcess.StartAsync(apiDll, environment, log, options.StartTimeout);
                restart = again;
                output.WriteLine($"{store}: restart with unchanged data {again.TotalSeconds:F1} s");
            }

            var warm = await api.WaitUntilWarmAsync(options.StartTimeout);
            output.WriteLine($"{store}: in-memory indexes ready {warm.TotalSeconds:F1} s after /health first answered");

            using var http = new HttpMeasurements(api.Address, options.Clients);
            var results = new List<RowResult>();
            foreach (var row in rows)
            {
                var result = await http.MeasureAsync(row, options.Requests, options.WarmUp, options.RowBudget);
                results.Add(result);
                output.WriteLine($"{store}: {row.Name}: p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, max {result.Max:F1} ms (n={result.Count})"
                    + (result.ErrorCount > 0 ? $", errors {BenchmarkTable.Errors(result.Errors)}" : "")
                    + $"; warm-up {result.WarmUpPasses} passes in {result.WarmUpTime.TotalSeconds:F1} s, the first (cold) p50 {result.Cold?.P50:F1} ms, max {result.Cold?.Max:F1} ms");
            }
            var export = await http.ExportAsync();
            output.WriteLine($"{store}: GraphML export {export.Time.TotalSeconds:F1} s, {Mb(export.Bytes)}, {(export.Complete ? "complete" : "INCOMPLETE: " + export.Error)}");
            var memory = api.Memory().Resident;
            output.WriteLine($"{store}: resident memory after the rows {Mb(memory)}");

            var mix = rows.Where(r => r.InLoadMix).SelectMany(r => r.Urls).ToArray();
            // First as clients meet the API (repeated questions answered from its response cache), then with every
            // answer worked out, so the table shows both what the instance serves and what the work alone costs.
            var load = await http.LoadAsync(mix, options.Clients, options.LoadDuration, options.LoadMaxRequests, () => api.Memory().Resident, fresh: false);
            output.WriteLine($"{store}: load {Describe(load)}");
            var fresh = await http.LoadAsync(mix, options.Clients, options.LoadDuration, options.LoadMaxRequests, () => api.Memory().Resident, fresh: true);
            output.WriteLine($"{store}: load, every answer worked out (no-cache): {Describe(fresh)}");
            return new StoreRun(store, firstStart, restart, import?.Time, import?.Peak ?? 0, results, export, memory, load, fresh, warm);

            static string Describe(LoadResult l) => $"{l.Requests:N0} requests in {l.Duration.TotalSeconds:F1} s from {l.Clients} clients: "
                + $"{l.PerSecond:N0}/s, p99 {l.P99:F1} ms, errors {l.ErrorCount}, memory {Mb(l.MemoryBefore)} → {Mb(l.MemoryAfter)}";
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    /// <summary><c>kg-import import SEEDS --store neo4j</c> as a process (NEO4J_* come from the environment); its peak
    /// resident memory is sampled from /proc while it runs.</summary>
    private static async Task<(TimeSpan Time, long Peak)> ImportIntoNeo4jAsync(string importerDll, string seeds, string logPath, TextWriter output)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { importerDll, "import", seeds, "--store", "neo4j" }) info.ArgumentList.Add(arg);
        await using var log = new StreamWriter(logPath) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcessMemory.Read(process.Id).Peak);
            await Task.Delay(200);
        }
        await process.WaitForExitAsync();
        var time = clock.Elapsed;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"kg-import into Neo4j failed with exit code {process.ExitCode}. Log {logPath}:\n{ApiProcess.Tail(logPath)}");
        output.WriteLine($"Neo4j: import {time.TotalSeconds:F1} s, importer peak resident {Mb(peak)}");
        return (time, peak);
    }

    /// <summary>src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/&lt;project&gt;.dll in the repository this benchmark was built from,
    /// preferring the benchmark's own configuration.</summary>
    public static string BuiltAssembly(string project)
    {
        var root = RepositoryRoot();
#if DEBUG
        string[] configurations = ["Debug", "Release"];
#else
        string[] configurations = ["Release", "Debug"];
#endif
        foreach (var configuration in configurations)
        {
            var dll = Path.Combine(root, "src", project, "bin", configuration, "net10.0", project + ".dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException($"{project}.dll is not built under {Path.Combine(root, "src", project, "bin")}; run `dotnet build -c Release src/{project}` or pass its path.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"KnowledgeGraph.sln not found above {AppContext.BaseDirectory}");
    }

    public static string Mb(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F0} MB");

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    /// <summary>The 1-minute load average (/proc/loadavg): on a shared machine it says how far to trust the figures.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    internal static StringBuilder Line(this StringBuilder builder, string text) => builder.Append(text).Append('\n');
}
