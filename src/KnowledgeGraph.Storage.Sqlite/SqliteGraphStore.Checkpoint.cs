using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // SQLite's default: a connection that commits copies the write-ahead log into the file once the log holds this many pages.
    private const int AutoCheckpointPages = 1000;

    private volatile Task _checkpoint = Task.CompletedTask;

    /// <summary>
    /// Done when the checkpoint after the last import has copied the write-ahead log into the database file (see
    /// <see cref="CommitImportAsync"/>). kg-import waits for it, so the file it leaves holds the graph by itself; the API
    /// answers without waiting.
    /// </summary>
    public Task WhenCheckpointedAsync() => _checkpoint;

    /// <summary>
    /// Commits an import, then tells the in-memory indexes. The committing connection would also copy every page the
    /// import wrote from the write-ahead log into the file (SQLite's automatic checkpoint): for a national graph that is
    /// 300 MB, 2.5 s of the commit's 2.9 s, all before the API could answer. Here that copy runs after the commit, on a
    /// connection of its own. Nothing else changes: the commit is in the log either way (as durable as before), and
    /// readers read pages from the log until they are copied, as SQLite always does.
    /// </summary>
    private async Task CommitImportAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        Execute(connection, "PRAGMA wal_autocheckpoint = 0;");
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            // The connection goes back to the pool: it checkpoints after its own commits again.
            Execute(connection, $"PRAGMA wal_autocheckpoint = {AutoCheckpointPages};");
        }
        OnImported();
        _checkpoint = Task.Run(Checkpoint, CancellationToken.None);
    }

    private void Checkpoint()
    {
        try
        {
            // ReadWrite, not create: a store whose file was removed meanwhile gets no new empty file. Not pooled: it is
            // closed when done, and never the last connection while the store is in use (the pool keeps others open).
            var settings = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            using var connection = new SqliteConnection(settings.ToString());
            connection.Open();
            // PASSIVE: copies what no reader still needs; never waits for, or blocks, readers and writers.
            Execute(connection, "PRAGMA wal_checkpoint(PASSIVE);");
        }
        catch (SqliteException)
        {
            // Nothing depends on this one: SQLite checkpoints again after the next commit, and when the last connection closes.
        }
    }
}
