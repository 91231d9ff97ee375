using System.Text.RegularExpressions;

namespace KnowledgeGraph.Documents;

/// <summary>A step of a case the words of a sentence name, with what the words support and nothing more.</summary>
public sealed record EventReading(string Kind, string Label, string? LegalStatus, string? Sanction, string? MisconductLevel, string Words);

/// <summary>
/// The steps the vocabulary knows (resigned, dismissed, barred list, final written warning, gross misconduct found,
/// charged, pleaded guilty, convicted, jailed, judicial review, appeal, referral, investigation began/completed …)
/// and the legal status the words support. Hedging words ("alleged", "accused", "denied") always win: a proposed
/// status is never stronger than the sentence.
/// </summary>
public static partial class EventVocabulary
{
    private sealed record Step(Regex Pattern, string Kind, string Label, string? Sanction = null);

    private static readonly Step[] Steps =
    [
        new(Rx(@"\bbarred list\b|\bbar(?:red)?(?: \w+)? from (?:policing|the police|serving)|\bplaced on the (?:police )?barred"), "barred_list", "Placed on the barred list", "barred"),
        new(Rx(@"\bwould have been (?:dismissed|sacked)\b|\bshould have been (?:dismissed|sacked)\b"), "sanction", "Would have been dismissed", "would_have_been_dismissed"),
        new(Rx(@"\bfinal written warning\b"), "sanction", "Final written warning", "final_written_warning"),
        new(Rx(@"\bwritten warning\b"), "sanction", "Written warning", "written_warning"),
        new(Rx(@"\bmanagement advice\b"), "sanction", "Management advice", "management_advice"),
        new(Rx(@"\breflective practice\b"), "sanction", "Reflective practice", "reflective_practice"),
        new(Rx(@"\b(?:was|were|been|be|is) (?:dismissed|sacked) (?:without notice|from the force|from the police)?|\bdismissal\b|\bsacked\b"), "dismissal", "Dismissal", "dismissed"),
        new(Rx(@"\bresign(?:ed|s|ing|ation)\b|\bquit the force\b|\bretired\b"), "resignation", "Resignation"),
        new(Rx(@"\bpleaded guilty\b|\bpled guilty\b|\badmitted (?:the )?(?:charges?|offences?)\b"), "verdict", "Guilty plea"),
        new(Rx(@"\bconvicted\b|\bfound guilty\b|\bguilty verdict\b"), "verdict", "Verdict"),
        new(Rx(@"\bacquitted\b|\bfound not guilty\b|\bcleared of\b"), "verdict", "Verdict"),
        new(Rx(@"\bjailed\b|\bsentenced\b|\bimprisoned\b|\bprison sentence\b|\bwhole[- ]life order\b|\bsuspended sentence\b"), "sentence", "Sentence", "imprisoned"),
        new(Rx(@"\bcharged with\b|\bwas charged\b|\bwere charged\b|\bcharging decision\b|\bauthorised (?:a |the )?charges?\b"), "charge", "Charge"),
        new(Rx(@"\bjudicial review\b"), "judicial_review", "Judicial review"),
        new(Rx(@"\bappeal(?:ed|s)?\b|\bPolice Appeals Tribunal\b"), "appeal", "Appeal"),
        new(Rx(@"\bgross misconduct\b.*\b(?:found|proven|proved|established)\b|\b(?:found|proven|proved)\b.*\bgross misconduct\b|\bcommitted gross misconduct\b"), "finding", "Gross misconduct found"),
        new(Rx(@"\bmisconduct\b.*\b(?:found|proven|proved)\b|\b(?:found|proven|proved)\b.*\bmisconduct\b"), "finding", "Misconduct finding"),
        new(Rx(@"\bno case to answer\b|\bcase to answer\b"), "investigation_completed", "Investigation completed"),
        new(Rx(@"\binvestigation (?:concluded|completed|finished|ended)\b|\b(?:concluded|completed|finished) (?:its|their|the|an) investigation\b"), "investigation_completed", "Investigation completed"),
        new(Rx(@"\b(?:began|launched|opened|started) (?:an?|its|their) investigation\b|\binvestigation (?:began|was launched|was opened|started)\b|\bbegan investigating\b"), "investigation_opened", "Investigation opened"),
        new(Rx(@"\breferr(?:ed|al)\b"), "referral", "Referral"),
        new(Rx(@"\barrested\b|\barrest\b"), "arrest", "Arrest"),
        new(Rx(@"\bmisconduct (?:hearing|panel|meeting)\b|\bdisciplinary (?:hearing|panel)\b|\bhearing\b"), "hearing", "Hearing"),
        new(Rx(@"\bcompensation\b|\bdamages\b|\bsettlement\b"), "compensation", "Compensation", "compensation_paid"),
        new(Rx(@"\bsu(?:ed|ing)\b|\blegal action\b|\blawsuit\b|\bcivil claim\b"), "legal_action", "Legal action"),
        new(Rx(@"\bcomplain(?:ed|t)\b|\breported (?:him|her|them|the officer)\b"), "complaint", "Complaint"),
    ];

