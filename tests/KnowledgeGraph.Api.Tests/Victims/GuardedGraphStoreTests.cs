using System.Text.Json;
using KnowledgeGraph.Api.Storage;
using KnowledgeGraph.Api.Tests.Features;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Api.Tests.Victims;

/// <summary>The guard must hold even over an adapter that leaks: one that names a protected victim and links her to a person.</summary>
public sealed class GuardedGraphStoreTests
{
    private static readonly Dictionary<string, object?> Protected = new() { ["role"] = "victim", ["descriptor"] = "woman who reported an officer", ["anonymity"] = "protected" };
    private static readonly GraphNode LeakyVictim = new("victim:leak", Labels.VictimRole, "Jane Realname", ["Janey"], Protected, ["source:s"]);
    private static readonly GraphNode Person = new("person:jane-realname", Labels.Person, "Jane Realname", [], new Dictionary<string, object?>(), []);
    private static readonly GraphNode Case = new("case:c", Labels.Case, "A case", [], new Dictionary<string, object?>(), ["source:s"]);
    private static readonly GraphRelationship HasVictim = new("HAS_VICTIM:case:c->victim:leak", RelationshipTypes.HasVictim, Case.Id, LeakyVictim.Id, new Dictionary<string, object?>(), ["source:s"]);
    private static readonly GraphRelationship Identified = new("IDENTIFIED_AS:victim:leak->person:jane-realname", RelationshipTypes.IdentifiedAs, LeakyVictim.Id, Person.Id, new Dictionary<string, object?>(), ["source:s"]);

    private static readonly string Expected = VictimProtection.DisplayName(Protected);

    [Fact]
    public async Task A_leaky_adapter_export_comes_out_with_the_victim_unnamed_and_unlinked()
    {
        var guarded = new GuardedGraphStore(new LeakyStore());
        var export = await guarded.ExportAsync(CancellationToken.None);
        var victim = export.Nodes.Single(n => n.Id == LeakyVictim.Id);
        Assert.Equal(Expected, victim.Name);
        Assert.Empty(victim.Aliases);
        Assert.DoesNotContain(export.Relationships, r => r.Type == RelationshipTypes.IdentifiedAs);
        Assert.DoesNotContain(export.Nodes, n => n.Id == Person.Id);
        Assert.DoesNotContain("Jane", JsonSerializer.Serialize(export));
    }

    [Fact]
    public async Task A_leaky_adapter_node_and_search_answers_come_out_protected()
    {
        var guarded = new GuardedGraphStore(new LeakyStore());
        var detail = await guarded.GetNodeAsync(LeakyVictim.Id, 10, CancellationToken.None);
        Assert.Equal(Expected, detail!.Node.Name);
        Assert.DoesNotContain(detail.Relationships, r => r.Type == RelationshipTypes.IdentifiedAs);
        Assert.Equal(1, detail.RelationshipsTotal);
        var caseDetail = await guarded.GetNodeAsync(Case.Id, 10, CancellationToken.None);
        Assert.Equal(Expected, caseDetail!.Relationships.Single().Other.Name);
        var search = await guarded.SearchAsync(new SearchQuery("jane", null, 10), CancellationToken.None);
        Assert.Equal(Expected, search.Hits.Single(h => h.Id == LeakyVictim.Id).Name);
        Assert.Empty(search.Hits.Single(h => h.Id == LeakyVictim.Id).Aliases);
    }

    private sealed class LeakyStore : TestStore
    {
        protected override Task<T> Answer<T>(CancellationToken cancellationToken) => throw new NotSupportedException();

        private static readonly SourceRef Source = new("source:s", "A report", "report", null, null, null, "s.txt");

        public override Task<NodeDetail?> GetNodeAsync(string id, int relationshipLimit, CancellationToken cancellationToken) =>
            Task.FromResult<NodeDetail?>(id switch
            {
                "victim:leak" => new NodeDetail(LeakyVictim,
                [
                    new RelationshipView(Identified.Id, Identified.Type, Direction.Out, NodeRef.Of(Person), Identified.Properties, null, [Source]),
                    new RelationshipView(HasVictim.Id, HasVictim.Type, Direction.In, NodeRef.Of(Case), HasVictim.Properties, null, [Source]),
                ], false, [Source], 2),
                "case:c" => new NodeDetail(Case,
                    [new RelationshipView(HasVictim.Id, HasVictim.Type, Direction.Out, NodeRef.Of(LeakyVictim), HasVictim.Properties, null, [Source])],
                    false, [Source], 1),
                _ => null,
            });

        public override Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
            Task.FromResult(new SearchResult([new SearchHit(LeakyVictim.Id, LeakyVictim.Label, LeakyVictim.Name, LeakyVictim.Aliases)], false));

        public override async IAsyncEnumerable<GraphNode> ExportNodesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var node in new[] { Case, LeakyVictim, Person }) yield return node;
        }

        public override async IAsyncEnumerable<GraphRelationship> ExportRelationshipsAsync(string? type,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var rel in new[] { HasVictim, Identified }.Where(r => type is null || r.Type == type)) yield return rel;
        }
    }
}
