using System.Text.Json.Serialization;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;

namespace KnowledgeGraph.Core.Graph;

/// <summary>One page of the officers who served with <paramref name="OfficerId"/>, ranked strongest first.</summary>
public sealed record ServedTogetherQuery(string OfficerId, ServiceScope Scope, PageRequest Page);

/// <summary>
/// One thing two officers shared: a unit or force in overlapping periods (basis <c>unit</c> / <c>force</c>), or a
/// source's direct statement that they worked together (basis <c>explicit</c>, <c>Organisation</c> null). Sources from
/// both sides are cited.
/// </summary>
/// <c>Notes</c>: replies and corrections of the facts it rests on (both officers' spells, or the statement).
public sealed record SharedService(NodeRef? Organisation, string Basis, string? From, string? To, string Certainty,
    IReadOnlyList<SourceRef> Sources, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

/// <summary>One other officer and everything they shared with the asked officer; <c>Certainty</c> and <c>Basis</c>
/// are the strongest of <c>Shared</c>.</summary>
public sealed record ServedTogetherEntry(NodeRef Officer, string Certainty, string Basis, IReadOnlyList<SharedService> Shared,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

/// <summary>A page of one entry per other officer; <c>Total</c> counts officers; <c>Next</c> is null on the last page.</summary>
public sealed record ServedTogetherResult(NodeRef Officer, ServiceScope Scope, int Total, string? Next, IReadOnlyList<ServedTogetherEntry> Entries)
{
    public bool Truncated => Next is not null;
}

/// <summary>Pairs who served at a force (counting its units) or unit at the same time; with <c>From</c>/<c>To</c>, only
/// pairs whose spells can share a day inside that window.</summary>
public sealed record OrganisationServedTogetherQuery(string OrganisationId, PartialDate? From, PartialDate? To, PageRequest Page);

public sealed record ServedTogetherPair(NodeRef Officer, NodeRef OtherOfficer, NodeRef Organisation, string? From, string? To,
    string Basis, string Certainty, IReadOnlyList<SourceRef> Sources, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

/// <summary>A page of pairs of officers (each pair once); <c>Total</c> counts pairs of officers.</summary>
public sealed record OrganisationServedTogether(NodeRef Organisation, int Total, string? Next, IReadOnlyList<ServedTogetherPair> Pairs)
{
    public bool Truncated => Next is not null;
}
