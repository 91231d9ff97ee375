namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// An in-memory index built from the SQLite file on first use: once, whoever asks first, and a failed or cancelled
/// build is tried again by the next caller. <see cref="Reset"/> (after an import) drops it, so the next use builds it
/// from the new file and it can never drift from it; a read in flight keeps the index it started with.
/// </summary>
internal sealed class FileIndex<T>(Func<Task<T>> build)
{
    private readonly Lock _lock = new();
    private Task<T>? _built;

    public Task<T> GetAsync()
    {
        lock (_lock)
        {
            if (_built is null || _built.IsFaulted || _built.IsCanceled)
                // Not a request's token: the index outlives the request that happened to start it.
                _built = Task.Run(build);
            return _built;
        }
    }

    public void Reset()
    {
        lock (_lock) _built = null;
    }
}
