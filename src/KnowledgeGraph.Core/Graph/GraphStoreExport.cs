using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Graph;

public static class GraphStoreExport
{
    /// <summary>The whole graph in memory, for tools and tests on small graphs; the API streams instead.</summary>
    public static async Task<Model.Dataset> ExportAsync(this IGraphStore store, CancellationToken cancellationToken)
    {
        var nodes = new List<GraphNode>();
        await foreach (var node in store.ExportNodesAsync(cancellationToken)) nodes.Add(node);
        var relationships = new List<GraphRelationship>();
        await foreach (var relationship in store.ExportRelationshipsAsync(null, cancellationToken)) relationships.Add(relationship);
        return new Model.Dataset(nodes, relationships);
    }
}
