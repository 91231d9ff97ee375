using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>Date order for a case's steps: by partial date (2021 before 2021-03), then by id so ties never shuffle.</summary>
public static class TimelineOrder
{
    public static IReadOnlyList<TimelineEvent> Sort(IEnumerable<TimelineEvent> events) =>
        events.OrderBy(e => PartialDate.Parse(e.Date)).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
}
