using System.Text.RegularExpressions;

namespace KnowledgeGraph.Core.Model;

/// <summary>Node labels and the id prefix each one uses (ids read as <c>officer:mark-connor</c>).</summary>
public static partial class Labels
{
    public const string Officer = "Officer";
    public const string Force = "Force";
    public const string Unit = "Unit";
    public const string Case = "Case";
    public const string Event = "Event";
    public const string VictimRole = "VictimRole";
    public const string Person = "Person";
    public const string Organisation = "Organisation";
    public const string Source = "Source";

    public static readonly IReadOnlyDictionary<string, string> IdPrefix = new Dictionary<string, string>
    {
        [Officer] = "officer", [Force] = "force", [Unit] = "unit", [Case] = "case", [Event] = "event",
        [VictimRole] = "victim", [Person] = "person", [Organisation] = "org", [Source] = "source",
    };

    public static IReadOnlyCollection<string> All => IdPrefix.Keys.ToArray();

    public static bool IsKnown(string? label) => label is not null && IdPrefix.ContainsKey(label);

    [GeneratedRegex("^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>Whether text has the shape of a node id: a lower-case prefix, a colon, words joined by single hyphens.</summary>
    public static bool IsWellFormedId(string text) => IdPattern().IsMatch(text);
}

/// <summary>Relationship types.</summary>
public static class RelationshipTypes
{
    public const string ServedIn = "SERVED_IN";
    public const string PartOf = "PART_OF";
    public const string WorkedWith = "WORKED_WITH";
    public const string SubjectOf = "SUBJECT_OF";
    public const string HasVictim = "HAS_VICTIM";
    public const string IdentifiedAs = "IDENTIFIED_AS";
    public const string HasEvent = "HAS_EVENT";
    public const string By = "BY";
    public const string ReportsOn = "REPORTS_ON";
    public const string CommentsOn = "COMMENTS_ON";
    public const string PublishedBy = "PUBLISHED_BY";
    public const string WrittenBy = "WRITTEN_BY";
    public const string QuotedIn = "QUOTED_IN";
    public const string MemberOf = "MEMBER_OF";
    public const string Supports = "SUPPORTS";
    public const string Represents = "REPRESENTS";
    public const string RelatedTo = "RELATED_TO";
}
