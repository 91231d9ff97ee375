using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>How many cases reached a finding at a level followed by a sanction, and which cases they are.</summary>
public sealed record OutcomeCount(string? Finding, string Sanction, string Label, int Count, IReadOnlyList<string> CaseIds);

/// <summary>A ratio shown with its parts and the cases behind each part, so a reader can check every one.</summary>
public sealed record OutcomeRatio(string Question, int Numerator, int Denominator, double? Ratio,
    IReadOnlyList<string> NumeratorCaseIds, IReadOnlyList<string> DenominatorCaseIds);

public sealed record OutcomeStatisticsResult(string? Force, string? Category, int CasesConsidered,
    IReadOnlyList<OutcomeCount> Outcomes, OutcomeRatio GrossMisconductDismissal);

/// <summary>
/// Outcome counts over the structured event vocabularies (<c>misconductLevel</c>, <c>sanction</c>), per case.
/// A finding counts only at the legal status the source gives: a gross-misconduct finding is one recorded as
/// <c>proven</c> (a panel found it), a criminal one as <c>convicted</c>; an admission or a case to answer is not
/// upgraded into a finding, and a finding a later step overturned is not counted.
/// </summary>
public static class OutcomeStatistics
{
    public const string GrossMisconduct = "gross_misconduct", Misconduct = "misconduct", Criminal = "criminal";
    public const string NoneRecorded = "none_recorded", NotCoded = "not_coded", LevelNotRecorded = "level_not_recorded";

    private static readonly HashSet<string> DismissalSanctions = ["dismissed", "would_have_been_dismissed"];

    public static OutcomeStatisticsResult Compute(IReadOnlyList<CaseFacts> facts, string? forceId, string? category)
    {
        var cases = facts
            .Where(f => forceId is null || f.Subjects.SelectMany(s => s.Service).Any(r => r.ForceId == forceId || r.Organisation.Id == forceId))
            .Where(f => category is null || f.Categories.Contains(category, StringComparer.Ordinal))
            .OrderBy(f => f.Case.Id, StringComparer.Ordinal)
            .ToList();

        var rows = new Dictionary<(string? Finding, string Sanction), List<string>>();
        var grossFindings = new List<string>();
        var grossDismissals = new List<string>();
        foreach (var caseFacts in cases)
        {
            var finding = FindingOf(caseFacts);
            var sanctions = caseFacts.Events.OrderBy(e => PartialDate.Parse(e.Date))
                .Select(SanctionOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (finding is null && sanctions.Count == 0) continue;
            foreach (var sanction in sanctions.DefaultIfEmpty(NoneRecorded))
            {
                var key = (finding, sanction);
                if (!rows.TryGetValue(key, out var ids)) rows[key] = ids = [];
                ids.Add(caseFacts.Case.Id);
            }
            if (finding == GrossMisconduct)
            {
                grossFindings.Add(caseFacts.Case.Id);
                if (sanctions.Any(DismissalSanctions.Contains))
                    grossDismissals.Add(caseFacts.Case.Id);
            }
        }

        var outcomes = rows
            .Select(r => new OutcomeCount(r.Key.Finding, r.Key.Sanction, Describe(r.Key.Finding, r.Key.Sanction), r.Value.Count, r.Value))
            .OrderBy(o => FindingRank(o.Finding)).ThenByDescending(o => o.Count).ThenBy(o => o.Sanction, StringComparer.Ordinal)
            .ToList();
        var ratio = new OutcomeRatio(
            "Of the cases with a proven gross-misconduct finding, how many ended in dismissal (or would have, had the officer not already left)?",
            grossDismissals.Count, grossFindings.Count,
            grossFindings.Count == 0 ? null : Math.Round((double)grossDismissals.Count / grossFindings.Count, 3),
            grossDismissals, grossFindings);
        return new OutcomeStatisticsResult(forceId, category, cases.Count, outcomes, ratio);
    }

    /// <summary>The coded sanction; a dismissal step is a dismissal; any other sanction step without a code is "not coded"
    /// (its outcome text says what it was) rather than guessed from prose.</summary>
    public static string? SanctionOf(EventFact e) => e.Sanction ?? e.Kind switch
    {
        "dismissal" when e.LegalStatus != "overturned" => "dismissed",
        "sanction" or "sentence" => NotCoded,
        _ => null,
    };

    /// <summary>The most serious finding that stands in the case: criminal conviction, then gross misconduct, then misconduct.</summary>
    public static string? FindingOf(CaseFacts facts)
    {
        var ordered = facts.Events.OrderBy(e => PartialDate.Parse(e.Date)).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        string? best = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            var level = e.MisconductLevel;
            // A conviction is a criminal finding even when the level is not coded; a proven finding with no level
            // is kept apart rather than assumed to be gross misconduct.
            if (level is null && e.Kind == "verdict" && e.LegalStatus == "convicted") level = Criminal;
            if (level is null && e.Kind == "finding" && e.LegalStatus == "proven") level = LevelNotRecorded;
            var found = (level, e.LegalStatus) switch
            {
                (Criminal, "convicted") => true,
                (GrossMisconduct or Misconduct or LevelNotRecorded, "proven") => true,
                _ => false,
            };
            var overturnedLater = ordered.Skip(i + 1).Any(later => later.LegalStatus == "overturned" && (later.MisconductLevel is null || later.MisconductLevel == level));
            if (found && !overturnedLater && FindingRank(level) < FindingRank(best)) best = level;
        }
        return best;
    }

    private static int FindingRank(string? finding) => finding switch
    {
        Criminal => 0,
        GrossMisconduct => 1,
        Misconduct => 2,
        LevelNotRecorded => 3,
        _ => 4,
    };

    private static string Describe(string? finding, string sanction)
    {
        var what = finding switch
        {
            Criminal => "Criminal conviction",
            GrossMisconduct => "Proven gross misconduct",
            Misconduct => "Proven misconduct",
            LevelNotRecorded => "Proven finding (level not recorded)",
            _ => "No finding recorded",
        };
        var then = sanction switch
        {
            NoneRecorded => "no sanction recorded",
            NotCoded => "a sanction not coded in the data (see the step's outcome)",
            _ => sanction.Replace('_', ' '),
        };
        return $"{what}, then {then}";
    }
}
