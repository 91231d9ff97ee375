using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Records;
using KnowledgeGraph.Records.Building;

namespace KnowledgeGraph.Importer;

/// <summary>
/// What the importer prints about records tables: progress while reading (rows/s per table; a line redrawn in place
/// on a terminal, plain lines when redirected, so logs stay readable), per-table figures and warnings.
/// </summary>
internal static class RecordsConsole
{
    public const int ErrorsShown = 200;

    private static bool Interactive(TextWriter writer) => ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;

    public static IProgress<TableProgress> Progress(TextWriter writer) => new Synchronous<TableProgress>(p =>
    {
        var line = $"reading {p.File}: {p.Rows:N0} rows, {p.RowsPerSecond:N0} rows/s";
        if (Interactive(writer)) writer.Write(p.Done ? $"\r{line}\n" : $"\r{line}   ");
        else writer.WriteLine(p.Done ? $"{line} (done)" : line);
    });

    /// <summary>Write progress every tenth of the way (stores report every item).</summary>
    public static IProgress<ImportProgress> WriteProgress(TextWriter writer)
    {
        var started = DateTime.UtcNow;
        return new Synchronous<ImportProgress>(p =>
        {
            if (p.Total < 10_000 || (p.Done % Math.Max(1, p.Total / 10) != 0 && p.Done != p.Total)) return;
            var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
            var line = $"writing {p.Stage}: {p.Done:N0}/{p.Total:N0}, {p.Done / seconds:N0}/s";
            if (Interactive(writer)) writer.Write(p.Done == p.Total ? $"\r{line}\n" : $"\r{line}   ");
            else writer.WriteLine(line);
        });
    }

    public static void Report(DatasetReadResult read, TextWriter output)
    {
        foreach (var table in read.Tables)
            output.WriteLine($"table {table.File}: {table.Rows:N0} rows in {table.Elapsed.TotalMilliseconds:N0} ms ({table.RowsPerSecond:N0} rows/s)");
        if (read.Warnings.Count == 0) return;
        output.WriteLine($"{read.Warnings.Sum(w => w.Count):N0} warning(s):");
        foreach (var warning in read.Warnings) output.WriteLine($"  warning: {warning}");
    }

    // Progress<T> posts to the thread pool, so lines would arrive late and out of order; print on the caller's thread.
    private sealed class Synchronous<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
