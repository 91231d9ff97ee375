using System.Threading.Channels;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Reads and writes at the same time: <paramref name="read"/> (the validator, e.g. <c>DatasetReader.Read</c>) runs on
    /// its own thread and hands over each part it has checked; an empty store inserts the parts as they come, on this
    /// thread, inside one transaction. Only when reading is done and gave a valid dataset is anything committed, so the
    /// guarantee is <see cref="ImportAsync"/>'s: an invalid dataset, or any failure, leaves the store as it was.
    /// Returns null (nothing written) when <paramref name="read"/> gives no dataset.
    /// </summary>
    /// <remarks>
    /// On a two-core machine this takes the writing off the critical path: a national graph takes as long to check as to
    /// insert. Once the reader has handed over its last part (<see cref="DatasetPart.IsLast"/>), the indexes are built
    /// while it runs the checks across the whole dataset. A store that is not empty, or a dataset that is not exactly the
    /// parts written (withheld facts leave it at the end), is written by <see cref="ImportAsync"/> once reading is done,
    /// as if the two had not overlapped.
    /// </remarks>
    public async Task<ImportSummary?> ImportWhileReadingAsync(Func<Action<DatasetPart>, Dataset?> read, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        // A few files' worth of parts in flight at most: the writer keeps up or the reader waits, so memory stays what the
        // dataset needs anyway (the validator keeps every item it hands over).
        var parts = Channel.CreateBounded<DatasetPart>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() =>
        {
            try
            {
                var handed = new List<DatasetPart>();
                var dataset = read(part =>
                {
                    handed.Add(part);
                    parts.Writer.WriteAsync(part, stop.Token).AsTask().GetAwaiter().GetResult();
                });
                parts.Writer.TryComplete();
                // Whether the rows written are the dataset: worked out here, on the reader's thread, while the writer
                // builds the indexes (the writer wrote exactly the parts handed over, in order, or failed).
                return new Reading(dataset, dataset is not null && IsExactly(dataset, handed) && IsSelfContained(dataset));
            }
            catch (Exception ex)
            {
                parts.Writer.TryComplete(ex);
                throw;
            }
        }, CancellationToken.None);

        try
        {
            var summary = await WriteWhileReadingAsync(parts.Reader, reading, progress, cancellationToken);
            if (summary is not null) return summary;
        }
        catch
        {
            // The reader may be waiting to hand over a part nobody will take: stop it, then report the first failure.
            await stop.CancelAsync();
            try { await reading; } catch { /* the write's failure is the one to report */ }
            throw;
        }

        var whole = (await reading).Dataset;
        return whole is null ? null : await ImportAsync(whole, progress, cancellationToken);
    }

    /// <summary>What the reader gave: the dataset (null when invalid), and whether it is exactly the self-contained rows
    /// handed over, so the bulk load written meanwhile stands.</summary>
    private sealed record Reading(Dataset? Dataset, bool IsWhatWasHanded);

    /// <summary>The bulk path fed by parts: the summary, or null when the dataset must be written by ImportAsync after all
    /// (or is invalid, which ImportAsync's caller then learns from the reading).</summary>
    private async Task<ImportSummary?> WriteWhileReadingAsync(ChannelReader<DatasetPart> parts, Task<Reading> reading,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        // A filled store takes the upsert, which needs the whole dataset: let the reader finish, holding no write lock
        // meanwhile (and check again inside the transaction, in case another writer filled it since).
        if (!IsEmpty(connection)) return await DrainAsync(parts, cancellationToken);
        Execute(connection, ImportPragmas);
        // Foreign keys off as for a self-contained dataset (see ImportAsync); whether it is one is checked before commit.
        Execute(connection, "PRAGMA foreign_keys = OFF;");
        await using var transaction = connection.BeginTransaction();
        if (!IsEmpty(connection)) return await DrainAsync(parts, cancellationToken);

        ImportSummary summary;
        using (var writer = new BulkWriter(connection, progress, cancellationToken))
        {
            await foreach (var part in parts.ReadAllAsync(cancellationToken))
            {
                writer.Write(part.Nodes, part.Relationships, 0, 0);
                if (part.IsLast) break;
            }
            // The indexes are built while the reader runs its checks across the whole dataset (a second of a national
            // one), rather than after them; wasted only when the dataset turns out invalid, and then rolled back.
            summary = writer.Finish();
            // A part after the last is not what the reader promised, and was not written: ImportAsync writes the dataset.
            var partAfterTheLast = await AnyMoreAsync(parts, cancellationToken);
            var (dataset, isWhatWasHanded) = await reading;
            if (dataset is null || !isWhatWasHanded || partAfterTheLast) return null; // rolled back on dispose
            await WriteFactNotesAsync(connection, dataset, cancellationToken);
        }
        await CommitImportAsync(connection, transaction, cancellationToken);
        return summary;
    }

    // Takes the parts left without writing them, so the reader is never left waiting: null, the summary of nothing written.
    private static async Task<ImportSummary?> DrainAsync(ChannelReader<DatasetPart> parts, CancellationToken cancellationToken)
    {
        await AnyMoreAsync(parts, cancellationToken);
        return null;
    }

    // The same, saying whether any part was left.
    private static async Task<bool> AnyMoreAsync(ChannelReader<DatasetPart> parts, CancellationToken cancellationToken)
    {
        var any = false;
        await foreach (var _ in parts.ReadAllAsync(cancellationToken)) any = true;
        return any;
    }

    // Whether the dataset holds exactly the items written, in order: the same objects, so the same rows.
    private static bool IsExactly(Dataset dataset, List<DatasetPart> written)
    {
        int node = 0, relationship = 0;
        foreach (var part in written)
        {
            foreach (var n in part.Nodes)
                if (node >= dataset.Nodes.Count || !ReferenceEquals(dataset.Nodes[node++], n)) return false;
            foreach (var r in part.Relationships)
                if (relationship >= dataset.Relationships.Count || !ReferenceEquals(dataset.Relationships[relationship++], r)) return false;
        }
        return node == dataset.Nodes.Count && relationship == dataset.Relationships.Count;
    }
}
