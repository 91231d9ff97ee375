using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Core.Rules;
using Dataset = KnowledgeGraph.Core.Model.Dataset;

namespace KnowledgeGraph.Api.Storage;

/// <summary>
/// The one place replies and corrections meet the answers: every fact an answer shows (node, relationship, path hop,
/// timeline event, served-together entry, case connection, source evidence) gets its notes and its <c>disputed</c> /
/// <c>corrected</c> marks here, from one indexed lookup of the ids in the answer, so the cost follows the answer's size. <see cref="GuardedGraphStore"/> calls
/// it after protecting victims. With no note store (a test double), answers pass through unchanged.
/// </summary>
public sealed class FactNoteAnnotator(IFactNoteStore? store)
{
    public static FactNoteAnnotator None { get; } = new(null);

    private async Task<Dictionary<string, FactNotes>> ViewsAsync(IEnumerable<string> ids, IEnumerable<string> bases, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(ids, bases, cancellationToken);
        return entries.GroupBy(e => e.Fact!.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => FactNotes.Of(g)!, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<NoteEntry>> EntriesAsync(IEnumerable<string> ids, IEnumerable<string> bases, CancellationToken cancellationToken)
    {
        if (store is null) return [];
        var idList = ids.Distinct(StringComparer.Ordinal).ToList();
        var baseList = bases.Distinct(StringComparer.Ordinal).ToList();
        if (idList.Count == 0 && baseList.Count == 0) return [];
        var entries = await store.GetNotesAsync(idList, baseList, cancellationToken).WaitAsync(cancellationToken);
        return entries.Where(e => e.Fact is not null && (e.Reply is not null || e.Correction is not null)).ToList();
    }

    public async Task<NodeDetail> AttachAsync(NodeDetail detail, CancellationToken cancellationToken)
    {
        if (store is null) return detail;
        var views = await ViewsAsync(detail.Relationships.Select(r => r.Id).Append(detail.Node.Id), [], cancellationToken);
        if (views.Count == 0) return detail;
        return detail with
        {
            Notes = views.GetValueOrDefault(detail.Node.Id),
            Relationships = detail.Relationships.Select(r => views.TryGetValue(r.Id, out var n) ? r with { Notes = n } : r).ToList(),
        };
    }

    public async Task<SearchResult> AttachAsync(SearchResult result, CancellationToken cancellationToken)
    {
        if (store is null) return result;
        var views = await ViewsAsync(result.Hits.Select(h => h.Id), [], cancellationToken);
        return views.Count == 0 ? result
            : result with { Hits = result.Hits.Select(h => views.TryGetValue(h.Id, out var n) ? h with { Notes = n } : h).ToList() };
    }

    public async Task<Subgraph> AttachAsync(Subgraph graph, CancellationToken cancellationToken)
    {
        if (store is null) return graph;
        var entries = await EntriesAsync(graph.Nodes.Select(n => n.Id).Concat(graph.Relationships.Select(r => r.Id)), [], cancellationToken);
        return entries.Count == 0 ? graph : graph with { Notes = NoteEntries.ToFactNotes(entries).ToDictionary(n => n.FactId, StringComparer.Ordinal) };
    }

    public async Task<PathResult> AttachAsync(PathResult result, CancellationToken cancellationToken)
    {
        if (store is null) return result;
        var views = await ViewsAsync(result.Paths.SelectMany(p => p.Hops).Select(h => h.RelationshipId), [], cancellationToken);
        return views.Count == 0 ? result : result with
        {
            Paths = result.Paths.Select(p => p with
            {
                Hops = p.Hops.Select(h => views.TryGetValue(h.RelationshipId, out var n) ? h with { Notes = n } : h).ToList(),
            }).ToList(),
        };
    }

    public async Task<CaseTimeline> AttachAsync(CaseTimeline timeline, CancellationToken cancellationToken)
    {
        if (store is null) return timeline;
        var views = await ViewsAsync(timeline.Events.Select(e => e.Id).Append(timeline.Case.Id), [], cancellationToken);
        return views.Count == 0 ? timeline : timeline with
        {
            Notes = views.GetValueOrDefault(timeline.Case.Id),
            Events = timeline.Events.Select(e => views.TryGetValue(e.Id, out var n) ? e with { Notes = n } : e).ToList(),
        };
    }

    /// <summary>An entry rests on both officers' SERVED_IN (or the WORKED_WITH a source states); their notes, whatever the
    /// relationship's key, are found by base id. At force scope a spell in a unit of the force is not matched (known gap).</summary>
    private static IEnumerable<string> RestsOn(string officer, string other, string? organisation, string basis) =>
        basis == Core.Rules.ServedTogetherRule.Explicit
            ? [GraphRelationship.MakeId(RelationshipTypes.WorkedWith, officer, other, null), GraphRelationship.MakeId(RelationshipTypes.WorkedWith, other, officer, null)]
            : organisation is null ? []
            : [GraphRelationship.MakeId(RelationshipTypes.ServedIn, officer, organisation, null), GraphRelationship.MakeId(RelationshipTypes.ServedIn, other, organisation, null)];

    private static FactNotes? NotesOf(IEnumerable<string> bases, IReadOnlyList<NoteEntry> entries) =>
        bases.ToHashSet(StringComparer.Ordinal) is var wanted
            ? FactNotes.Merge(entries.Where(e => wanted.Contains(FactRef.BaseOf(e.Fact!.Id))).GroupBy(e => e.Fact!.Id).Select(FactNotes.Of))
            : null;

    public async Task<ServedTogetherResult> AttachAsync(ServedTogetherResult result, CancellationToken cancellationToken)
    {
        if (store is null) return result;
        var bases = result.Entries.Select(e => e.Shared.Select(s => RestsOn(result.Officer.Id, e.Officer.Id, s.Organisation?.Id, s.Basis).ToList()).ToList()).ToList();
        var entries = await EntriesAsync([], bases.SelectMany(b => b).SelectMany(b => b), cancellationToken);
        if (entries.Count == 0) return result;
        return result with
        {
            Entries = result.Entries.Select((e, i) => e with
            {
                Shared = e.Shared.Select((s, j) => s with { Notes = NotesOf(bases[i][j], entries) }).ToList(),
                Notes = NotesOf(bases[i].SelectMany(b => b), entries),
            }).ToList(),
        };
    }

    public async Task<OrganisationServedTogether> AttachAsync(OrganisationServedTogether result, CancellationToken cancellationToken)
    {
        if (store is null) return result;
        var bases = result.Pairs.Select(p => RestsOn(p.Officer.Id, p.OtherOfficer.Id, p.Organisation.Id, p.Basis).ToList()).ToList();
        var entries = await EntriesAsync([], bases.SelectMany(b => b), cancellationToken);
        return entries.Count == 0 ? result
            : result with { Pairs = result.Pairs.Select((p, i) => p with { Notes = NotesOf(bases[i], entries) }).ToList() };
    }

    public async Task<SourceEvidence> AttachAsync(SourceEvidence evidence, CancellationToken cancellationToken)
    {
        if (store is null) return evidence;
        var views = await ViewsAsync(evidence.Nodes.Select(n => n.Id).Concat(evidence.Relationships.Select(r => r.Id)), [], cancellationToken);
        return views.Count == 0 ? evidence : evidence with
        {
            Nodes = evidence.Nodes.Select(n => views.TryGetValue(n.Id, out var notes) ? n with { Notes = notes } : n).ToList(),
            Relationships = evidence.Relationships.Select(r => views.TryGetValue(r.Id, out var notes) ? r with { Notes = notes } : r).ToList(),
        };
    }

    /// <summary>The relationships a connection link rests on, by base id, read from its path: a stated relation, both
    /// cases' SUBJECT_OF of a shared officer, the two spells and two SUBJECT_OF of officers who shared a unit or force, or
    /// the source's REPORTS_ON / COMMENTS_ON of both cases. Not matched (known gaps): a link through a hub unit or force
    /// (it rests on many spells), an institution (its events' BY are not on the path) and a force reached through a unit
    /// spell; a category rests on the cases themselves, whose notes the entry carries.</summary>
    private static IEnumerable<string> RestsOn(ConnectionLink link)
    {
        var p = link.Path.Select(n => n.Id).ToList();
        static string Rel(string type, string from, string to) => GraphRelationship.MakeId(type, from, to, null);
        return link.Kind switch
        {
            CaseConnectionRule.Related => [Rel(RelationshipTypes.RelatedTo, p[0], p[1]), Rel(RelationshipTypes.RelatedTo, p[1], p[0])],
            CaseConnectionRule.Officer => [Rel(RelationshipTypes.SubjectOf, p[1], p[0]), Rel(RelationshipTypes.SubjectOf, p[1], p[2])],
            CaseConnectionRule.Unit or CaseConnectionRule.Force when p.Count == 5 =>
                [Rel(RelationshipTypes.SubjectOf, p[1], p[0]), Rel(RelationshipTypes.ServedIn, p[1], p[2]),
                 Rel(RelationshipTypes.ServedIn, p[3], p[2]), Rel(RelationshipTypes.SubjectOf, p[3], p[4])],
            CaseConnectionRule.Source =>
                [Rel(RelationshipTypes.ReportsOn, p[1], p[0]), Rel(RelationshipTypes.ReportsOn, p[1], p[2]),
                 Rel(RelationshipTypes.CommentsOn, p[1], p[0]), Rel(RelationshipTypes.CommentsOn, p[1], p[2])],
            _ => [],
        };
    }

    /// <summary>A connection entry shows the other case and rests on its links: it carries the case's notes and every
    /// link's, and each link its own.</summary>
    public async Task<CaseConnectionsResult> AttachAsync(CaseConnectionsResult result, CancellationToken cancellationToken)
    {
        if (store is null) return result;
        var bases = result.Connections.Select(c => c.Links.Select(l => RestsOn(l).ToList()).ToList()).ToList();
        var entries = await EntriesAsync(result.Connections.Select(c => c.Case.Id), bases.SelectMany(b => b).SelectMany(b => b), cancellationToken);
        if (entries.Count == 0) return result;
        return result with
        {
            Connections = result.Connections.Select((c, i) =>
            {
                var links = c.Links.Select((l, j) => l with { Notes = NotesOf(bases[i][j], entries) }).ToList();
                return c with { Links = links, Notes = FactNotes.Merge(links.Select(l => l.Notes).Prepend(NotesOf([c.Case.Id], entries))) };
            }).ToList(),
        };
    }

    /// <summary>Every reply and correction the store holds, by fact id (the export streams and carries each element's own;
    /// a withheld fact is never in the store, so it has none here).</summary>
    public async Task<IReadOnlyDictionary<string, FactNote>> AllByFactAsync(CancellationToken cancellationToken)
    {
        if (store is null) return new Dictionary<string, FactNote>(StringComparer.Ordinal);
        var log = await store.GetNoteLogAsync(null, new PageRequest(int.MaxValue), cancellationToken).WaitAsync(cancellationToken);
        return NoteEntries.ToFactNotes(log.Items.Where(e => e.Fact is not null)).ToDictionary(n => n.FactId, StringComparer.Ordinal);
    }

    /// <summary>One page of the public log.</summary>
    public Task<Page<NoteEntry>> LogAsync(string? since, PageRequest page, CancellationToken cancellationToken) =>
        store is null ? Task.FromResult(new Page<NoteEntry>([], 0, null)) : store.GetNoteLogAsync(since, page, cancellationToken).WaitAsync(cancellationToken);
}
