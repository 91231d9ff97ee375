namespace KnowledgeGraph.Api.Storage;

/// <summary>
/// Whether the embedded store's in-memory indexes are built yet (they are built in the background after start-up);
/// null for a store that keeps none (Neo4j). /health reports it, so a client or a benchmark can wait for a warm server.
/// </summary>
public sealed class IndexWarmth
{
    private volatile int _state; // 0 none, 1 building, 2 ready

    public bool? Ready => _state switch { 1 => false, 2 => true, _ => null };

    public void Building() => _state = 1;

    public void Built() => _state = 2;
}
