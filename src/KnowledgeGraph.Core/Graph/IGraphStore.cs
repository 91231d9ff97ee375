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

    /// <summary>What each case is made of (subjects, their service, actors, sources, categories, events): the input of
    /// case connections and outcome statistics, which Core computes the same way for every store.</summary>
    Task<IReadOnlyList<CaseFacts>> GetCaseFactsAsync(CancellationToken cancellationToken);

    Task<SourceEvidence?> GetSourceEvidenceAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>The whole graph, for export.</summary>
    Task<Model.Dataset> ExportAsync(CancellationToken cancellationToken);
}
