using System.Diagnostics;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Builds every in-memory index now (topology, service periods, case index, citation index, name index) instead of on
    /// the first request that needs one, so no reader pays a multi-second build inside its time budget. Each index is still
    /// built from the file and dropped after an import exactly as on first use; calling this is only ever an early start.
    /// </summary>
    public async Task<TimeSpan> WarmIndexesAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Task.Run(() =>
        {
            Topology();
            cancellationToken.ThrowIfCancellationRequested();
            _ = _serviceIndex.Value;
        }, cancellationToken);
        await _caseIndex.GetAsync().WaitAsync(cancellationToken);
        await _citationIndex.GetAsync().WaitAsync(cancellationToken);
        await _nameIndex.GetAsync().WaitAsync(cancellationToken);
        return clock.Elapsed;
    }
}
