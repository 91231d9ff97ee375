namespace KnowledgeGraph.Benchmarks;

/// <summary>One row of the table: what is asked, the ids it is asked about, and the targets of issue 10
/// (null: report the figure, no target).</summary>
public sealed record BenchmarkRow(string Name, IReadOnlyList<string> Urls, double? EmbeddedTargetMs, double? Neo4jTargetMs, bool InLoadMix = true);

/// <summary>
/// Every request the benchmark makes, in one place, so a change of route or parameter (paging, a new default) is
/// one edit here. Ids come from the generated graph's sample: officers in the biggest units, the 13k-officer training
/// unit and the smallest units (for organisation pairs, also the first three forces: a whole force's sweep); cases with
/// many and with few connections; the source that reports on every case.
/// </summary>
public static class RequestPlan
{
    public const string FirstPage = "limit=100";

    public static IReadOnlyList<BenchmarkRow> Rows(GraphSample s)
    {
        var officers = s.BigUnitOfficers.Concat(s.TrainingUnitOfficers).Concat(s.SmallUnitOfficers).ToArray();
        var cases = s.BusyCases.Concat(s.QuietCases).ToArray();
        var pairs = officers.Zip(officers.Reverse().Concat(cases)).Where(p => p.First != p.Second).Take(8).ToArray();
        string E(string id) => Uri.EscapeDataString(id);
        return
        [
            new("node", [.. officers.Concat(cases).Select(id => $"/api/nodes/{E(id)}")], 5, null),
            new("search", ["/api/search?q=smith&limit=50", "/api/search?q=patel&label=Officer&limit=50", "/api/search?q=alex%20jo&limit=50",
                "/api/search?q=case%2012&label=Case&limit=50", "/api/search?q=national&limit=50"], 5, null),
            new("timeline", [.. cases.Select(id => $"/api/cases/{E(id)}/timeline")], 5, null),
            new("served-together, unit scope, first page of 100", [.. officers.Select(id => $"/api/officers/{E(id)}/served-together?scope=unit&{FirstPage}")], 20, 200),
            new("served-together, force scope, first page of 100", [.. officers.Select(id => $"/api/officers/{E(id)}/served-together?scope=force&{FirstPage}")], 20, 200),
            new("organisation pairs, first page of 100", [.. s.BigUnits.Concat(s.SmallUnits).Append(s.TrainingUnit).Concat(s.Forces).Select(id => $"/api/organisations/{E(id)}/served-together?{FirstPage}")], 20, 200),
            new("shortest paths, maxHops 6", [.. pairs.Select(p => $"/api/paths?from={E(p.First)}&to={E(p.Second)}&maxHops=6")], 50, 500),
            new("shortest paths, maxHops 6, exclude=Force", [.. pairs.Select(p => $"/api/paths?from={E(p.First)}&to={E(p.Second)}&maxHops=6&exclude=Force")], 50, 500),
            new("neighbourhood depth 2 (limit 150)", [.. cases.Concat(officers.Take(4)).Select(id => $"/api/nodes/{E(id)}/neighbourhood?depth=2&limit=150")], 20, null),
            new("case connections, first page", [.. cases.Select(id => $"/api/cases/{E(id)}/connections?limit=50")], 50, null),
            new("outcome statistics, any filter", ["/api/stats/outcomes", $"/api/stats/outcomes?force={E(s.Forces[0])}", "/api/stats/outcomes?category=sexual_offence",
                $"/api/stats/outcomes?force={E(s.Forces[^1])}&category=corruption"], 100, null),
            new("source evidence, first page, 50k-case source", [$"/api/sources/{E(s.NationalSource)}?limit=50"], 50, null),
            new("source evidence, first page, local source", [.. s.LocalSources.Select(id => $"/api/sources/{E(id)}?limit=50")], 50, null),
        ];
    }

    public const string ExportGraphMl = "/api/export?format=graphml";

    public const string Health = "/health";
}
