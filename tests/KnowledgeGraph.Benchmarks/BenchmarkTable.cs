using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Benchmarks;

/// <summary>The one markdown table the benchmark prints: every row with its target beside the figures.</summary>
public static class BenchmarkTable
{
    private const double GraphMlTargetSeconds = 60, FirstStartTargetSeconds = 30, RestartTargetSeconds = 5, MemoryTargetBytes = 1.5 * (1L << 30);
    private const double EmbeddedImportTarget = 100_000, Neo4jImportTarget = 20_000, Neo4jImporterTargetBytes = 1L << 30, LoadTargetPerSecond = 5_000;

    public static string Markdown(BenchmarkOptions options, GraphSample graph, StoreRun embedded, StoreRun? neo4j, string loadAtStart, string neo4jNote)
    {
        var md = new StringBuilder();
        md.Line(FormattableString.Invariant($"Graph: {graph.Nodes:N0} nodes, {graph.Relationships:N0} relationships ({options.Size.Officers:N0} officers, {options.Size.Cases:N0} cases, seed {options.Seed}). ")
            + FormattableString.Invariant($"Machine: {NationalBenchmark.Machine()}, load average {loadAtStart} at the start and {NationalBenchmark.LoadAverage()} at the end. Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. ")
            + FormattableString.Invariant($"Each row: warm-up passes over its ids for {options.WarmUp.TotalSeconds:0.#} s (at least one), then up to {options.Requests} timed requests (at most {options.RowBudget.TotalSeconds:0} s per row), ")
            + "milliseconds to the last byte through HTTP on 127.0.0.1; a non-2xx answer counts as an error.");
        md.Line("");
        var side = neo4j is not null;
        md.Line(side
            ? "| request | target (embedded) | embedded p50 / p99 / max (n) | met | target (Neo4j) | Neo4j p50 / p99 / max (n) | met | Neo4j ÷ embedded (p99) |"
            : "| request | target | embedded p50 / p99 / max (n) | met |");
        md.Line(side ? "|---|---|---|---|---|---|---|---|" : "|---|---|---|---|");
        var rows = RequestPlan.Rows(graph);
        for (var i = 0; i < embedded.Rows.Count; i++)
        {
            var row = rows[i];
            var e = embedded.Rows[i];
            var line = $"| {row.Name} | {Target(row.EmbeddedTargetMs)} | {Figures(e)} | {Met(e, row.EmbeddedTargetMs)} |";
            if (neo4j is not null)
            {
                var n = neo4j.Rows[i];
                line += $" {Target(row.Neo4jTargetMs)} | {Figures(n)} | {Met(n, row.Neo4jTargetMs)} | {Ratio(n.P99, e.P99)} |";
            }
            md.Line(line);
        }

        string Export(StoreRun run) => run.Export.Complete
            ? string.Create(CultureInfo.InvariantCulture, $"{run.Export.Time.TotalSeconds:F1} s, {NationalBenchmark.Mb(run.Export.Bytes)}, complete")
            : string.Create(CultureInfo.InvariantCulture, $"**incomplete** after {run.Export.Time.TotalSeconds:F1} s, {NationalBenchmark.Mb(run.Export.Bytes)}: {run.Export.Error}");
        Special("export GraphML of the whole graph", "complete, ≤ 60 s", Export(embedded), YesNo(embedded.Export.Complete && embedded.Export.Time.TotalSeconds <= GraphMlTargetSeconds),
            "complete", neo4j is null ? "" : Export(neo4j), neo4j is null ? "" : YesNo(neo4j.Export.Complete),
            neo4j is null ? "" : Ratio(neo4j.Export.Time.TotalMilliseconds, embedded.Export.Time.TotalMilliseconds));
        Special("first start (validate + import) / restart with unchanged data", "≤ 30 s / ≤ 5 s",
            // /health answers before the in-memory indexes are built; say when they were, so the start is not read as warm.
            string.Create(CultureInfo.InvariantCulture, $"{embedded.FirstStart.TotalSeconds:F1} s / {embedded.Restart?.TotalSeconds:F1} s")
                + (embedded.IndexesReady is { } ready ? string.Create(CultureInfo.InvariantCulture, $" (indexes built {ready.TotalSeconds:F1} s after the restart answered)") : ""),
            YesNo(embedded.FirstStart.TotalSeconds <= FirstStartTargetSeconds && embedded.Restart?.TotalSeconds <= RestartTargetSeconds),
            "–", neo4j is null ? "" : string.Create(CultureInfo.InvariantCulture, $"API start {neo4j.FirstStart.TotalSeconds:F1} s"), "", "");
        Special("API resident memory after the benchmark", "≤ 1.5 GB", NationalBenchmark.Mb(embedded.MemoryAfterRows), YesNo(embedded.MemoryAfterRows <= MemoryTargetBytes),
            "–", neo4j is null ? "" : NationalBenchmark.Mb(neo4j.MemoryAfterRows), "", "");
        var embeddedRate = graph.Relationships / embedded.FirstStart.TotalSeconds;
        var neo4jRate = neo4j?.Import is { } t ? graph.Relationships / t.TotalSeconds : 0;
        Special("import (relationships per second, end to end)", "≥ 100k/s",
            string.Create(CultureInfo.InvariantCulture, $"{embeddedRate:N0}/s ({graph.Relationships:N0} in {embedded.FirstStart.TotalSeconds:F1} s, first start)"),
            YesNo(embeddedRate >= EmbeddedImportTarget), "≥ 20k/s, importer ≤ 1 GB",
            neo4j is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{neo4jRate:N0}/s, importer peak {NationalBenchmark.Mb(neo4j.ImporterPeak)}"),
            neo4j is null ? "" : YesNo(neo4jRate >= Neo4jImportTarget && neo4j.ImporterPeak <= Neo4jImporterTargetBytes), "");
        string Load(LoadResult l) => string.Create(CultureInfo.InvariantCulture,
            $"{l.PerSecond:N0} requests/s ({l.Requests:N0} in {l.Duration.TotalSeconds:F0} s, {l.Clients} clients), p99 {l.P99:F1} ms, errors {(l.ErrorCount == 0 ? "0" : Errors(l.Errors))}, memory {NationalBenchmark.Mb(l.MemoryBefore)} → {NationalBenchmark.Mb(l.MemoryAfter)}");
        string LoadMet(LoadResult l) => YesNo(l.PerSecond >= LoadTargetPerSecond && l.ErrorCount == 0 && l.MemoryAfter <= l.MemoryBefore * 1.25);
        Special("load: the rows above mixed, bounded clients (response cache on, as served)", "≥ 5,000/s, 0 errors, memory flat", Load(embedded.Load),
            LoadMet(embedded.Load), "report", neo4j is null ? "" : Load(neo4j.Load), "",
            neo4j is null ? "" : Ratio(embedded.Load.PerSecond, neo4j.Load.PerSecond) + " (embedded ÷ Neo4j throughput)");
        Special("load: the same mix, every answer worked out (Cache-Control: no-cache)", "≥ 5,000/s, 0 errors, memory flat", Load(embedded.FreshLoad),
            LoadMet(embedded.FreshLoad), "report", neo4j is null ? "" : Load(neo4j.FreshLoad), "",
            neo4j is null ? "" : Ratio(embedded.FreshLoad.PerSecond, neo4j.FreshLoad.PerSecond) + " (embedded ÷ Neo4j throughput)");
        md.Line("").Line(Cold(embedded));
        if (neo4j is not null) md.Line("").Line(Cold(neo4j));
        if (neo4j is null) md.Line("").Line(neo4jNote);
        return md.ToString().TrimEnd();

        void Special(string name, string target, string figure, string met, string neoTarget, string neoFigure, string neoMet, string ratio) =>
            md.Line(side ? $"| {name} | {target} | {figure} | {met} | {neoTarget} | {neoFigure} | {neoMet} | {ratio} |" : $"| {name} | {target} | {figure} | {met} |");
    }

