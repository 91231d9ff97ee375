using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Graph;

/// <summary>Explicit mapping from stored case and event nodes to the result records, shared by every store.</summary>
public static class CaseRecords
{
    public static TimelineEvent ToTimelineEvent(GraphNode e, IReadOnlyList<Actor> by, IReadOnlyList<SourceRef> sources) =>
        new(e.Id, e.Text("date")!, e.Text("kind")!, e.Text("summary") ?? e.Name, e.Text("outcome"), e.Text("legalStatus"),
            e.Text("misconductLevel"), e.Text("sanction"), by, sources);

    /// <summary>A case's events as facts, in date order (ties by id).</summary>
    public static IReadOnlyList<EventFact> ToEventFacts(IEnumerable<(GraphNode Event, IReadOnlyList<NodeRef> Actors)> events) =>
        events.Select(x => new EventFact(x.Event.Id, x.Event.Text("date")!, x.Event.Text("kind")!, x.Event.Text("legalStatus"),
                x.Event.Text("misconductLevel"), x.Event.Text("sanction"), x.Actors))
            .OrderBy(e => PartialDate.Parse(e.Date)).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

    public static CaseFacts ToCaseFacts(GraphNode @case, IReadOnlyList<SubjectFact> subjects, IReadOnlyList<EventFact> events,
        IReadOnlyList<SourceRef> sources, IEnumerable<NodeRef> related) =>
        new(NodeRef.Of(@case), @case.Text("legalStatus") ?? "unknown", @case.Properties.GetValueOrDefault("categories") as string[] ?? [],
            @case.Text("date"), subjects, events, sources,
            related.DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList());
}
