using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// The one port to a graph store. Methods are named by what an investigator asks; adapters are named by technology
/// (SqliteGraphStore, Neo4jGraphStore) and must give the same answers for the same data (the contract suite checks).
/// Rules shared by both (served together, sentences, ordering) live in Core so they cannot drift apart.
/// A method returns null when the id it was asked about does not exist (or is not of the expected label).
/// </summary>
public interface IGraphStore
{
    /// <summary>Makes the store hold exactly the dataset (upsert by id, remove what the dataset no longer has).</summary>
    Task<ImportSummary> ImportAsync(Model.Dataset dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    Task<GraphCounts> GetCountsAsync(CancellationToken cancellationToken);

    /// <summary>A node, its relationships (both directions, at most <paramref name="relationshipLimit"/>) and every source they cite.</summary>
    Task<NodeDetail?> GetNodeAsync(string id, int relationshipLimit, CancellationToken cancellationToken);

    /// <summary>Case-insensitive prefix match on any word of a name or alias.</summary>
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    Task<Subgraph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken);

    /// <summary>All shortest undirected paths (up to a limit); null when either end does not exist.</summary>
    Task<PathResult?> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken);

    /// <summary>One page of the officers who served with an officer, one entry each, ranked by ServedTogetherRule; the store
    /// fetches only the officer's own places and the spells there.</summary>
    Task<ServedTogetherResult?> FindServedTogetherAsync(ServedTogetherQuery query, CancellationToken cancellationToken);

    /// <summary>One page of the pairs of officers who served at a force or unit at the same time, in ServiceSweep order.</summary>
    Task<OrganisationServedTogether?> FindServedTogetherAtAsync(OrganisationServedTogetherQuery query, CancellationToken cancellationToken);

    Task<CaseTimeline?> GetCaseTimelineAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>What the connections of one case are computed from (<see cref="Rules.CaseConnectionRule"/>): the case's facts,
    /// the facts of every case sharing a non-hub entity with it (<see cref="Rules.CaseConnectionRule.EntitiesOf"/>), and its
    /// hubs with their members; null when the id is not a case. Cost follows the candidates, not the number of cases.</summary>
    Task<CaseConnectionFacts?> GetCaseConnectionFactsAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The outcome of every case the filters keep (<see cref="Rules.OutcomeStatistics.InForce"/>, category), in case
    /// id order (ordinal): the input of outcome statistics.</summary>
    Task<IReadOnlyList<CaseOutcome>> GetCaseOutcomesAsync(string? forceId, string? category, CancellationToken cancellationToken);

    /// <summary>A source and one page of what cites it (nodes by id, then relationships by id; a citation with a locator
    /// counts); null when the id is not a source.</summary>
    Task<SourceEvidence?> GetSourceEvidenceAsync(string sourceId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Every node, by id, read as it streams (export).</summary>
    IAsyncEnumerable<GraphNode> ExportNodesAsync(CancellationToken cancellationToken);

    /// <summary>Every relationship (of <paramref name="type"/> when given), by id, read as it streams (export).</summary>
    IAsyncEnumerable<GraphRelationship> ExportRelationshipsAsync(string? type, CancellationToken cancellationToken);
}
