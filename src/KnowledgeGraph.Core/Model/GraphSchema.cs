using static KnowledgeGraph.Core.Model.Labels;
using static KnowledgeGraph.Core.Model.RelationshipTypes;

namespace KnowledgeGraph.Core.Model;

public enum PropertyKind { Text, Boolean, PartialDate, PeriodEnd, Vocabulary, VocabularyList, NodeId }

/// <summary>One allowed property: its JSON name, what it holds and whether it must be there.</summary>
public sealed record PropertySpec(string Name, PropertyKind Kind, bool Required = false, Vocabulary? Vocabulary = null,
    string? NodeLabel = null, string Description = "");

public sealed record LabelSpec(string Label, string Description, IReadOnlyList<PropertySpec> Properties, bool HasName = true,
    bool SourcesRequired = false);

public sealed record RelationshipSpec(string Type, IReadOnlyList<string> FromLabels, IReadOnlyList<string> ToLabels,
    string Description, IReadOnlyList<PropertySpec> Properties);

/// <summary>
/// The graph model as data: which labels and relationship types exist, which properties each may carry and
/// which labels a relationship may join. The validator, both stores, the Cypher lint schema and the README
/// tables all read this one table.
/// </summary>
public static class GraphSchema
{
    private static PropertySpec Text(string name, bool required = false, string description = "") =>
        new(name, PropertyKind.Text, required, Description: description);

    private static PropertySpec Vocab(string name, Vocabulary vocabulary, bool required = false) =>
        new(name, PropertyKind.Vocabulary, required, vocabulary, Description: vocabulary.Name);

    private static PropertySpec PeriodEnd(string name) =>
        new(name, PropertyKind.PeriodEnd, Description: "partial date, \"present\", or absent when unknown");

    public static readonly IReadOnlyList<LabelSpec> Labels =
    [
        new(Officer, "A police officer or member of police staff, named or unidentified.",
        [
            new("identified", PropertyKind.Boolean, Required: true, Description: "false when sources describe but do not name the officer"),
            Vocab("status", Vocabularies.OfficerStatus, required: true),
            Text("rank", description: "last rank the sources give"),
            Text("description"),
        ]),
        new(Force, "A police force.", [Text("description")]),
        new(Unit, "A unit, command or station inside a force; may be unnamed in the sources.",
            [Text("description"), new("named", PropertyKind.Boolean, Description: "false when sources mention but do not name it")]),
        new(Case, "A misconduct or criminal matter.",
        [
            new("categories", PropertyKind.VocabularyList, Required: true, Vocabularies.CaseCategory, Description: "case category"),
            Vocab("legalStatus", Vocabularies.LegalStatus, required: true),
            Text("summary", required: true),
            Text("location"),
            new("date", PropertyKind.PartialDate, Description: "first incident"),
        ], SourcesRequired: true),
        new(Event, "A dated step of a case.",
        [
            Vocab("kind", Vocabularies.EventKind, required: true),
            new("date", PropertyKind.PartialDate, Required: true),
            Text("summary", required: true),
            Text("outcome"),
            Vocab("legalStatus", Vocabularies.LegalStatus),
            Vocab("misconductLevel", Vocabularies.MisconductLevel),
            Vocab("sanction", Vocabularies.Sanction),
        ], SourcesRequired: true),
        new(VictimRole, "A harmed person or complainant in one case; never named unless public.",
        [
            Vocab("role", Vocabularies.VictimRoleKind, required: true),
            Text("descriptor", required: true, description: "non-identifying"),
            Vocab("anonymity", Vocabularies.Anonymity, required: true),
            Text("pseudonym", description: "only when anonymity is pseudonym"),
        ], HasName: false, SourcesRequired: true),
        new(Person, "A named person who is not a police officer.", [Text("description")]),
        new(Organisation, "A watchdog, court, tribunal, NGO, law firm, media outlet, journal, campaign or government body.",
            [Vocab("kind", Vocabularies.OrganisationKind, required: true), Text("description")]),
        new(Source, "A document the facts come from.",
        [
            Vocab("kind", Vocabularies.SourceKind, required: true),
            Text("title", required: true),
            new("published", PropertyKind.PartialDate),
            Text("url"),
            Text("seedFile", description: "file name of the document under shared/seeds; required unless kind is dataset"),
        ]),
    ];

    public static readonly IReadOnlyList<RelationshipSpec> Relationships =
    [
        new(ServedIn, [Officer], [Force, Unit], "served in a force or unit",
            [PeriodEnd("from"), PeriodEnd("to"), Text("rank"), Text("role")]),
        new(PartOf, [Unit], [Force], "unit belongs to force", []),
        new(WorkedWith, [Officer], [Officer], "a source says they worked together", [Text("context")]),
        new(SubjectOf, [Officer], [Case], "officer is a subject of the case",
            [Text("role", required: true), Vocab("legalStatus", Vocabularies.LegalStatus, required: true)]),
        new(HasVictim, [Case], [VictimRole], "case has a victim or complainant", []),
        new(IdentifiedAs, [VictimRole], [Person], "a public victim role is this named person", []),
        new(HasEvent, [Case], [Event], "case has a dated step", []),
        new(By, [Event], [Organisation, Person, Officer], "who acted in the event", [Text("role")]),
        new(ReportsOn, [Source], [Case], "document reports on the case", []),
        new(CommentsOn, [Source], [Case], "document comments on the case", []),
        new(PublishedBy, [Source], [Organisation], "document publisher", []),
        new(WrittenBy, [Source], [Person], "document author", []),
        new(QuotedIn, [Person, Officer], [Source], "person quoted in a document", [Text("capacity")]),
        new(MemberOf, [Person], [Organisation], "person belongs to an organisation",
            [Text("role"), PeriodEnd("from"), PeriodEnd("to")]),
        new(Supports, [Organisation, Person], [VictimRole, Person], "supports a victim in a case",
            [new("case", PropertyKind.NodeId, NodeLabel: Case)]),
        new(Represents, [Organisation, Person], [VictimRole, Person], "represents a victim in a case",
            [new("case", PropertyKind.NodeId, NodeLabel: Case)]),
        new(RelatedTo, [Case], [Case], "cases are related", [Text("reason", required: true)]),
    ];

    private static readonly Dictionary<string, LabelSpec> LabelsByName = Labels.ToDictionary(l => l.Label);
    private static readonly Dictionary<string, RelationshipSpec> TypesByName = Relationships.ToDictionary(r => r.Type);

    public static LabelSpec? FindLabel(string? label) => label is null ? null : LabelsByName.GetValueOrDefault(label);

    public static RelationshipSpec? FindType(string? type) => type is null ? null : TypesByName.GetValueOrDefault(type);

    public static bool IsKnownType(string? type) => FindType(type) is not null;

    /// <summary>Every property name any label or type uses (the Cypher lint schema).</summary>
    public static IEnumerable<string> AllPropertyNames() =>
        new[] { "id", "label", "name", "aliases", "sources", "searchText" }
            .Concat(Labels.SelectMany(l => l.Properties).Select(p => p.Name))
            .Concat(Relationships.SelectMany(r => r.Properties).Select(p => p.Name))
            .Distinct();
}
