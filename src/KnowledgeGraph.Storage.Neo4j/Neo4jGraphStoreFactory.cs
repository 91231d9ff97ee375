using KnowledgeGraph.Storage.Neo4j.QueryApi;

namespace KnowledgeGraph.Storage.Neo4j;

public static class Neo4jGraphStoreFactory
{
    /// <summary>
    /// The store for a server. Throws <see cref="ArgumentException"/> listing every problem when the options cannot be
    /// used (checked once, by the Query API client), so callers need no checks of their own.
    /// </summary>
    public static Neo4jGraphStore Create(Neo4jOptions options, TimeProvider? time = null) =>
        new(new QueryApiClient(new HttpClient(), options), options, time ?? TimeProvider.System);
}
