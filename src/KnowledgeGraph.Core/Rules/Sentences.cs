using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>Reads a relationship as a sentence with its citations, for path explanations.</summary>
public static class Sentences
{
    public static string Describe(string type, NodeRef from, NodeRef to, IReadOnlyDictionary<string, object?> properties,
        IReadOnlyList<SourceRef> sources)
    {
        string? P(string name) => properties.GetValueOrDefault(name) as string;
        var (a, b) = (from.Name, to.Name);
        var clause = type switch
        {
            RelationshipTypes.ServedIn => $"{a} served in {b}{(P("rank") is { } rank ? $" as {rank}" : "")}{PeriodText(P("from"), P("to"))}",
            RelationshipTypes.PartOf => $"{a} is part of {b}",
            RelationshipTypes.WorkedWith => $"{a} worked with {b}",
            RelationshipTypes.SubjectOf => $"{a} is {P("role") ?? "a subject"} in {b} (legal status: {P("legalStatus")})",
            RelationshipTypes.HasVictim => $"{a} has the victim role {b}",
            RelationshipTypes.IdentifiedAs => $"{a} is publicly identified as {b}",
            RelationshipTypes.HasEvent => $"{a} includes the step \"{b}\"",
            RelationshipTypes.By => $"{b} acted in \"{a}\"{(P("role") is { } role ? $" ({role})" : "")}",
            RelationshipTypes.ReportsOn => $"{a} reports on {b}",
            RelationshipTypes.CommentsOn => $"{a} comments on {b}",
            RelationshipTypes.PublishedBy => $"{a} was published by {b}",
            RelationshipTypes.WrittenBy => $"{a} was written by {b}",
            RelationshipTypes.QuotedIn => $"{a} is quoted in {b}{(P("capacity") is { } capacity ? $" as {capacity}" : "")}",
            RelationshipTypes.MemberOf => $"{a} is a member of {b}{(P("role") is { } memberRole ? $" ({memberRole})" : "")}",
            RelationshipTypes.Supports => $"{a} supports {b}",
            RelationshipTypes.Represents => $"{a} represents {b}",
            RelationshipTypes.RelatedTo => $"{a} is related to {b}{(P("reason") is { } reason ? $" ({reason})" : "")}",
            _ => $"{a} {type} {b}",
        };
        return $"{clause} (source: {string.Join("; ", sources.Select(Cite))})";
    }

    public static string Cite(SourceRef source)
    {
        var by = source.Publisher is null ? "" : $", {source.Publisher}";
        var when = source.Published is null ? "" : $", {source.Published}";
        return $"\"{source.Title}\"{by}{when}";
    }

    private static string PeriodText(string? from, string? to) => (from, to) switch
    {
        (null, null) => "",
        ({ } f, null) => $" from {f}",
        (null, PeriodEnd.PresentText) => " (still serving)",
        (null, { } t) => $" until {t}",
        ({ } f, { } t) => $" from {f} to {t}",
    };
}
