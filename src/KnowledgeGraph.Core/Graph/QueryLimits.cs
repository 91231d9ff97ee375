namespace KnowledgeGraph.Core.Graph;

/// <summary>The one place that says how much a single request may ask of a store.</summary>
public static class QueryLimits
{
    public const int MaxDepth = 3;
    public const int MaxHops = 6;
    public const int DefaultHops = 4;
    public const int MaxResults = 500;
    public const int DefaultResults = 50;
    public const int DefaultNeighbourhoodNodes = 150;
    public const int MaxPaths = 10;
    public const int RelationshipsPerNode = 500;

    /// <summary>A node with at least this many relationships is reported as a hub when a path goes through it.</summary>
    public const int HubDegree = 25;
}
