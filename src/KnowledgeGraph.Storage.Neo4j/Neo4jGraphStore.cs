using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j.QueryApi;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The graph on a Neo4j server, through its HTTP Query API. Every statement comes from cypher/ by name; the store
/// fetches facts and leaves deciding (served together, ordering, sentences, search ranking) to Core's rules, so it
/// answers exactly as the embedded SQLite store does for the same data.
/// </summary>
public sealed partial class Neo4jGraphStore(QueryApiClient client, Neo4jOptions options, TimeProvider time) : IGraphStore
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private Task<QueryResult> RunAsync(string statement, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        client.RunAsync(CypherStatements.Get(statement), Parameters(parameters), cancellationToken);

    private static Dictionary<string, object?> Parameters(IEnumerable<(string Name, object? Value)> parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    public async Task<GraphCounts> GetCountsAsync(CancellationToken cancellationToken)
    {
        var labels = await RunAsync("count-nodes-by-label", cancellationToken);
        var types = await RunAsync("count-relationships-by-type", cancellationToken);
        return new GraphCounts(
            labels.Rows.ToDictionary(r => r.RequiredString("label"), r => r.Int("count")),
            types.Rows.ToDictionary(r => r.RequiredString("type"), r => r.Int("count")));
    }

    private async Task<Dictionary<string, GraphNode>> LoadNodesAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0) return new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var result = await RunAsync("get-nodes", cancellationToken, ("ids", wanted));
        return result.Rows.Select(r => Neo4jValues.ToNode(r["node"])).ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    private async Task<GraphNode?> LoadNodeAsync(string id, CancellationToken cancellationToken) =>
        (await LoadNodesAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>Citations for cited sources (ids, locators ignored), with their publisher's name; unknown ids are skipped.</summary>
    private async Task<Dictionary<string, SourceRef>> LoadSourceRefsAsync(IEnumerable<string> sourceIds, CancellationToken cancellationToken)
    {
        var wanted = Citation.SourceIds(sourceIds).ToArray();
        if (wanted.Length == 0) return new Dictionary<string, SourceRef>(StringComparer.Ordinal);
        var result = await RunAsync("get-sources", cancellationToken, ("ids", wanted));
        return result.Rows.Select(Neo4jValues.ToSourceRef).ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    private static GraphRelationship Relationship(QueryRow row) =>
        Neo4jValues.ToRelationship(row["relationship"], row.RequiredString("from"), row.RequiredString("to"));
}
