using System.Runtime.CompilerServices;
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

    public async Task<SourceEvidence?> GetSourceEvidenceAsync(string sourceId, PageRequest page, CancellationToken cancellationToken)
    {
        var source = await LoadNodeAsync(sourceId, cancellationToken);
        if (source is null || source.Label != Labels.Source) return null;
        var refs = await LoadSourceRefsAsync([sourceId], cancellationToken);

        // The page runs over the citing nodes, then the citing relationships: the node part decides where the second starts.
        var offset = page.Offset;
        var nodeRow = (await RunAsync("source-citing-nodes", cancellationToken, ("sourceId", sourceId), ("skip", offset), ("limit", page.Limit))).Rows.Single();
        var nodeTotal = nodeRow.Int("total");
        var nodes = nodeRow["nodes"].EnumerateArray().Select(n => CitingNode.Of(Neo4jValues.ToNode(n))).ToList();
        var relationshipRow = (await RunAsync("source-citing-relationships", cancellationToken, ("sourceId", sourceId),
            ("skip", Math.Max(0, offset - nodeTotal)), ("limit", page.Limit - nodes.Count))).Rows.Single();
        var relationshipTotal = relationshipRow.Int("total");
        var relationships = relationshipRow["relationships"].EnumerateArray()
            .Select(row =>
            {
                var from = Neo4jValues.ToNode(row.GetProperty("fromNode"));
                var to = Neo4jValues.ToNode(row.GetProperty("toNode"));
                var r = Neo4jValues.ToRelationship(row.GetProperty("relationship"), from.Id, to.Id);
                return new CitedRelationship(r.Id, r.Type, NodeRef.Of(from), NodeRef.Of(to), r.Properties, r.Properties.LegalStatus(), r.Sources);
            })
            .ToList();
        var slice = EvidencePaging.Slice(nodeTotal, relationshipTotal, page);
        return new SourceEvidence(refs[sourceId], source, nodeTotal, relationshipTotal, nodeTotal + relationshipTotal, slice.Next, nodes, relationships);
    }

    /// <summary>Export pages: each a bounded request, so a whole-graph export never needs one huge answer from the server.</summary>
    private const int ExportPage = 5000;

    public async IAsyncEnumerable<GraphNode> ExportNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var rows = (await RunAsync("export-nodes", cancellationToken, ("after", after), ("limit", ExportPage))).Rows;
            foreach (var row in rows) yield return Neo4jValues.ToNode(row["node"]);
            if (rows.Count < ExportPage) yield break;
            after = Neo4jValues.ToNode(rows[^1]["node"]).Id;
        }
    }

    public async IAsyncEnumerable<GraphRelationship> ExportRelationshipsAsync(string? type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (type == RelationshipTypes.IdentifiedAs)
        {
            foreach (var row in (await RunAsync("export-identified-as", cancellationToken)).Rows) yield return Relationship(row);
            yield break;
        }
        var after = "";
        while (true)
        {
            var rows = (await RunAsync("export-relationships", cancellationToken, ("after", after), ("limit", ExportPage), ("type", type))).Rows;
            foreach (var row in rows.Where(r => r["relationship"].ValueKind == System.Text.Json.JsonValueKind.Object)) yield return Relationship(row);
            var starts = rows.Select(r => r.RequiredString("start")).Distinct(StringComparer.Ordinal).Count();
            if (starts < ExportPage) yield break;
            after = rows[^1].RequiredString("start");
        }
    }
}
