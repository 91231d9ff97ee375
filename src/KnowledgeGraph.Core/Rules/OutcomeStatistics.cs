using System.Runtime.InteropServices;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>How many cases reached a finding at a level followed by a sanction, and which cases they are (at most the
/// asked-for number of ids, in id order; <c>caseIdsTruncated</c> says when there are more than listed).</summary>
public sealed record OutcomeCount(string? Finding, string Sanction, string Label, int Count, IReadOnlyList<string> CaseIds, bool CaseIdsTruncated);

/// <summary>A ratio shown with its parts and the cases behind each part, so a reader can check every one.</summary>
public sealed record OutcomeRatio(string Question, int Numerator, int Denominator, double? Ratio,
    IReadOnlyList<string> NumeratorCaseIds, IReadOnlyList<string> DenominatorCaseIds, bool CaseIdsTruncated);

public sealed record OutcomeStatisticsResult(string? Force, string? Category, int CasesConsidered, int CaseIdLimit,
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

    /// <summary>Case ids listed per count unless asked otherwise; counts are always whole.</summary>
    public const int DefaultCaseIds = 1000;

    /// <summary>What statistics need of one case, decided once per case (stores keep these ready).</summary>
    public static CaseOutcome OutcomeOf(string caseId, IReadOnlyList<EventFact> events) =>
        new(caseId, FindingOf(events), events.OrderBy(e => PartialDate.Parse(e.Date))
            .Select(SanctionOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList());

    public static CaseOutcome OutcomeOf(CaseFacts facts) => OutcomeOf(facts.Case.Id, facts.Events);

    /// <summary>Which cases a force filter keeps: those with a subject who served in the force or one of its units.</summary>
    public static bool InForce(CaseFacts facts, string forceId) =>
        facts.Subjects.SelectMany(s => s.Service).Any(r => r.ForceId == forceId || r.Organisation.Id == forceId);

    /// <summary>The statistics over <paramref name="cases"/>: the outcome of every case the filter keeps, in case id order
    /// (ordinal). At most <paramref name="caseIdLimit"/> ids are listed per count.</summary>
    public static OutcomeStatisticsResult Compute(IReadOnlyList<CaseOutcome> cases, string? forceId, string? category, int caseIdLimit = DefaultCaseIds)
    {
        var rows = new Dictionary<(string? Finding, string Sanction), (int Count, List<string> Ids)>(OutcomeKeys.Comparer);
        int grossFindings = 0, grossDismissals = 0;
        List<string> grossFindingIds = [], grossDismissalIds = [];
        void Count(string? finding, string sanction, string caseId)
        {
            ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(rows, (finding, sanction), out var known);
            if (!known) row.Ids = [];
            if (row.Ids.Count < caseIdLimit) row.Ids.Add(caseId);
            row.Count++;
        }
        foreach (var outcome in cases)
        {
            var finding = outcome.Finding;
            if (finding is null && outcome.Sanctions.Count == 0) continue;
            if (outcome.Sanctions.Count == 0) Count(finding, NoneRecorded, outcome.CaseId);
            foreach (var sanction in outcome.Sanctions) Count(finding, sanction, outcome.CaseId);
            if (finding == GrossMisconduct)
            {
                if (grossFindings++ < caseIdLimit) grossFindingIds.Add(outcome.CaseId);
                if (outcome.Sanctions.Any(DismissalSanctions.Contains) && grossDismissals++ < caseIdLimit) grossDismissalIds.Add(outcome.CaseId);
            }
        }

        var outcomes = rows
            .Select(r => new OutcomeCount(r.Key.Finding, r.Key.Sanction, Describe(r.Key.Finding, r.Key.Sanction), r.Value.Count, r.Value.Ids,
                r.Value.Count > r.Value.Ids.Count))
            .OrderBy(o => FindingRank(o.Finding)).ThenByDescending(o => o.Count).ThenBy(o => o.Sanction, StringComparer.Ordinal)
            .ToList();
        var ratio = new OutcomeRatio(
            "Of the cases with a proven gross-misconduct finding, how many ended in dismissal (or would have, had the officer not already left)?",
            grossDismissals, grossFindings,
            grossFindings == 0 ? null : Math.Round((double)grossDismissals / grossFindings, 3),
            grossDismissalIds, grossFindingIds, grossFindings > grossFindingIds.Count);
        return new OutcomeStatisticsResult(forceId, category, cases.Count, caseIdLimit, outcomes, ratio);
    }

    /// <summary>
    /// Compares (finding, sanction) keys by their text, hashing each string by its length and end characters: the keys
    /// are a small vocabulary looked up once per case and sanction, and the default string hash (randomized, over every
    /// character) was a quarter of a national statistics request. Equal keys hash alike, so any text still counts right.
    /// </summary>
    private sealed class OutcomeKeys : IEqualityComparer<(string? Finding, string Sanction)>
    {
        public static readonly OutcomeKeys Comparer = new();

        public bool Equals((string? Finding, string Sanction) x, (string? Finding, string Sanction) y) =>
            string.Equals(x.Finding, y.Finding, StringComparison.Ordinal) && string.Equals(x.Sanction, y.Sanction, StringComparison.Ordinal);

        public int GetHashCode((string? Finding, string Sanction) key) => Cheap(key.Finding) * 31 + Cheap(key.Sanction);

        private static int Cheap(string? text) => text is not { Length: > 0 } ? 0 : (text.Length * 31 + text[0]) * 31 + text[^1];
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
    public static string? FindingOf(CaseFacts facts) => FindingOf(facts.Events);

    public static string? FindingOf(IReadOnlyList<EventFact> events)
    {
        var ordered = events.OrderBy(e => PartialDate.Parse(e.Date)).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
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
