using System.Buffers;
using System.Text.Json.Serialization;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;

namespace KnowledgeGraph.Core.Rules;

/// <summary>One way two cases connect, with the chain of nodes that links them (e.g. [case A, officer X, case B]).</summary>
/// <c>Notes</c>: replies and corrections of the relationships the link rests on (attached by the API).
public sealed record ConnectionLink(string Kind, string Strength, string Explanation, IReadOnlyList<NodeRef> Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

/// <summary>Another case and every way it connects to the case asked about, strongest first.</summary>
/// <c>Notes</c>: replies and corrections of the other case and of every link's facts (attached by the API).
public sealed record CaseConnection(NodeRef Case, string LegalStatus, string Strength, IReadOnlyList<ConnectionLink> Links,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactNotes? Notes = null);

/// <summary>A hub the case belongs to and how many other cases share it (each of them is a connection, ranked where the
/// rule says, but only the page's are spelled out).</summary>
public sealed record ConnectionHub(string Kind, NodeRef Node, int Cases);

/// <summary>One page of a case's connections, strongest first; <c>total</c> counts every connected case.</summary>
public sealed record CaseConnectionsResult(NodeRef Case, int Total, string? Next, bool Truncated, IReadOnlyList<ConnectionHub> Hubs,
    IReadOnlyList<CaseConnection> Connections);

/// <summary>Something a case is made of that another case can share; <c>Kind</c> is one of <see cref="CaseConnectionRule.Kinds"/>.</summary>
public readonly record struct CaseEntity(string Kind, NodeRef Node)
{
    /// <summary>The key a store indexes cases by (kind and id; names do not matter).</summary>
    public string Key => $"{Kind}|{Node.Id}";
}

/// <summary>
/// How cases connect (DESIGN.md "Connections across cases"): stated relations, shared officers, shared units, a shared
/// force in the same period, institutions acting in both cases' events, shared sources, shared categories.
/// Computed here so every store answers alike. A force employs thousands, so a shared force alone says little: it only
/// counts when the two cases' periods certainly overlap, and it ranks below a unit.
/// <para>
/// Hubs: a unit, force, institution, source or category shared by more than <see cref="HubThreshold"/> cases links each
/// of them by one link through the hub ([case A, hub, case B]) rather than one per pair of officers, so a case in a
/// 50,000-case source costs as much as the page it shows. Officers and stated relations are never hubs.
/// </para>
/// </summary>
public static class CaseConnectionRule
{
    public const string Related = "related", Officer = "officer", Unit = "unit", Force = "force",
        Institution = "institution", Source = "source", Category = "category";

    /// <summary>Cases sharing an entity beyond which it is a hub.</summary>
    public const int HubThreshold = 200;

    /// <summary>Kinds in the order they rank; the first three are strong, category is weak.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Related, Officer, Unit, Force, Institution, Source, Category];

    public static string StrengthOf(string kind) => kind switch
    {
        Related or Officer or Unit => "strong",
        Category => "weak",
        _ => "medium",
    };

    public static bool CanBeHub(string kind) => kind is Unit or Force or Institution or Source or Category;

    /// <summary>
    /// What stores index cases by: any two cases that connect share at least one of these (a stated relation is an
    /// entity of both ends: the case itself and each case it names). Stores build their case → entity inverted index
    /// from this, so the candidates they fetch are exactly the cases the rule could link.
    /// </summary>
    public static IEnumerable<CaseEntity> EntitiesOf(CaseFacts facts)
    {
        yield return new CaseEntity(Related, facts.Case);
        foreach (var related in facts.RelatedCases) yield return new CaseEntity(Related, related);
        foreach (var subject in facts.Subjects)
        {
            yield return new CaseEntity(Officer, subject.Officer);
            foreach (var service in subject.Service)
            {
                if (service.Organisation.Label == Labels.Unit) yield return new CaseEntity(Unit, service.Organisation);
                if (service.ForceId is not null) yield return new CaseEntity(Force, ForceOf(service));
            }
        }
        foreach (var actor in facts.Events.SelectMany(e => e.Actors).Where(IsInstitution)) yield return new CaseEntity(Institution, actor);
        foreach (var source in facts.Sources) yield return new CaseEntity(Source, new NodeRef(source.Id, Labels.Source, source.Title));
        foreach (var category in facts.Categories) yield return new CaseEntity(Category, new NodeRef(category, "Category", category));
    }

    /// <summary>The force a spell of service belongs to (its name is the id when the spell is in one of its units).</summary>
    private static NodeRef ForceOf(ServiceRecord service) =>
        service.Organisation.Label == Labels.Force ? service.Organisation : new NodeRef(service.ForceId!, Labels.Force, service.ForceId!);

    /// <summary>One page of the connections of <see cref="CaseConnectionFacts.Case"/>, ranked: strongest link kind first,
    /// then more links that are not weak, then case name and id.</summary>
    public static CaseConnectionsResult For(CaseConnectionFacts facts, PageRequest page, DateOnly today)
    {
        var subject = facts.Case;
        var hubs = facts.Hubs.Where(h => CanBeHub(h.Kind)).ToList();
        var hubByKey = hubs.ToDictionary(h => new CaseEntity(h.Kind, h.Node).Key, StringComparer.Ordinal);
        var subjectPeriod = CasePeriod(subject);

        // Cases sharing something that is not a hub: every link spelled out.
        var candidateIds = new HashSet<string>(StringComparer.Ordinal) { subject.Case.Id };
        var full = new List<CaseConnection>();
        foreach (var other in facts.Candidates)
        {
            if (!candidateIds.Add(other.Case.Id)) continue;
            if (Connect(subject, subjectPeriod, other, hubByKey, today) is { } connection) full.Add(connection);
        }
        full.Sort(Compare);

        // Cases sharing only hubs: their links are exactly one per hub they share, so they rank from membership alone.
        // Members are indexed by their dense Order (not by id): with the store's CandidateOrders the pass over every hub's
        // members reads no strings; without them, each member's id once.
        var maxOrder = -1;
        var memberBound = 0;
        foreach (var hub in hubs)
        {
            if (hub.Orders.Length > 0) maxOrder = Math.Max(maxOrder, hub.Orders[^1]);
            memberBound += hub.Orders.Length;
        }
        // A 50k-case source makes both arrays tens of thousands long: rented, not allocated per request, because arrays that
        // size go to the large object heap, and allocating there brings on full collections.
        var slotOf = ArrayPool<int>.Shared.Rent(maxOrder + 1);
        var members = ArrayPool<HubMember>.Shared.Rent(memberBound);
        try
        {
            return PageOf(facts, page, today, hubs, full, candidateIds, subjectPeriod, slotOf.AsSpan(0, maxOrder + 1), members);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slotOf);
            ArrayPool<HubMember>.Shared.Return(members);
        }
    }

    /// <summary>A case met only through hubs: its Order, where it was first met (hub, position), its best link rank and
    /// how many of its links are not weak.</summary>
    private struct HubMember
    {
        public int Order, Hub, At, Best, Strong;
    }

    private static CaseConnectionsResult PageOf(CaseConnectionFacts facts, PageRequest page, DateOnly today, List<CaseHub> hubs,
        List<CaseConnection> full, HashSet<string> candidateIds, Period subjectPeriod, Span<int> slotOf, HubMember[] members)
    {
        var subject = facts.Case;
        // -1: not seen yet; -2: the case itself or a candidate (spelled out above); otherwise the member's slot.
        const int Unseen = -1, Candidate = -2;
        slotOf.Fill(Unseen);
        if (facts.CandidateOrders is { } known)
            foreach (var o in known)
                if (o >= 0 && o < slotOf.Length) slotOf[o] = Candidate;
        // Each hub's rank and whether it is a non-weak link, worked out once rather than per member.
        var hubRank = hubs.Select(h => Rank(h.Kind)).ToArray();
        var hubStrong = hubs.Select(h => StrengthOf(h.Kind) != "weak" ? 1 : 0).ToArray();
        var subjectSpan = SureSpan.Of(subjectPeriod);
        var memberCount = 0;
        for (var h = 0; h < hubs.Count; h++)
        {
            var hub = hubs[h];
            var orders = hub.Orders;
            for (var i = 0; i < orders.Length; i++)
            {
                var o = orders[i];
                var slot = slotOf[o];
                if (slot == Candidate) continue;
                if (slot == Unseen && facts.CandidateOrders is null && candidateIds.Contains(hub.Cases[i].Case.Id))
                {
                    slotOf[o] = Candidate;
                    continue;
                }
                if (!LinksThrough(hub, i, subjectSpan, today)) continue;
                if (slot == Unseen)
                {
                    slotOf[o] = slot = memberCount++;
                    members[slot] = new HubMember { Order = o, Hub = h, At = i, Best = Kinds.Count, Strong = 0 };
                }
                ref var member = ref members[slot];
                member.Best = Math.Min(member.Best, hubRank[h]);
                member.Strong += hubStrong[h];
            }
        }
        CaseHubMember MemberAt(int slot) => hubs[members[slot].Hub].Cases[members[slot].At];
        // rank, then more non-weak links first, then name order: one sortable number per member; only the members up to
        // the end of the page are put in order.
        var offset = page.Offset;
        var order = FirstByKey(memberCount, offset + page.Limit,
            i => ((long)members[i].Best << 56) | ((long)(255 - Math.Min(members[i].Strong, 255)) << 48) | (uint)members[i].Order);

        // Merge the two ranked lists up to the end of the page.
        var total = full.Count + memberCount;
        var items = new List<CaseConnection>();
        int f = 0, m = 0;
        for (var position = 0; position < offset + page.Limit && (f < full.Count || m < memberCount); position++)
        {
            var takeFull = m >= memberCount
                || (f < full.Count && CompareKeys(RankKey(full[f]), full[f].Case, (members[order[m]].Best, members[order[m]].Strong), MemberAt(order[m]).Case) <= 0);
            if (takeFull)
            {
                if (position >= offset) items.Add(full[f]);
                f++;
            }
            else
            {
                // A hub-only member's links: one per hub it is in (hub lists are in Order order, so found by binary search).
                if (position >= offset)
                {
                    var member = MemberAt(order[m]);
                    var links = OrderLinks(hubs.Select(h => (Hub: h, At: Array.BinarySearch(h.Orders, member.Order)))
                        .Where(x => x.At >= 0 && LinksThrough(x.Hub, x.At, subjectSpan, today))
                        .Select(x => HubLink(subject.Case, x.Hub, member.Case, subjectPeriod)).ToList());
                    items.Add(new CaseConnection(member.Case, member.LegalStatus, StrengthOf(links[0].Kind), links));
                }
                m++;
            }
        }
        var end = offset + items.Count;
        var next = end < total ? Paging.CursorAt(end) : null;
        // A hub's cases include the one asked about (CaseHub's contract), which is not one of its connections.
        var summary = hubs.Select(h => new ConnectionHub(h.Kind, h.Node, h.Cases.Count - 1))
            .OrderBy(h => Rank(h.Kind)).ThenByDescending(h => h.Cases).ThenBy(h => h.Node.Id, StringComparer.Ordinal).ToList();
        return new CaseConnectionsResult(subject.Case, total, next, next is not null, summary, items);
    }

    // A force links two cases only when their periods certainly overlap (a force employs thousands); other hubs always do.
    // The member at position at of the hub; from the spans the hub keeps, as this runs for every member of every force.
    private static bool LinksThrough(CaseHub hub, int at, SureSpan? subjectSpan, DateOnly today) =>
        hub.Kind != Force || SureSpan.Meet(subjectSpan, hub.SureSpans[at], today);

    /// <summary>The indexes 0..count-1 with the <paramref name="k"/> smallest keys, smallest first (keys are distinct):
    /// a bounded heap, so a first page of 50k hub members costs a pass, not a sort.</summary>
    private static int[] FirstByKey(int count, int k, Func<int, long> key)
    {
        k = Math.Min(k, count);
        var heap = new PriorityQueue<int, long>(k + 1, Comparer<long>.Create((x, y) => y.CompareTo(x)));
        for (var i = 0; i < count; i++)
        {
            var ki = key(i);
            if (heap.Count < k) heap.Enqueue(i, ki);
            else if (k > 0 && heap.TryPeek(out _, out var largest) && ki < largest) heap.DequeueEnqueue(i, ki);
        }
        var chosen = heap.UnorderedItems.Select(e => (Index: e.Element, Key: e.Priority)).ToArray();
        Array.Sort(chosen, (x, y) => x.Key.CompareTo(y.Key));
        return chosen.Select(c => c.Index).ToArray();
    }

    /// <summary>How <paramref name="other"/> connects to <paramref name="subject"/>, or null when it does not; links through the
    /// entities in <paramref name="hubs"/> (keyed by <see cref="CaseEntity.Key"/>) are one link per hub.</summary>
    // Whether a subject of the case served at the hub unit or force: the hub's entity among EntitiesOf(facts), checked
    // without making every entity's key (this runs once per candidate case).
    private static bool HasServiceAt(CaseFacts facts, CaseHub hub)
    {
        foreach (var subject in facts.Subjects)
            foreach (var service in subject.Service)
                if (hub.Kind == Unit ? service.Organisation.Label == Labels.Unit && service.Organisation.Id == hub.Node.Id
                    : service.ForceId is not null && (service.Organisation.Label == Labels.Force ? service.Organisation.Id : service.ForceId) == hub.Node.Id)
                    return true;
        return false;
    }

    public static CaseConnection? Connect(CaseFacts subject, CaseFacts other, IReadOnlyDictionary<string, CaseHub> hubs, DateOnly today) =>
        Connect(subject, CasePeriod(subject), other, hubs, today);

    // The subject's period is worked out once per question, not once per candidate: it parses every date of the case.
    private static CaseConnection? Connect(CaseFacts subject, Period subjectPeriod, CaseFacts other, IReadOnlyDictionary<string, CaseHub> hubs, DateOnly today)
    {
        var links = OrderLinks(LinksBetween(subject, subjectPeriod, other, hubs, today).ToList());
        return links.Count == 0 ? null : new CaseConnection(other.Case, other.LegalStatus, StrengthOf(links[0].Kind), links);
    }

    /// <summary>The rule's order of connections.</summary>
    public static int Compare(CaseConnection a, CaseConnection b) => CompareKeys(RankKey(a), a.Case, RankKey(b), b.Case);

    private static (int Rank, int Strong) RankKey(CaseConnection c) => (Rank(c.Links[0].Kind), c.Links.Count(l => StrengthOf(l.Kind) != "weak"));

    private static int CompareKeys((int Rank, int Strong) a, NodeRef aCase, (int Rank, int Strong) b, NodeRef bCase)
    {
        var byRank = a.Rank.CompareTo(b.Rank);
        if (byRank != 0) return byRank;
        var byStrong = b.Strong.CompareTo(a.Strong);
        if (byStrong != 0) return byStrong;
        var byName = string.CompareOrdinal(aCase.Name, bCase.Name);
        return byName != 0 ? byName : string.CompareOrdinal(aCase.Id, bCase.Id);
    }

    private static List<ConnectionLink> OrderLinks(List<ConnectionLink> links) =>
        links.DistinctBy(l => (l.Kind, string.Join('|', l.Path.Select(p => p.Id))))
            .OrderBy(l => Rank(l.Kind)).ThenBy(l => l.Explanation, StringComparer.Ordinal)
            .ToList();

    private static int Rank(string kind)
    {
        for (var i = 0; i < Kinds.Count; i++)
            if (Kinds[i] == kind) return i;
        return Kinds.Count;
    }

    private static IEnumerable<ConnectionLink> LinksBetween(CaseFacts a, Period aPeriod, CaseFacts b, IReadOnlyDictionary<string, CaseHub> hubs, DateOnly today)
    {
        if (a.RelatedCases.Any(r => r.Id == b.Case.Id) || b.RelatedCases.Any(r => r.Id == a.Case.Id))
            yield return Link(Related, $"{a.Case.Name} is recorded as related to {b.Case.Name}", a.Case, b.Case);

        foreach (var officer in a.Subjects.Select(s => s.Officer).IntersectBy(b.Subjects.Select(s => s.Officer.Id), o => o.Id))
            yield return Link(Officer, $"{officer.Name} is a subject of both cases", a.Case, officer, b.Case);

        var bPeriod = CasePeriod(b);
        var casesOverlap = aPeriod.OverlapCertainty(bPeriod, today) == Certainty.Certain;
        foreach (var sa in a.Subjects)
            foreach (var sb in b.Subjects.Where(s => s.Officer.Id != sa.Officer.Id))
                foreach (var ra in sa.Service)
                    foreach (var rb in sb.Service)
                    {
                        if (ra.Organisation.Id == rb.Organisation.Id && ra.Organisation.Label == Labels.Unit)
                        {
                            if (!hubs.ContainsKey(new CaseEntity(Unit, ra.Organisation).Key))
                                yield return Link(Unit, $"{sa.Officer.Name} and {sb.Officer.Name} both served in {ra.Organisation.Name}",
                                    a.Case, sa.Officer, ra.Organisation, sb.Officer, b.Case);
                        }
                        else if (casesOverlap && ra.ForceId is not null && ra.ForceId == rb.ForceId
                                 && !hubs.ContainsKey(new CaseEntity(Force, ForceOf(ra)).Key))
                        {
                            var force = ra.Organisation.Label == Labels.Force ? ra.Organisation
                                : rb.Organisation.Label == Labels.Force ? rb.Organisation
                                : ForceOf(ra);
                            yield return Link(Force, $"{sa.Officer.Name} and {sb.Officer.Name} both served in {force.Name}, and the cases overlap in time",
                                a.Case, sa.Officer, force, sb.Officer, b.Case);
                        }
                    }

        // Hub units and forces: one link each when both cases have a subject who served there (a force, like any force
        // link, only when the cases certainly overlap in time).
        foreach (var hub in hubs.Values.Where(h => h.Kind is Unit or Force))
            if (HasServiceAt(b, hub) && (hub.Kind != Force || casesOverlap)) yield return HubLink(a.Case, hub, b.Case, aPeriod);

        var actorsB = b.Events.SelectMany(e => e.Actors).Where(IsInstitution).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var actor in a.Events.SelectMany(e => e.Actors).Where(n => IsInstitution(n) && actorsB.Contains(n.Id)).DistinctBy(n => n.Id))
            yield return Link(Institution, $"{actor.Name} acted in both cases", a.Case, actor, b.Case);

        foreach (var source in a.Sources.IntersectBy(b.Sources.Select(s => s.Id), s => s.Id).DistinctBy(s => s.Id))
            yield return Link(Source, $"\"{source.Title}\" covers both cases", a.Case, new NodeRef(source.Id, Labels.Source, source.Title), b.Case);

        foreach (var category in a.Categories.Intersect(b.Categories, StringComparer.Ordinal))
            yield return Link(Category, $"both cases are in the category {category}", a.Case, b.Case);
    }

    /// <summary>The one link through a hub; the same words as the link it stands for, so a hub member reads like any other.</summary>
    private static ConnectionLink HubLink(NodeRef a, CaseHub hub, NodeRef b, Period aPeriod) => hub.Kind switch
    {
        Unit => Link(Unit, $"subjects of both cases served in {hub.Node.Name} (a hub: {hub.Cases.Count:N0} cases have a subject who served there)", a, hub.Node, b),
        Force => Link(Force, $"subjects of both cases served in {hub.Node.Name}, and the cases overlap in time (a hub: {hub.Cases.Count:N0} cases have a subject who served there)", a, hub.Node, b),
        Institution => Link(Institution, $"{hub.Node.Name} acted in both cases", a, hub.Node, b),
        Source => Link(Source, $"\"{hub.Node.Name}\" covers both cases", a, hub.Node, b),
        _ => Link(Category, $"both cases are in the category {hub.Node.Id}", a, b),
    };

    // Organisations and people act for institutions; an officer acting in an event is already covered by the subject links.
    private static bool IsInstitution(NodeRef node) => node.Label is Labels.Organisation or Labels.Person;

    /// <summary>From the first known date (the case's own or its earliest step) to its latest step.</summary>
    public static Period CasePeriod(CaseFacts facts) => CasePeriod(facts.Date, facts.Events.Select(e => e.Date));

    /// <summary>The same, from the case's own date and its steps' dates (what a store needs to rank a hub's members).</summary>
    public static Period CasePeriod(string? date, IEnumerable<string?> eventDates)
    {
        var dates = eventDates.Append(date)
            .Select(d => PartialDate.TryParse(d, out var date, out _) ? date : (PartialDate?)null)
            .OfType<PartialDate>().Order().ToList();
        return dates.Count == 0 ? Period.Unknown : new Period(PeriodEnd.On(dates[0]), PeriodEnd.On(dates[^1]));
    }

    private static ConnectionLink Link(string kind, string explanation, params NodeRef[] path) =>
        new(kind, StrengthOf(kind), explanation, path);
}
