using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>
/// One SERVED_IN spell as the served-together rule reads it: who, where (and the force that place is or is part of),
/// when, and the citation strings (resolved to sources only for the page that is answered).
/// </summary>
public sealed record ServiceSpell(string RelationshipId, NodeRef Officer, NodeRef Organisation, NodeRef? Force, string? From, string? To,
    IReadOnlyList<string> Citations)
{
    private Period? _period;

    public Period Period => _period ??= Period.Parse(From, To);

    /// <summary>The earliest day the spell may have begun (unknown start: any day).</summary>
    public DateOnly EarliestStart { get; } = PeriodEnd.Parse(From).Date?.Earliest ?? DateOnly.MinValue;

    /// <summary>The latest day the spell may have lasted to (open or unknown end: no limit). Two spells can share a day,
    /// which is exactly when <see cref="Model.Period.OverlapWith"/> says anything but None, iff these ranges meet.</summary>
    public DateOnly LatestEnd { get; } = PeriodEnd.Parse(To).Date?.Latest ?? DateOnly.MaxValue;

    /// <summary>The latest day the spell may have begun (null: start unknown).</summary>
    public DateOnly? LatestStart { get; } = PeriodEnd.Parse(From).Date?.Latest;

    /// <summary>The earliest day the spell may have ended (null: end unknown); an open end (<c>present</c>) runs to today.</summary>
    public DateOnly? EarliestEnd(DateOnly today) => _end.IsOpen ? today : _end.Date?.Earliest;

    /// <summary>Whether the spell is still going on (its end is <c>present</c>).</summary>
    public bool IsOngoing => _end.IsOpen;

    private readonly PeriodEnd _end = PeriodEnd.Parse(To);

    public bool CanMeet(ServiceSpell other) =>
        (EarliestStart >= other.EarliestStart ? EarliestStart : other.EarliestStart) <= (LatestEnd <= other.LatestEnd ? LatestEnd : other.LatestEnd);
}

/// <summary>Loads the citations for citation strings (stores look Source nodes up by id), for the answered page only.</summary>
public delegate Task<IReadOnlyDictionary<string, SourceRef>> SourceLoader(IEnumerable<string> citations, CancellationToken cancellationToken);
