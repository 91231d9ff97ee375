using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>A WORKED_WITH relationship: a source says directly that two officers worked together.</summary>
public sealed record WorkedWithFact(NodeRef Officer, NodeRef OtherOfficer, IReadOnlyList<SourceRef> Sources);

/// <summary>
/// "Served together" (DESIGN.md): a source says so directly (basis <c>explicit</c>), or both served in the same unit
/// (basis <c>unit</c>), or at force scope the same force, counting a unit as part of its force (basis <c>force</c>),
/// in periods that overlap. Unknown or open-ended dates that could go either way give <c>possible</c>, never a silent yes.
/// Stores fetch the records; this rule decides, so every store answers alike.
/// </summary>
public static class ServedTogetherRule
{
    public const string Explicit = "explicit", UnitBasis = "unit", ForceBasis = "force";

    public static IReadOnlyList<ServedTogetherEntry> ForOfficer(string officerId, IReadOnlyList<ServiceRecord> records,
        IReadOnlyList<WorkedWithFact> workedWith, ServiceScope scope, DateOnly today)
    {
        var entries = new List<ServedTogetherEntry>();
        foreach (var fact in workedWith)
        {
            var other = fact.Officer.Id == officerId ? fact.OtherOfficer : fact.OtherOfficer.Id == officerId ? fact.Officer : null;
            if (other is not null)
                entries.Add(new ServedTogetherEntry(other, null, null, null, Explicit, Name(Certainty.Certain), fact.Sources));
        }

        var mine = records.Where(r => r.Officer.Id == officerId).ToList();
        var theirs = records.Where(r => r.Officer.Id != officerId).ToList();
        foreach (var own in mine)
            foreach (var other in theirs)
                if (Compare(own, other, scope, today) is { } shared)
                    entries.Add(new ServedTogetherEntry(other.Officer, shared.Organisation, shared.Overlap.From, shared.Overlap.To,
                        shared.Basis, Name(shared.Overlap.Certainty), MergeSources(own.Sources, other.Sources)));

        return entries
            .GroupBy(e => (e.Officer.Id, OrganisationId: e.Organisation?.Id, e.Basis))
            .Select(g => g.OrderByDescending(e => e.Certainty == "certain").First() with { Sources = MergeSources(g.SelectMany(e => e.Sources).ToList()) })
            .OrderBy(e => e.Certainty == "certain" ? 0 : 1)
            .ThenBy(e => BasisOrder(e.Basis))
            .ThenBy(e => e.Officer.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Organisation?.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every pair who served in the organisation (a force counts its units) in overlapping periods,
    /// optionally only where the overlap falls within [from, to].</summary>
    public static (IReadOnlyList<ServedTogetherPair> Pairs, bool Truncated) AtOrganisation(NodeRef organisation,
        IReadOnlyList<ServiceRecord> records, PartialDate? from, PartialDate? to, int limit, DateOnly today)
    {
        var isForce = organisation.Label == Labels.Force;
        var here = records
            .Where(r => isForce ? r.ForceId == organisation.Id : r.Organisation.Id == organisation.Id)
            .OrderBy(r => r.Officer.Id, StringComparer.Ordinal).ThenBy(r => r.RelationshipId, StringComparer.Ordinal)
            .ToList();
        var window = new Period(from is { } f ? PeriodEnd.On(f) : PeriodEnd.Unknown, to is { } t ? PeriodEnd.On(t) : PeriodEnd.Unknown);
        var pairs = new List<ServedTogetherPair>();
        for (var i = 0; i < here.Count; i++)
            for (var j = i + 1; j < here.Count; j++)
            {
                var (a, b) = (here[i], here[j]);
                if (a.Officer.Id == b.Officer.Id) continue;
                var overlap = PeriodOf(a).OverlapWith(PeriodOf(b), today);
                if (overlap.Certainty == Certainty.None) continue;
                if ((from is not null || to is not null)
                    && Period.Parse(overlap.From, overlap.To).OverlapWith(window, today).Certainty == Certainty.None) continue;
                pairs.Add(new ServedTogetherPair(a.Officer, b.Officer, organisation, overlap.From, overlap.To,
                    isForce ? ForceBasis : UnitBasis, Name(overlap.Certainty), MergeSources(a.Sources, b.Sources)));
            }

        var distinct = pairs.GroupBy(p => (p.Officer.Id, p.OtherOfficer.Id))
            .Select(g => g.OrderByDescending(p => p.Certainty == "certain").First())
            .OrderBy(p => p.Certainty == "certain" ? 0 : 1)
            .ThenBy(p => p.Officer.Name, StringComparer.Ordinal).ThenBy(p => p.OtherOfficer.Name, StringComparer.Ordinal)
            .ToList();
        return (distinct.Take(limit).ToList(), distinct.Count > limit);
    }

    private static (NodeRef Organisation, string Basis, Overlap Overlap)? Compare(ServiceRecord own, ServiceRecord other, ServiceScope scope, DateOnly today)
    {
        string basis;
        NodeRef organisation;
        if (own.Organisation.Id == other.Organisation.Id && own.Organisation.Label == Labels.Unit)
            (basis, organisation) = (UnitBasis, own.Organisation);
        else if (scope == ServiceScope.Force && own.ForceId is not null && own.ForceId == other.ForceId)
            (basis, organisation) = (ForceBasis, own.Organisation.Label == Labels.Force ? own.Organisation
                : other.Organisation.Label == Labels.Force ? other.Organisation : new NodeRef(own.ForceId, Labels.Force, own.ForceId));
        else return null;

        var overlap = PeriodOf(own).OverlapWith(PeriodOf(other), today);
        return overlap.Certainty == Certainty.None ? null : (organisation, basis, overlap);
    }

    private static Period PeriodOf(ServiceRecord record) => Period.Parse(record.From, record.To);

    private static string Name(Certainty certainty) => certainty == Certainty.Certain ? "certain" : "possible";

    private static int BasisOrder(string basis) => basis switch { Explicit => 0, UnitBasis => 1, _ => 2 };

    private static IReadOnlyList<SourceRef> MergeSources(params IReadOnlyList<SourceRef>[] lists) =>
        MergeSources(lists.SelectMany(l => l).ToList());

    private static IReadOnlyList<SourceRef> MergeSources(IReadOnlyList<SourceRef> sources) =>
        sources.DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
}
