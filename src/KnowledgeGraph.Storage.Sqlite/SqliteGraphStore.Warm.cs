using System.Collections.Concurrent;
using System.Diagnostics;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>How long building the in-memory indexes took, in all and each.</summary>
public sealed record IndexWarmReport(TimeSpan Total, IReadOnlyDictionary<string, TimeSpan> Parts)
{
    public override string ToString() =>
        $"{(long)Total.TotalMilliseconds} ms ({string.Join(", ", Parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {(long)p.Value.TotalMilliseconds} ms"))})";
}

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Builds every in-memory index now (topology, service periods, case index, citation index, name index) instead of on
    /// the first request that needs one, so no reader pays a multi-second build inside its time budget. Each index is still
    /// built from the file and dropped after an import exactly as on first use; calling this is only ever an early start.
    /// </summary>
    public async Task<IndexWarmReport> WarmIndexesAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var parts = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        async Task Build(string name, Func<Task> build)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.StartNew();
            await build();
            parts[name] = started.Elapsed;
        }

        // Two lanes of about equal length: the builds are independent reads of the file, and done one after another they
        // left one of a two-core machine's cores idle for the whole build.
        var first = Task.Run(async () =>
        {
            // Built on this lane's own thread: these two are plain lazies, the others start their own task.
            await Build("topology", () => { Topology(); return Task.CompletedTask; });
            await Build("service periods", () => { _ = _serviceIndex.Value; return Task.CompletedTask; });
            await Build("names", () => _nameIndex.GetAsync());
        }, cancellationToken);
        var second = Task.Run(async () =>
        {
            await Build("cases", () => _caseIndex.GetAsync());
            await Build("citations", () => _citationIndex.GetAsync());
        }, cancellationToken);
        await Task.WhenAll(first, second).WaitAsync(cancellationToken);
        return new IndexWarmReport(clock.Elapsed, parts);
    }
}
