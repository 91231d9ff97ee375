using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Tests.Cases;

/// <summary>
/// Connections and outcome statistics the slow, obvious way: every case against every other case, with hubs found by
/// counting over the whole dataset. No index, no candidates, no merging of ranked lists, no paging: what the stores'
/// fast paths must reproduce exactly.
/// </summary>
public static class CaseBruteForce
{
    public static readonly DateOnly Today = new(2026, 1, 1);

    public static List<CaseConnection> Connections(string caseId, IReadOnlyList<CaseFacts> all, Func<string, NodeRef?> nodeById)
    {
        var subject = all.Single(f => f.Case.Id == caseId);
        var sharing = all.SelectMany(f => CaseConnectionRule.EntitiesOf(f).Select(e => e.Key).Distinct().Select(k => (Key: k, Case: f)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Case).ToList());
        var hubs = CaseConnectionRule.EntitiesOf(subject).DistinctBy(e => e.Key)
            .Where(e => CaseConnectionRule.CanBeHub(e.Kind) && sharing[e.Key].Count > CaseConnectionRule.HubThreshold)
            .ToDictionary(e => e.Key, e => new CaseHub(e.Kind, e.Kind == CaseConnectionRule.Force ? nodeById(e.Node.Id) ?? e.Node : e.Node,
                sharing[e.Key].Select((f, i) => new CaseHubMember(f.Case, f.LegalStatus, CaseConnectionRule.CasePeriod(f), i)).ToList()));
        var connections = all.Where(f => f.Case.Id != caseId)
            .Select(other => CaseConnectionRule.Connect(subject, other, hubs, Today))
            .OfType<CaseConnection>()
            .ToList();
        connections.Sort(CaseConnectionRule.Compare);
        return connections;
    }

    public static async Task<(List<CaseConnection> Connections, int Total, CaseConnectionsResult First)> WalkAllPagesAsync(IGraphStore store,
        string caseId, int limit)
    {
        var all = new List<CaseConnection>();
        string? cursor = null;
        CaseConnectionsResult? first = null;
        var totals = new HashSet<int>();
        do
        {
            var facts = (await store.GetCaseConnectionFactsAsync(caseId, CancellationToken.None))!;
            var page = CaseConnectionRule.For(facts, new PageRequest(limit, cursor), Today);
            first ??= page;
            totals.Add(page.Total);
            Assert.True(page.Connections.Count <= limit);
            Assert.Equal(page.Next is not null, page.Truncated);
            all.AddRange(page.Connections);
            cursor = page.Next;
        } while (cursor is not null);
        Assert.Single(totals);
        Assert.Equal(totals.Single(), all.Count);
        return (all, totals.Single(), first);
    }

    /// <summary>Outcomes by filtering every case's facts and deciding each one.</summary>
    public static List<CaseOutcome> Outcomes(IReadOnlyList<CaseFacts> all, string? forceId, string? category) =>
        all.Where(f => forceId is null || OutcomeStatistics.InForce(f, forceId))
            .Where(f => category is null || f.Categories.Contains(category))
            .OrderBy(f => f.Case.Id, StringComparer.Ordinal)
            .Select(OutcomeStatistics.OutcomeOf)
            .ToList();

    public static string Json<T>(T value) => JsonSerializer.Serialize(value);

    /// <summary>Every case's own facts, as the store gives them (each one asked for by id).</summary>
    public static async Task<List<CaseFacts>> AllFactsAsync(IGraphStore store, IEnumerable<string> caseIds)
    {
        var all = new List<CaseFacts>();
        foreach (var id in caseIds) all.Add((await store.GetCaseConnectionFactsAsync(id, CancellationToken.None))!.Case);
        return all;
    }
}
