using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<NodeDetail?> GetNodeAsync(string id, int relationshipLimit, CancellationToken cancellationToken)
    {
        var node = await LoadNodeAsync(id, cancellationToken);
        if (node is null) return null;

        // At most the limit, already in NodeDetails' order, and the true count beside them.
        var rows = (await RunAsync("get-node-relationships", cancellationToken, ("id", id), ("limit", relationshipLimit))).Rows;
        var relationships = rows.Select(Relationship).ToList();
        var total = (await RunAsync("get-degrees", cancellationToken, ("ids", new[] { id }))).Rows.Select(r => r.Int("degree")).FirstOrDefault();
        var others = rows.Select(r => Neo4jValues.ToNode(r["other"])).DistinctBy(n => n.Id).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var refs = await LoadSourceRefsAsync(NodeDetails.CitedIds(node, relationships), cancellationToken);
        return NodeDetails.Build(node, relationships, others, refs, relationshipLimit, total);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var lucene = Neo4jValues.LuceneQuery(query.Text);
        if (lucene is null) return new SearchResult([], false);
        var result = await RunAsync("search-names", cancellationToken,
            ("query", lucene), ("label", query.Label), ("limit", QueryLimits.MaxResults * 4));
        var candidates = result.Rows.Select(r => Neo4jValues.ToNode(r["node"]));
        return SearchRanking.Rank(candidates.Select(n => new SearchHit(n.Id, n.Label, n.Name, n.Aliases)), query.Text, query.Limit);
    }

    public async Task<SourceEvidence?> GetSourceEvidenceAsync(string sourceId, CancellationToken cancellationToken)
    {
        var source = await LoadNodeAsync(sourceId, cancellationToken);
        if (source is null || source.Label != Labels.Source) return null;
        var refs = await LoadSourceRefsAsync([sourceId], cancellationToken);

        var nodes = (await RunAsync("source-citing-nodes", cancellationToken, ("sourceId", sourceId))).Rows
            .Select(r => NodeRef.Of(Neo4jValues.ToNode(r["node"]))).ToList();
        var relationships = (await RunAsync("source-citing-relationships", cancellationToken, ("sourceId", sourceId))).Rows
            .Select(row =>
            {
                var from = Neo4jValues.ToNode(row["fromNode"]);
                var to = Neo4jValues.ToNode(row["toNode"]);
                var r = Neo4jValues.ToRelationship(row["relationship"], from.Id, to.Id);
                return new CitedRelationship(r.Id, r.Type, NodeRef.Of(from), NodeRef.Of(to), r.Properties, r.Properties.LegalStatus(), r.Sources);
            })
            .ToList();
        return new SourceEvidence(refs[sourceId], source, nodes, relationships);
    }

    public async Task<Dataset> ExportAsync(CancellationToken cancellationToken)
    {
        var nodes = (await RunAsync("export-nodes", cancellationToken)).Rows.Select(r => Neo4jValues.ToNode(r["node"])).ToList();
        var relationships = (await RunAsync("export-relationships", cancellationToken)).Rows.Select(Relationship).ToList();
        return new Dataset(nodes, relationships);
    }
}
