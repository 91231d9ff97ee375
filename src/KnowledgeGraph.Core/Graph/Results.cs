using System.Text.Json.Serialization;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;

namespace KnowledgeGraph.Core.Graph;

// Result records of IGraphStore. They serialise to the API's JSON as they are (camelCase), so their shape is the
// API's contract too. Anything asserting wrongdoing carries its legal status next to it.

/// <summary>
/// What an import did to the nodes (or relationships). <paramref name="Repointed"/> counts facts whose content did not
/// change but whose citations now point elsewhere in the same sources (a records release with its rows reordered cites
/// other row numbers): they are written, so citations name the right rows, but they are not updates to the fact
/// (<see cref="Citation.OnlyLocatorsDiffer"/>).
/// </summary>
public sealed record ImportCounts(int Created, int Updated, int Unchanged, int Deleted, int Repointed = 0)
{
    public static ImportCounts Zero { get; } = new(0, 0, 0, 0);
}

public sealed record ImportSummary(ImportCounts Nodes, ImportCounts Relationships);

public sealed record ImportProgress(string Stage, int Done, int Total);

public sealed record GraphCounts(IReadOnlyDictionary<string, int> Labels, IReadOnlyDictionary<string, int> Types);

/// <summary>A pointer to a node with enough to show it.</summary>
public sealed record NodeRef(string Id, string Label, string Name)
{
    public static NodeRef Of(GraphNode node) => new(node.Id, node.Label, node.Name);
}

/// <summary>A citation: the document a fact comes from and, when the citation gives one, where in it (page, row, paragraph).</summary>
public sealed record SourceRef(string Id, string Title, string Kind, string? Published, string? Url, string? Publisher, string SeedFile,
    string? Locator = null);

public enum Direction { Out, In }

/// <summary>A relationship seen from one of its nodes.</summary>
public sealed record RelationshipView(
    string Id, string Type, Direction Direction, NodeRef Other, IReadOnlyDictionary<string, object?> Properties,
    string? LegalStatus, IReadOnlyList<SourceRef> Sources, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

/// <summary>A node and at most a limit of its relationships; <c>RelationshipsTotal</c> is how many it has in all.</summary>
public sealed record NodeDetail(GraphNode Node, IReadOnlyList<RelationshipView> Relationships, bool RelationshipsTruncated,
    IReadOnlyList<SourceRef> Sources, int RelationshipsTotal,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

public sealed record SearchQuery(string Text, string? Label, int Limit);

public sealed record SearchHit(string Id, string Label, string Name, IReadOnlyList<string> Aliases, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, bool Truncated);

/// <summary>Nodes within <paramref name="Depth"/> hops, breadth first, nearest first then by id, at most <paramref name="Limit"/>;
/// <paramref name="Labels"/> and <paramref name="Types"/> (when given) restrict which nodes and relationships are followed.</summary>
public sealed record NeighbourhoodQuery(string Id, int Depth, int Limit, IReadOnlyList<string>? Labels, IReadOnlyList<string>? Types);

/// <summary>Nodes and the relationships among them (of the followed types).</summary>
/// <paramref name="Notes"/>: replies and corrections of the nodes and relationships shown, by fact id, in the dataset's form.
public sealed record Subgraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships, bool Truncated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, FactNote>? Notes = null);

public sealed record PathQuery(string From, string To, int MaxHops, IReadOnlyList<string> ExcludeIds, IReadOnlyList<string> ExcludeLabels, int Limit);

public sealed record PathNode(string Id, string Label, string Name, int Degree);

/// <summary>One step of a path; <c>From</c>/<c>To</c> give the relationship's own direction.</summary>
public sealed record PathHop(string RelationshipId, string Type, string From, string To, IReadOnlyDictionary<string, object?> Properties,
    string? LegalStatus, IReadOnlyList<SourceRef> Sources, string Sentence, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

public sealed record GraphPath(IReadOnlyList<PathNode> Nodes, IReadOnlyList<PathHop> Hops);

/// <summary>Hubs: intermediate nodes with so many relationships that a path through them says little.</summary>
public sealed record PathResult(IReadOnlyList<GraphPath> Paths, IReadOnlyList<PathNode> Hubs);

public enum ServiceScope { Unit, Force }

// Served-together results: ServedTogetherResults.cs.

public sealed record Actor(NodeRef Node, string? Role);

public sealed record TimelineEvent(string Id, string Date, string Kind, string Summary, string? Outcome, string? LegalStatus,
    string? MisconductLevel, string? Sanction, IReadOnlyList<Actor> By, IReadOnlyList<SourceRef> Sources, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

public sealed record CaseTimeline(NodeRef Case, string LegalStatus, IReadOnlyList<TimelineEvent> Events, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

/// <summary>An officer's spell in a force or unit; <c>ForceId</c> is the force itself or the force the unit is part of.</summary>
public sealed record ServiceRecord(string RelationshipId, NodeRef Officer, NodeRef Organisation, string? ForceId, string? From,
    string? To, string? Rank, IReadOnlyList<SourceRef> Sources);

public sealed record SubjectFact(NodeRef Officer, string? Role, string LegalStatus, IReadOnlyList<ServiceRecord> Service);

public sealed record EventFact(string Id, string Date, string Kind, string? LegalStatus, string? MisconductLevel, string? Sanction,
    IReadOnlyList<NodeRef> Actors);

public sealed record CaseFacts(NodeRef Case, string LegalStatus, IReadOnlyList<string> Categories, string? Date,
    IReadOnlyList<SubjectFact> Subjects, IReadOnlyList<EventFact> Events, IReadOnlyList<SourceRef> Sources,
    IReadOnlyList<NodeRef> RelatedCases);

/// <summary>A relationship with both ends named (source evidence lists these).</summary>
public sealed record CitedRelationship(string Id, string Type, NodeRef From, NodeRef To, IReadOnlyDictionary<string, object?> Properties,
    string? LegalStatus, IReadOnlyList<string> Sources, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

/// <summary>A node that cites a source (source evidence lists these), shown by name.</summary>
public sealed record CitingNode(string Id, string Label, string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null)
{
    public static CitingNode Of(GraphNode node) => new(node.Id, node.Label, node.Name);
}

/// <summary>A source and one page of what cites it: the page runs over the citing nodes (by id) and then the citing
/// relationships (by id); <c>total</c> = <c>nodeTotal</c> + <c>relationshipTotal</c>.</summary>
public sealed record SourceEvidence(SourceRef Source, GraphNode Node, int NodeTotal, int RelationshipTotal, int Total, string? Next,
    IReadOnlyList<CitingNode> Nodes, IReadOnlyList<CitedRelationship> Relationships)
{
    public bool Truncated => Next is not null;
}
