using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Graph;

// What stores fetch for case connections and outcome statistics: only the records that can matter to one answer,
// never every case. Core's rules (CaseConnectionRule, OutcomeStatistics) decide from these.

/// <summary>A case sharing a hub, with just enough to rank and show it without fetching its facts. <paramref name="Order"/>
/// is the case's position in a name-then-id (ordinal) order that is the same for every member of every hub of one
/// answer, so thousands of members rank without comparing names.</summary>
public sealed record CaseHubMember(NodeRef Case, string LegalStatus, Period Period, int Order);

/// <summary>An entity (unit, force, institution, source, category) shared by more than
/// <see cref="Rules.CaseConnectionRule.HubThreshold"/> cases. <paramref name="Cases"/> holds every case sharing it
/// (the asked-about case included), in <see cref="CaseHubMember.Order"/> order.</summary>
public sealed record CaseHub(string Kind, NodeRef Node, IReadOnlyList<CaseHubMember> Cases)
{
    /// <summary>The members' orders, side by side in one array: the connections rule's pass over a 50,000-case hub reads
    /// these instead of 50,000 member objects.</summary>
    public int[] Orders { get; } = Cases.Select(c => c.Order).ToArray();

    /// <summary>For a force, each member's <see cref="SureSpan"/>, side by side: a force links two cases only when their
    /// periods certainly overlap, and asking that of 19,000 members' dates was half of a question. Empty for other hubs.</summary>
    public SureSpan?[] SureSpans { get; } = Kind == Rules.CaseConnectionRule.Force ? Cases.Select(c => SureSpan.Of(c.Period)).ToArray() : [];
}

/// <summary>
/// The input of case connections: the case's own facts, the full facts of every case sharing a non-hub entity with it
/// (its candidates; a candidate that shares nothing is harmless), and the hubs it belongs to, whose other members are
/// ranked from <see cref="CaseHubMember"/> alone. <paramref name="CandidateOrders"/>, when a store knows them, are the
/// <see cref="CaseHubMember.Order"/>s of the case itself and of its candidates: with them the rule tells a hub member
/// that is a candidate by number, without reading the ids of a 50,000-case hub.
/// </summary>
public sealed record CaseConnectionFacts(CaseFacts Case, IReadOnlyList<CaseFacts> Candidates, IReadOnlyList<CaseHub> Hubs,
    IReadOnlyCollection<int>? CandidateOrders = null);

/// <summary>What outcome statistics need of one case: its standing finding and its sanctions in date order
/// (computed by <see cref="Rules.OutcomeStatistics.OutcomeOf"/>, so both stores agree).</summary>
public sealed record CaseOutcome(string CaseId, string? Finding, IReadOnlyList<string> Sanctions);
