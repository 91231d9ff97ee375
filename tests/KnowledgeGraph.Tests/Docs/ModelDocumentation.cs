using System.Text;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Tests.Docs;

/// <summary>Renders the README's model section from GraphSchema, so the documentation cannot drift from the code.</summary>
public static class ModelDocumentation
{
    public const string Begin = "<!-- model:begin (generated from GraphSchema by ModelDocumentationTests; UPDATE_DOCS=1 dotnet test rewrites it) -->";
    public const string End = "<!-- model:end -->";

    public static string Render()
    {
        var md = new StringBuilder();
        md.AppendLine("```mermaid").AppendLine("flowchart LR");
        foreach (var rel in GraphSchema.Relationships)
            foreach (var from in rel.FromLabels)
                foreach (var to in rel.ToLabels)
                    md.AppendLine($"    {from} -- {rel.Type} --> {to}");
        md.AppendLine("```").AppendLine();

        md.AppendLine("### Labels").AppendLine();
        md.AppendLine("Every node has `id` (`prefix:slug`), `label`, `name` (not VictimRole), `aliases` and `sources`.").AppendLine();
        foreach (var label in GraphSchema.Labels)
        {
            md.AppendLine($"#### {label.Label} (`{Labels.IdPrefix[label.Label]}:`)").AppendLine();
            md.AppendLine(label.Description + (label.SourcesRequired ? " Must cite its sources." : "")).AppendLine();
            md.AppendLine("| property | type | required | meaning |").AppendLine("|---|---|---|---|");
            foreach (var p in label.Properties) md.AppendLine(Row(p));
            md.AppendLine();
        }

        md.AppendLine("### Relationship types").AppendLine();
        md.AppendLine("Every relationship carries `sources` (at least one Source id) and a stable `id`.").AppendLine();
        md.AppendLine("| type | from | to | meaning | properties |").AppendLine("|---|---|---|---|---|");
        foreach (var rel in GraphSchema.Relationships)
            md.AppendLine($"| `{rel.Type}` | {string.Join(", ", rel.FromLabels)} | {string.Join(", ", rel.ToLabels)} | {rel.Description} | " +
                $"{(rel.Properties.Count == 0 ? "" : string.Join(", ", rel.Properties.Select(p => $"`{p.Name}`{(p.Required ? " (required)" : "")}")))} |");
        md.AppendLine();

        md.AppendLine("### Replies, corrections and withheld facts").AppendLine();
        md.AppendLine("Any node or relationship may also carry `replies` (a party's response: `by`, `date`, `position`, `summary`, `sources`), " +
            "`corrections` (`date`, `field`, `was`, `now`, `reason`, `sources`) and `withheld` (`since`, `reason`, `until`); see docs/corrections.md.").AppendLine();
        md.AppendLine("A reply is `by` one of: " + string.Join(", ", Core.Notes.FactNoteChecks.ReplyByLabels) + ".").AppendLine();
        md.AppendLine("### Vocabularies").AppendLine();
        md.AppendLine("| vocabulary | values |").AppendLine("|---|---|");
        foreach (var vocabulary in new[] { Vocabularies.LegalStatus, Vocabularies.CaseCategory, Vocabularies.EventKind,
                     Vocabularies.EventKindsNeedingLegalStatus, Vocabularies.MisconductLevel, Vocabularies.Sanction, Vocabularies.Anonymity,
                     Vocabularies.VictimRoleKind, Vocabularies.OrganisationKind, Vocabularies.SourceKind, Vocabularies.OfficerStatus, Vocabularies.ReplyPosition })
            md.AppendLine($"| {vocabulary.Name} | {string.Join(", ", vocabulary.Values.Select(v => $"`{v}`"))} |");
        return md.ToString();
    }

    private static string Row(PropertySpec p)
    {
        var type = p.Kind switch
        {
            PropertyKind.Vocabulary => $"one {p.Vocabulary!.Name}",
            PropertyKind.VocabularyList => $"list of {p.Vocabulary!.Name}",
            PropertyKind.PartialDate => "partial date",
            PropertyKind.PeriodEnd => "period end",
            PropertyKind.Boolean => "boolean",
            PropertyKind.NodeId => $"{p.NodeLabel} id",
            _ => "text",
        };
        return $"| `{p.Name}` | {type} | {(p.Required ? "yes" : "")} | {p.Description} |";
    }
}
