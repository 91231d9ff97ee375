using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using Dataset = KnowledgeGraph.Core.Model.Dataset;

namespace KnowledgeGraph.Api.Storage;

/// <summary>
/// The store as the API sees it. Two guarantees that must not depend on every adapter getting them right:
/// <list type="bullet">
/// <item>Victims are protected: a VictimRole is only ever shown by <see cref="VictimProtection.DisplayName(IReadOnlyDictionary{string, object?})"/>
/// of its own properties, with no aliases, and an IDENTIFIED_AS from a role that is not public is dropped (with any
/// Person only it reached), so no response or export can name someone the dataset must not.</item>
/// <item>Every call ends when the request's budget does, even if an adapter ignores its CancellationToken.</item>
/// </list>
/// Replies and corrections are attached to what is shown, after protection, by <see cref="FactNoteAnnotator"/>.
/// </summary>
public sealed class GuardedGraphStore(IGraphStore inner, FactNoteAnnotator? notes = null) : IGraphStore
{
    private readonly FactNoteAnnotator _notes = notes ?? FactNoteAnnotator.None;

    private sealed record Victim(string DisplayName, bool MayBeIdentified);

    private static readonly Victim Unknown = new("Victim (details withheld)", false);

    // Victim roles seen so far; cleared on import. Only roles that appear in answers are looked up.
    private readonly ConcurrentDictionary<string, Victim> _victims = new(StringComparer.Ordinal);

    public async Task<ImportSummary> ImportAsync(Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var summary = await inner.ImportAsync(dataset, progress, cancellationToken).WaitAsync(cancellationToken);
        _victims.Clear();
        return summary;
    }

    public Task<GraphCounts> GetCountsAsync(CancellationToken cancellationToken) =>
        inner.GetCountsAsync(cancellationToken).WaitAsync(cancellationToken);

    public async Task<NodeDetail?> GetNodeAsync(string id, int relationshipLimit, CancellationToken cancellationToken)
    {
        var detail = await inner.GetNodeAsync(id, relationshipLimit, cancellationToken).WaitAsync(cancellationToken);
        if (detail is null) return null;
        var node = Protect(detail.Node);
        var relationships = new List<RelationshipView>();
        foreach (var view in detail.Relationships)
        {
            if (view.Type == RelationshipTypes.IdentifiedAs)
            {
                var roleId = view.Direction == Direction.Out ? node.Id : view.Other.Id;
                if (!(await VictimAsync(roleId, cancellationToken)).MayBeIdentified) continue;
            }
            relationships.Add(view with { Other = await ProtectAsync(view.Other, cancellationToken) });
        }
        // What the guard holds back is not counted either.
        return await _notes.AttachAsync(detail with { Node = node, Relationships = relationships,
            RelationshipsTotal = detail.RelationshipsTotal - (detail.Relationships.Count - relationships.Count) }, cancellationToken);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var result = await inner.SearchAsync(query, cancellationToken).WaitAsync(cancellationToken);
        var hits = new List<SearchHit>();
        foreach (var hit in result.Hits)
            hits.Add(hit.Label == Labels.VictimRole
                ? hit with { Name = (await VictimAsync(hit.Id, cancellationToken)).DisplayName, Aliases = [] }
                : hit);
        return await _notes.AttachAsync(result with { Hits = hits }, cancellationToken);
    }