    /// <summary>The strongest step a sentence names (the first in the vocabulary's order), or null.</summary>
    public static EventReading? Read(string sentence)
    {
        foreach (var step in Steps)
        {
            var m = step.Pattern.Match(sentence);
            if (!m.Success) continue;
            if (Negated(sentence, m.Index)) continue;
            // "Found guilty of gross misconduct" at a hearing is a panel's finding, not a court's verdict.
            if (step.Kind == "verdict" && Misconduct().IsMatch(sentence) && !Court().IsMatch(sentence))
                return Read(sentence, Steps.First(x => x.Kind == "finding"));
            return Read(sentence, step, m);
        }
        return null;
    }

    private static EventReading? Read(string sentence, Step step, Match? m = null)
    {
        m ??= step.Pattern.Match(sentence);
        if (!m.Success) m = GrossMisconduct().Match(sentence);
        {
            var (status, words) = LegalStatusOf(step.Kind, step.Label, sentence);
            var level = GrossMisconduct().IsMatch(sentence) ? "gross_misconduct" : Misconduct().IsMatch(sentence) ? "misconduct" : null;
            if (step.Kind is "verdict" or "sentence" or "charge") level = "criminal";
            var sanction = step.Sanction;
            if (step.Kind == "compensation" && status is "alleged" or "denied") sanction = null;
            if (step.Kind == "verdict" && step.Label == "Verdict" && status is not ("convicted" or "admitted")) sanction = null;
            return new EventReading(step.Kind, step.Label, status, sanction, step.Kind is "finding" or "sanction" or "dismissal" or "hearing" or "verdict" or "sentence" or "charge" ? level : null, words ?? m.Value);
        }
    }

    /// <summary>The legal status the sentence's own words support for a step, weakest reading first.</summary>
    public static (string? Status, string? Words) LegalStatusOf(string kind, string label, string sentence)
    {
        if (Denied().Match(sentence) is { Success: true } denied) return (NeedsStatus(kind) ? "denied" : null, denied.Value);
        // "Found the allegation proven" decides the allegation; it does not hedge.
        if (Alleged().Match(sentence) is { Success: true } alleged && !AllegationDecided().IsMatch(sentence)) return (NeedsStatus(kind) || kind == "hearing" ? "alleged" : null, alleged.Value);
        if (UnderInvestigation().Match(sentence) is { Success: true } ui) return ("under_investigation", ui.Value);
        if (NoCaseToAnswer().Match(sentence) is { Success: true } ncta) return ("no_case_to_answer", ncta.Value);
        if (CaseToAnswer().Match(sentence) is { Success: true } cta) return ("case_to_answer", cta.Value);
        if (Acquitted().Match(sentence) is { Success: true } acq) return ("acquitted", acq.Value);
        if (NotProven().Match(sentence) is { Success: true } np) return ("not_proven", np.Value);
        switch (kind)
        {
            case "verdict" when label == "Guilty plea": return ("admitted", "pleaded guilty");
            case "verdict" or "sentence" when Convicted().Match(sentence) is { Success: true } c:
                // "Found guilty of gross misconduct" is a panel's finding, not a court's conviction.
                return Misconduct().IsMatch(sentence) && !Court().IsMatch(sentence) ? ("proven", c.Value) : ("convicted", c.Value);
            case "sentence" when Jailed().Match(sentence) is { Success: true } j: return ("convicted", j.Value);
            case "charge": return ("charged", "charged");
            case "finding" or "sanction" or "dismissal" or "barred_list" when Proven().Match(sentence) is { Success: true } p:
                return ("proven", p.Value);
            case "complaint": return ("alleged", "complaint");
        }
        return (NeedsStatus(kind) ? "unknown" : null, null);
    }

