using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Tests.Cases;

/// <summary>
/// <see cref="OutcomeStatistics.Compute"/> counted against a grouping written here, over random outcomes whose sanction
/// codes include pairs that look alike to its key hash (same length, same first and last letters): those must still be
/// counted apart.
/// </summary>
public sealed class OutcomeCountTests
{
    private static readonly string?[] Findings = [null, OutcomeStatistics.Criminal, OutcomeStatistics.GrossMisconduct, OutcomeStatistics.Misconduct, "some_other_level"];
    private static readonly string[] Sanctions = ["advice", "active", "dismissed", "dismassed", "final_written_warning", "final_writtex_warning", "fine", "five", "would_have_been_dismissed"];

    [Fact]
    public void Every_finding_and_sanction_pair_is_counted_apart_with_its_cases_in_order()
    {
        var random = new Random(13);
        var outcomes = Enumerable.Range(0, 3_000).Select(i => new CaseOutcome($"case:c{i:D5}", Findings[random.Next(Findings.Length)],
            Sanctions.Where(_ => random.Next(5) == 0).ToList())).ToList();

        var stats = OutcomeStatistics.Compute(outcomes, null, null, caseIdLimit: 7);

        var expected = outcomes
            .Where(o => o.Finding is not null || o.Sanctions.Count > 0)
            .SelectMany(o => (o.Sanctions.Count == 0 ? [OutcomeStatistics.NoneRecorded] : o.Sanctions).Select(s => (o.Finding, Sanction: s, o.CaseId)))
            .GroupBy(x => (x.Finding, x.Sanction))
            .ToDictionary(g => g.Key, g => g.Select(x => x.CaseId).ToList());
        Assert.Equal(expected.Count, stats.Outcomes.Count);
        foreach (var row in stats.Outcomes)
        {
            var cases = expected[(row.Finding, row.Sanction)];
            Assert.Equal(cases.Count, row.Count);
            Assert.Equal(cases.Take(7), row.CaseIds);
            Assert.Equal(cases.Count > 7, row.CaseIdsTruncated);
        }

        var gross = outcomes.Where(o => o.Finding == OutcomeStatistics.GrossMisconduct).ToList();
        var dismissed = gross.Where(o => o.Sanctions.Contains("dismissed") || o.Sanctions.Contains("would_have_been_dismissed")).ToList();
        Assert.Equal((dismissed.Count, gross.Count), (stats.GrossMisconductDismissal.Numerator, stats.GrossMisconductDismissal.Denominator));
        Assert.Equal(dismissed.Take(7).Select(o => o.CaseId), stats.GrossMisconductDismissal.NumeratorCaseIds);
    }
}