    public async Task<Subgraph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken)
    {
        var graph = await inner.GetNeighbourhoodAsync(query, cancellationToken).WaitAsync(cancellationToken);
        if (graph is null) return null;
        var (nodes, relationships) = await ProtectGraphAsync(graph.Nodes, graph.Relationships, cancellationToken);
        return await _notes.AttachAsync(graph with { Nodes = nodes, Relationships = relationships }, cancellationToken);
    }

    public async Task<PathResult?> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        var result = await inner.FindShortestPathsAsync(query, cancellationToken).WaitAsync(cancellationToken);
        if (result is null) return null;
        var paths = new List<GraphPath>();
        foreach (var path in result.Paths)
        {
            if (await ProtectPathAsync(path, cancellationToken) is { } kept) paths.Add(kept);
        }
        return await _notes.AttachAsync(result with { Paths = paths }, cancellationToken);
    }

    public async Task<ServedTogetherResult?> FindServedTogetherAsync(ServedTogetherQuery query, CancellationToken cancellationToken) =>
        await inner.FindServedTogetherAsync(query, cancellationToken).WaitAsync(cancellationToken) is { } result
            ? await _notes.AttachAsync(result, cancellationToken) : null;

    public async Task<OrganisationServedTogether?> FindServedTogetherAtAsync(OrganisationServedTogetherQuery query, CancellationToken cancellationToken) =>
        await inner.FindServedTogetherAtAsync(query, cancellationToken).WaitAsync(cancellationToken) is { } result
            ? await _notes.AttachAsync(result, cancellationToken) : null;

    public async Task<CaseTimeline?> GetCaseTimelineAsync(string caseId, CancellationToken cancellationToken) =>
        await inner.GetCaseTimelineAsync(caseId, cancellationToken).WaitAsync(cancellationToken) is { } timeline
            ? await _notes.AttachAsync(timeline, cancellationToken) : null;

    public Task<CaseConnectionFacts?> GetCaseConnectionFactsAsync(string caseId, CancellationToken cancellationToken) =>
        inner.GetCaseConnectionFactsAsync(caseId, cancellationToken).WaitAsync(cancellationToken);

    public Task<IReadOnlyList<CaseOutcome>> GetCaseOutcomesAsync(string? forceId, string? category, CancellationToken cancellationToken) =>
        inner.GetCaseOutcomesAsync(forceId, category, cancellationToken).WaitAsync(cancellationToken);

    public async Task<SourceEvidence?> GetSourceEvidenceAsync(string sourceId, PageRequest page, CancellationToken cancellationToken)
    {
        var evidence = await inner.GetSourceEvidenceAsync(sourceId, page, cancellationToken).WaitAsync(cancellationToken);
        if (evidence is null) return null;
        var nodes = new List<CitingNode>();
        foreach (var node in evidence.Nodes)
            nodes.Add(node.Label == Labels.VictimRole ? node with { Name = (await VictimAsync(node.Id, cancellationToken)).DisplayName } : node);
        var relationships = new List<CitedRelationship>();
        foreach (var rel in evidence.Relationships)
        {
            if (rel.Type == RelationshipTypes.IdentifiedAs && !(await VictimAsync(rel.From.Id, cancellationToken)).MayBeIdentified) continue;
            relationships.Add(rel with { From = await ProtectAsync(rel.From, cancellationToken), To = await ProtectAsync(rel.To, cancellationToken) });
        }
        return await _notes.AttachAsync(evidence with { Node = Protect(evidence.Node), Nodes = nodes, Relationships = relationships }, cancellationToken);
    }

    // Export streams element by element, so the guard decides per element: a pre-pass over IDENTIFIED_AS (a few rows)
    // finds the links it must drop and the persons only they reach; every node and relationship is then checked as it passes.

    public async IAsyncEnumerable<GraphNode> ExportNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var hidden = await HiddenPeopleAsync(cancellationToken);
        await foreach (var node in inner.ExportNodesAsync(cancellationToken).WithCancellation(cancellationToken))
        {
            if (hidden.Contains(node.Id)) continue;
            if (node.Label == Labels.VictimRole) Remember(node);
            yield return Protect(node);
        }
    }

    public async IAsyncEnumerable<GraphRelationship> ExportRelationshipsAsync(string? type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var rel in inner.ExportRelationshipsAsync(type, cancellationToken).WithCancellation(cancellationToken))
        {
            if (rel.Type == RelationshipTypes.IdentifiedAs && !(await VictimAsync(rel.From, cancellationToken)).MayBeIdentified) continue;
            yield return rel;
        }
    }

    /// <summary>Persons whose only links are IDENTIFIED_AS from roles that may not be identified: they must not appear at all.</summary>
    private async Task<HashSet<string>> HiddenPeopleAsync(CancellationToken cancellationToken)
    {
        var forbidden = new List<GraphRelationship>();
        await foreach (var rel in inner.ExportRelationshipsAsync(RelationshipTypes.IdentifiedAs, cancellationToken).WithCancellation(cancellationToken))
            if (rel.Type == RelationshipTypes.IdentifiedAs && !(await VictimAsync(rel.From, cancellationToken)).MayBeIdentified)
                forbidden.Add(rel);
        var forbiddenIds = forbidden.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in forbidden.GroupBy(r => r.To, StringComparer.Ordinal))
        {
            // One more relationship than the forbidden ones is enough to know whether the person has any other.
            // A person the adapter cannot show is hidden too: when in doubt, withhold.
            var detail = await inner.GetNodeAsync(person.Key, person.Count() + 1, cancellationToken).WaitAsync(cancellationToken);
            if (detail is null || (!detail.RelationshipsTruncated && detail.Relationships.All(r => forbiddenIds.Contains(r.Id)))) hidden.Add(person.Key);
        }
        return hidden;
    }

    private static GraphNode Protect(GraphNode node) =>
        node.Label == Labels.VictimRole ? node with { Name = VictimProtection.DisplayName(node.Properties), Aliases = [] } : node;

    private async Task<NodeRef> ProtectAsync(NodeRef node, CancellationToken cancellationToken) =>
        node.Label == Labels.VictimRole ? node with { Name = (await VictimAsync(node.Id, cancellationToken)).DisplayName } : node;

    private async Task<(IReadOnlyList<GraphNode>, IReadOnlyList<GraphRelationship>)> ProtectGraphAsync(
        IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphRelationship> relationships, CancellationToken cancellationToken)
    {
        foreach (var node in nodes.Where(n => n.Label == Labels.VictimRole)) Remember(node);
        var kept = new List<GraphRelationship>();
        var unlinkedPeople = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rel in relationships)
        {
            if (rel.Type == RelationshipTypes.IdentifiedAs && !(await VictimAsync(rel.From, cancellationToken)).MayBeIdentified)
                unlinkedPeople.Add(rel.To);
            else kept.Add(rel);
        }
        // A person reached only through a forbidden link must not appear beside the victim it would identify.
        unlinkedPeople.ExceptWith(kept.SelectMany(r => new[] { r.From, r.To }));
        var shown = nodes.Where(n => !unlinkedPeople.Contains(n.Id)).Select(Protect).ToList();
        var shownIds = shown.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return (shown, kept.Where(r => shownIds.Contains(r.From) && shownIds.Contains(r.To)).ToList());
    }

    private async Task<GraphPath?> ProtectPathAsync(GraphPath path, CancellationToken cancellationToken)
    {
        foreach (var hop in path.Hops)
            if (hop.Type == RelationshipTypes.IdentifiedAs && !(await VictimAsync(hop.From, cancellationToken)).MayBeIdentified)
                return null;
        var nodes = new List<PathNode>();
        foreach (var node in path.Nodes)
            nodes.Add(node.Label == Labels.VictimRole ? node with { Name = (await VictimAsync(node.Id, cancellationToken)).DisplayName } : node);
        var byId = nodes.ToDictionary(n => n.Id, n => new NodeRef(n.Id, n.Label, n.Name), StringComparer.Ordinal);
        // Sentences are rebuilt from the protected names, so a store's own wording cannot carry a victim's name.
        var hops = path.Hops.Select(h => byId.TryGetValue(h.From, out var from) && byId.TryGetValue(h.To, out var to)
            ? h with { Sentence = Sentences.Describe(h.Type, from, to, h.Properties, h.Sources) }
            : h).ToList();
        return path with { Nodes = nodes, Hops = hops };
    }

    private void Remember(GraphNode node) =>
        _victims[node.Id] = new Victim(VictimProtection.DisplayName(node.Properties), VictimProtection.MayBeIdentified(node.Text("anonymity")));

    private async Task<Victim> VictimAsync(string id, CancellationToken cancellationToken)
    {
        if (_victims.TryGetValue(id, out var known)) return known;
        var detail = await inner.GetNodeAsync(id, 1, cancellationToken).WaitAsync(cancellationToken);
        if (detail is null || detail.Node.Label != Labels.VictimRole) return Unknown;
        Remember(detail.Node);
        return _victims[id];
    }
}
