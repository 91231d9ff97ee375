using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>One way two cases connect, with the chain of nodes that links them (e.g. [case A, officer X, case B]).</summary>
public sealed record ConnectionLink(string Kind, string Strength, string Explanation, IReadOnlyList<NodeRef> Path);

/// <summary>Another case and every way it connects to the case asked about, strongest first.</summary>
public sealed record CaseConnection(NodeRef Case, string LegalStatus, string Strength, IReadOnlyList<ConnectionLink> Links);

public sealed record CaseConnectionsResult(NodeRef Case, IReadOnlyList<CaseConnection> Connections, bool Truncated);

/// <summary>
/// How cases connect (DESIGN.md "Connections across cases"): stated relations, shared officers, shared units, a shared
/// force in the same period, institutions acting in both cases' events, shared sources, shared categories.
/// Computed here over <see cref="CaseFacts"/> so every store answers alike. A force employs thousands, so a shared
/// force alone says little: it only counts when the two cases' periods certainly overlap, and it ranks below a unit.
/// </summary>
public static class CaseConnectionRule
{
    public const string Related = "related", Officer = "officer", Unit = "unit", Force = "force",
        Institution = "institution", Source = "source", Category = "category";

    /// <summary>Kinds in the order they rank; the first three are strong, category is weak.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Related, Officer, Unit, Force, Institution, Source, Category];

    public static string StrengthOf(string kind) => kind switch
    {
        Related or Officer or Unit => "strong",
        Category => "weak",
        _ => "medium",
    };

    /// <summary>Null when <paramref name="caseId"/> is not among the facts.</summary>
    public static CaseConnectionsResult? For(string caseId, IReadOnlyList<CaseFacts> facts, int limit, DateOnly today)
    {
        var subject = facts.FirstOrDefault(f => f.Case.Id == caseId);
        if (subject is null) return null;

        var connections = new List<CaseConnection>();
        foreach (var other in facts.Where(f => f.Case.Id != caseId))
        {
            var links = LinksBetween(subject, other, today)
                .DistinctBy(l => (l.Kind, string.Join('|', l.Path.Select(p => p.Id))))
                .OrderBy(l => Rank(l.Kind)).ThenBy(l => l.Explanation, StringComparer.Ordinal)
                .ToList();
            if (links.Count > 0)
                connections.Add(new CaseConnection(other.Case, other.LegalStatus, StrengthOf(links[0].Kind), links));
        }

        var ordered = connections
            .OrderBy(c => Rank(c.Links[0].Kind))
            .ThenByDescending(c => c.Links.Count(l => StrengthOf(l.Kind) != "weak"))
            .ThenBy(c => c.Case.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Case.Id, StringComparer.Ordinal)
            .ToList();
        return new CaseConnectionsResult(subject.Case, ordered.Take(limit).ToList(), ordered.Count > limit);
    }

    private static int Rank(string kind)
    {
        for (var i = 0; i < Kinds.Count; i++)
            if (Kinds[i] == kind) return i;
        return Kinds.Count;
    }

    private static IEnumerable<ConnectionLink> LinksBetween(CaseFacts a, CaseFacts b, DateOnly today)
    {
        if (a.RelatedCases.Any(r => r.Id == b.Case.Id) || b.RelatedCases.Any(r => r.Id == a.Case.Id))
            yield return Link(Related, $"{a.Case.Name} is recorded as related to {b.Case.Name}", a.Case, b.Case);

        foreach (var officer in a.Subjects.Select(s => s.Officer).IntersectBy(b.Subjects.Select(s => s.Officer.Id), o => o.Id))
            yield return Link(Officer, $"{officer.Name} is a subject of both cases", a.Case, officer, b.Case);

        var casesOverlap = CasePeriod(a).OverlapWith(CasePeriod(b), today).Certainty == Certainty.Certain;
        foreach (var sa in a.Subjects)
            foreach (var sb in b.Subjects.Where(s => s.Officer.Id != sa.Officer.Id))
                foreach (var ra in sa.Service)
                    foreach (var rb in sb.Service)
                    {
                        if (ra.Organisation.Id == rb.Organisation.Id && ra.Organisation.Label == Labels.Unit)
                            yield return Link(Unit, $"{sa.Officer.Name} and {sb.Officer.Name} both served in {ra.Organisation.Name}",
                                a.Case, sa.Officer, ra.Organisation, sb.Officer, b.Case);
                        else if (casesOverlap && ra.ForceId is not null && ra.ForceId == rb.ForceId)
                        {
                            var force = ra.Organisation.Label == Labels.Force ? ra.Organisation
                                : rb.Organisation.Label == Labels.Force ? rb.Organisation
                                : new NodeRef(ra.ForceId, Labels.Force, ra.ForceId);
                            yield return Link(Force, $"{sa.Officer.Name} and {sb.Officer.Name} both served in {force.Name}, and the cases overlap in time",
                                a.Case, sa.Officer, force, sb.Officer, b.Case);
                        }
                    }

        var actorsB = b.Events.SelectMany(e => e.Actors).Where(IsInstitution).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var actor in a.Events.SelectMany(e => e.Actors).Where(n => IsInstitution(n) && actorsB.Contains(n.Id)).DistinctBy(n => n.Id))
            yield return Link(Institution, $"{actor.Name} acted in both cases", a.Case, actor, b.Case);

        foreach (var source in a.Sources.IntersectBy(b.Sources.Select(s => s.Id), s => s.Id))
            yield return Link(Source, $"\"{source.Title}\" covers both cases", a.Case, new NodeRef(source.Id, Labels.Source, source.Title), b.Case);

        foreach (var category in a.Categories.Intersect(b.Categories, StringComparer.Ordinal))
            yield return Link(Category, $"both cases are in the category {category}", a.Case, b.Case);
    }

    // Organisations and people act for institutions; an officer acting in an event is already covered by the subject links.
    private static bool IsInstitution(NodeRef node) => node.Label is Labels.Organisation or Labels.Person;

    /// <summary>From the first known date (the case's own or its earliest step) to its latest step.</summary>
    public static Period CasePeriod(CaseFacts facts)
    {
        var dates = facts.Events.Select(e => e.Date).Append(facts.Date)
            .Select(d => PartialDate.TryParse(d, out var date, out _) ? date : (PartialDate?)null)
            .OfType<PartialDate>().Order().ToList();
        return dates.Count == 0 ? Period.Unknown : new Period(PeriodEnd.On(dates[0]), PeriodEnd.On(dates[^1]));
    }

    private static ConnectionLink Link(string kind, string explanation, params NodeRef[] path) =>
        new(kind, StrengthOf(kind), explanation, path);
}
