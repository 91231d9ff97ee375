using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeGraph.Api.Features.Vocabularies;

public sealed record PropertyDescription(string Name, string Kind, bool Required, string? Vocabulary, string Description);

public sealed record LabelDescription(string Label, string IdPrefix, string Description, IReadOnlyList<PropertyDescription> Properties);

public sealed record RelationshipTypeDescription(string Type, IReadOnlyList<string> From, IReadOnlyList<string> To, string Description,
    IReadOnlyList<PropertyDescription> Properties);

public sealed record LimitsDescription(int MaxDepth, int MaxHops, int DefaultHops, int MaxResults, int DefaultResults, int MaxPaths, int HubDegree);

public sealed record VocabularyDocument(IReadOnlyList<LabelDescription> Labels, IReadOnlyList<RelationshipTypeDescription> RelationshipTypes,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Vocabularies, IReadOnlyList<string> ConnectionKinds, LimitsDescription Limits);

public static class VocabularyEndpoints
{
    // Built once from Core's tables: the legend and filters of the web page can never drift from what the API accepts.
    private static readonly VocabularyDocument Document = Build();

    public static IEndpointRouteBuilder MapVocabularyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/vocabularies").WithTags("Vocabularies");
        group.MapGet("", GetVocabularies)
            .WithName("GetVocabularies")
            .WithSummary("Labels, relationship types, vocabularies and limits")
            .WithDescription("The graph model as data: every node label (with its id prefix and properties), every relationship type (with the labels it joins), every controlled vocabulary (legal status, case category, event kind, sanction…), the kinds of case connection and the query limits. The web page's legend and filters use it.");
        return routes;
    }

    public static Ok<VocabularyDocument> GetVocabularies() => TypedResults.Ok(Document);

    private static VocabularyDocument Build()
    {
        static PropertyDescription Describe(PropertySpec p) =>
            new(p.Name, JsonNamingCamel(p.Kind.ToString()), p.Required, p.Vocabulary?.Name, p.Description);

        var vocabularies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["legalStatus"] = Core.Model.Vocabularies.LegalStatus.Values,
            ["caseCategory"] = Core.Model.Vocabularies.CaseCategory.Values,
            ["eventKind"] = Core.Model.Vocabularies.EventKind.Values,
            ["eventKindsNeedingLegalStatus"] = Core.Model.Vocabularies.EventKindsNeedingLegalStatus.Values,
            ["misconductLevel"] = Core.Model.Vocabularies.MisconductLevel.Values,
            ["sanction"] = Core.Model.Vocabularies.Sanction.Values,
            ["anonymity"] = Core.Model.Vocabularies.Anonymity.Values,
            ["victimRole"] = Core.Model.Vocabularies.VictimRoleKind.Values,
            ["organisationKind"] = Core.Model.Vocabularies.OrganisationKind.Values,
            ["sourceKind"] = Core.Model.Vocabularies.SourceKind.Values,
            ["officerStatus"] = Core.Model.Vocabularies.OfficerStatus.Values,
            ["serviceScope"] = ["unit", "force"],
        };
        return new VocabularyDocument(
            GraphSchema.Labels.Select(l => new LabelDescription(l.Label, Labels.IdPrefix[l.Label], l.Description, l.Properties.Select(Describe).ToList())).ToList(),
            GraphSchema.Relationships.Select(r => new RelationshipTypeDescription(r.Type, r.FromLabels, r.ToLabels, r.Description, r.Properties.Select(Describe).ToList())).ToList(),
            vocabularies,
            CaseConnectionRule.Kinds,
            new LimitsDescription(QueryLimits.MaxDepth, QueryLimits.MaxHops, QueryLimits.DefaultHops, QueryLimits.MaxResults,
                QueryLimits.DefaultResults, QueryLimits.MaxPaths, QueryLimits.HubDegree));
    }

    private static string JsonNamingCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
