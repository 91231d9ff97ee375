namespace KnowledgeGraph.Core.Model;

/// <summary>
/// The controlled vocabularies of the graph. One place: the importer validates against these, the JSON Schema,
/// the README and the web legend describe them, and the API refuses filter values outside them.
/// </summary>
public static class Vocabularies
{
    /// <summary>Legal status of anything that asserts wrongdoing. Shown as it is; never upgraded.</summary>
    public static readonly Vocabulary LegalStatus = new("legal status",
        "alleged", "denied", "under_investigation", "case_to_answer", "no_case_to_answer", "proven", "not_proven",
        "unfounded", "exonerated", "charged", "convicted", "acquitted", "admitted", "withdrawn", "overturned", "upheld", "dismissed_claim", "unknown");

    public static readonly Vocabulary CaseCategory = new("case category",
        "abuse_of_position_sexual", "sexual_offence", "violent_offence", "use_of_force", "corruption",
        "misconduct_in_public_office", "death_or_serious_injury", "discriminatory_conduct", "degrading_treatment",
        "failure_to_investigate", "other");

    public static readonly Vocabulary EventKind = new("event kind",
        "incident", "report", "complaint", "referral", "investigation_opened", "investigation_completed", "arrest",
        "charge", "trial", "verdict", "sentence", "hearing", "finding", "sanction", "resignation", "dismissal",
        "barred_list", "appeal", "legal_action", "judicial_review", "ruling", "compensation", "statement",
        "witness_appeal", "publication");

    /// <summary>Event kinds that assert or decide wrongdoing, and so must carry a legal status.</summary>
    public static readonly Vocabulary EventKindsNeedingLegalStatus = new("event kind needing a legal status",
        "incident", "complaint", "charge", "verdict", "finding", "sanction", "sentence", "dismissal", "barred_list");

    /// <summary>The level a misconduct finding was made at (structured so outcomes can be counted).</summary>
    public static readonly Vocabulary MisconductLevel = new("misconduct level", "gross_misconduct", "misconduct", "criminal");

    /// <summary>What followed a finding or verdict; the outcome statistics group by this.</summary>
    public static readonly Vocabulary Sanction = new("sanction",
        "dismissed", "would_have_been_dismissed", "final_written_warning", "written_warning", "management_advice",
        "reflective_practice", "no_further_action", "barred", "kept_job", "imprisoned", "suspended_sentence",
        "life_sentence", "whole_life_order", "compensation_paid");

    public static readonly Vocabulary Anonymity = new("anonymity", "protected", "pseudonym", "public");

    public static readonly Vocabulary VictimRoleKind = new("victim role", "victim", "complainant", "bereaved_family", "witness");

    public static readonly Vocabulary OrganisationKind = new("organisation kind",
        "watchdog", "court", "tribunal", "misconduct_panel", "ngo", "law_firm", "media_outlet", "news_agency", "journal",
        "campaign", "government_body", "police_body", "academic");

    public static readonly Vocabulary SourceKind = new("source kind",
        "news_report", "press_release", "opinion", "blog", "judgment", "report", "study", "dataset", "correspondence");

    /// <summary>The source kind of a records release (a table, not a document): it needs no seed file.</summary>
    public const string DatasetSourceKind = "dataset";

    /// <summary>Where a party stands on a fact it replied to (right of reply); denies, disputes and appealed mark the fact disputed.</summary>
    public static readonly Vocabulary ReplyPosition = new("reply position",
        "denies", "disputes", "accepts", "appealed", "no_comment", "declined_to_comment");

    public static readonly Vocabulary OfficerStatus = new("officer status",
        "serving", "former", "dismissed", "resigned", "retired", "deceased", "unknown");
}

public sealed class Vocabulary(string name, params string[] values)
{
    private readonly HashSet<string> _values = new(values, StringComparer.Ordinal);

    public string Name { get; } = name;
    public IReadOnlyList<string> Values { get; } = values;

    public bool Contains(string? value) => value is not null && _values.Contains(value);

    public string Describe() => string.Join(", ", Values);
}