    public static string Errors(IReadOnlyDictionary<string, int> errors) =>
        string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value}× {e.Key}"));

    /// <summary>Writes the table between this section's markers, adding them at the end when the file has none.</summary>
    public static void WriteInto(string path, string section, string markdown)
    {
        string begin = $"<!-- bench:{section}:begin -->", end = $"<!-- bench:{section}:end -->";
        var block = $"{begin}\n{markdown}\n{end}";
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = start >= 0 && stop > start
            ? text[..start] + block + text[(stop + end.Length)..]
            : (text.Length == 0 ? "" : text.TrimEnd() + "\n\n") + block + "\n";
        File.WriteAllText(path, text);
    }

    // The rows above are warm; this says what the first pass after the start gave, so a cold process is not hidden.
    private static string Cold(StoreRun run) =>
        $"{run.Store}, the first warm-up pass of each row (one request per id, the process just started; p50 / max): "
        + string.Join("; ", run.Rows.Where(r => r.Cold is { Count: > 0 }).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Name} {Ms(r.Cold!.P50)} / {Ms(r.Cold.Max)}"))) + ".";

    private static string Figures(RowResult r)
    {
        var figures = r.Count == 0 ? "no answer" : string.Create(CultureInfo.InvariantCulture, $"{Ms(r.P50)} / {Ms(r.P99)} / {Ms(r.Max)} ({r.Count})");
        return r.ErrorCount == 0 ? figures : $"{figures}, **errors: {Errors(r.Errors)}**";
    }

    private static string Ms(double ms) => ms switch
    {
        double.NaN => "–",
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{ms:F2} ms"),
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{ms:F0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:F2} s"),
    };

    private static string Target(double? ms) => ms is { } t ? $"≤ {t:0} ms" : "report";

    private static string Met(RowResult r, double? target) =>
        r.ErrorCount > 0 || r.Count == 0 ? "no" : target is { } t ? YesNo(r.P99 <= t) : "–";

    private static string YesNo(bool met) => met ? "yes" : "no";

    private static string Ratio(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) || b <= 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{a / b:F1}×");
}