    private static bool NeedsStatus(string kind) => Core.Model.Vocabularies.EventKindsNeedingLegalStatus.Contains(kind);

    private static bool Negated(string sentence, int at)
    {
        var before = sentence[Math.Max(0, at - 20)..at];
        return NegationBefore().IsMatch(before);
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(?:never|not|no longer|wasn't|weren't)\s+(?:been\s+|be\s+)?$", RegexOptions.IgnoreCase)] private static partial Regex NegationBefore();
    [GeneratedRegex(@"\bden(?:ied|ies|y|ying)\b|\bdenial", RegexOptions.IgnoreCase)] private static partial Regex Denied();
    [GeneratedRegex(@"\balleg(?:ed|edly|ation|ations|es)\b|\baccus(?:ed|ation|ations)\b|\bclaim(?:ed|s)?\b|\bsuspected\b|\breportedly\b", RegexOptions.IgnoreCase)] private static partial Regex Alleged();
    [GeneratedRegex(@"\ballegations? (?:was |were )?(?:found )?(?:proven|proved|upheld)\b|\bfound (?:the |all |both )?(?:\w+ )?allegations? (?:proven|proved)\b", RegexOptions.IgnoreCase)] private static partial Regex AllegationDecided();
    [GeneratedRegex(@"\bunder investigation\b|\bbeing investigated\b|\binvestigation is (?:ongoing|continuing)\b", RegexOptions.IgnoreCase)] private static partial Regex UnderInvestigation();
    [GeneratedRegex(@"\bno case to answer\b", RegexOptions.IgnoreCase)] private static partial Regex NoCaseToAnswer();
    [GeneratedRegex(@"\bcase to answer\b", RegexOptions.IgnoreCase)] private static partial Regex CaseToAnswer();
    [GeneratedRegex(@"\bacquitted\b|\bfound not guilty\b|\bcleared of\b", RegexOptions.IgnoreCase)] private static partial Regex Acquitted();
    [GeneratedRegex(@"\bnot proven\b|\bnot proved\b|\bnot found proven\b|\bnot upheld\b", RegexOptions.IgnoreCase)] private static partial Regex NotProven();
    [GeneratedRegex(@"\bconvicted\b|\bfound (?:him |her |them )?guilty\b|\bguilty verdict\b", RegexOptions.IgnoreCase)] private static partial Regex Convicted();
    [GeneratedRegex(@"\bjailed\b|\bimprisoned\b|\bprison sentence\b|\bsentenced\b", RegexOptions.IgnoreCase)] private static partial Regex Jailed();
    [GeneratedRegex(@"\bproven\b|\bproved\b|\bfound (?:that|he|she|they|the officer|it)\b|\bpanel found\b|\bfound (?:him |her |them |the officer )?guilty\b|\bcommitted gross misconduct\b|\bamounted to (?:gross )?misconduct\b|\bruled\b|\bconcluded\b", RegexOptions.IgnoreCase)] private static partial Regex Proven();
    [GeneratedRegex(@"\bgross misconduct\b", RegexOptions.IgnoreCase)] private static partial Regex GrossMisconduct();
    [GeneratedRegex(@"\bmisconduct\b", RegexOptions.IgnoreCase)] private static partial Regex Misconduct();
    [GeneratedRegex(@"\bcourt\b|\bjury\b|\bmagistrates?\b|\bjudge\b", RegexOptions.IgnoreCase)] private static partial Regex Court();
}
