namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Placeholder until the Neo4j adapter lands.</summary>
public static class Neo4jAdapterInfo
{
    public const string QueryApiPath = "/db/{database}/query/v2";
}
