using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Notes;

/// <summary>
/// The one place withheld facts are taken out. It runs where every dataset is made (<see cref="Dataset.DatasetLoader"/>,
/// through the validator's Finish), so no import path, store or export can be handed a withheld fact: SQLite and
/// Neo4j never hold one and no query can reveal it. What is kept is only each withholding's reason and dates, for the
/// public log — not the fact, not its id (an id can name a person).
/// </summary>
public static class WithheldFacts
{
    /// <summary>Ids withheld by their own note: nodes and relationships.</summary>
    public static IReadOnlySet<string> Ids(IEnumerable<FactNote> notes) =>
        notes.Where(n => n.Withheld is not null).Select(n => n.FactId).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The dataset without withheld nodes, every relationship touching one (or naming one in a node-id property, such as
    /// SUPPORTS' case), and withheld relationships; citations of withheld sources are dropped from what remains. The
    /// notes of remaining facts stay; the withholdings become <see cref="Model.Dataset.Withheld"/> (reason and dates).
    /// Idempotent: a dataset already applied has no withheld notes left.
    /// </summary>
    public static Model.Dataset Apply(Model.Dataset dataset)
    {
        var notes = dataset.FactNotes;
        var withheld = Ids(notes);
        if (withheld.Count == 0) return dataset;

        var nodes = dataset.Nodes.Where(n => !withheld.Contains(n.Id)).ToList();
        var shownNodes = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var relationships = dataset.Relationships
            .Where(r => !withheld.Contains(r.Id) && shownNodes.Contains(r.From) && shownNodes.Contains(r.To) && !NamesWithheldNode(r, withheld))
            .ToList();
        var shown = shownNodes.Concat(relationships.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);

        return new Model.Dataset(
            nodes.Select(n => n.Sources.Any(s => Cites(s, withheld)) ? n with { Sources = Strip(n.Sources, withheld) } : n).ToList(),
            relationships.Select(r => r.Sources.Any(s => Cites(s, withheld)) ? r with { Sources = Strip(r.Sources, withheld) } : r).ToList(),
            notes.Where(n => n.Withheld is null && shown.Contains(n.FactId)).ToList(),
            [.. (dataset.Withheld ?? []), .. notes.Where(n => n.Withheld is not null).Select(n => n.Withheld!)
                .OrderByDescending(w => w.Since, StringComparer.Ordinal).ThenBy(w => w.Reason, StringComparer.Ordinal)
                .ThenBy(w => w.Until, StringComparer.Ordinal)]);
    }

    private static bool NamesWithheldNode(GraphRelationship relationship, IReadOnlySet<string> withheld) =>
        GraphSchema.FindType(relationship.Type)?.Properties.Where(p => p.Kind == PropertyKind.NodeId)
            .Any(p => relationship.Text(p.Name) is { } id && withheld.Contains(id)) ?? false;

    private static bool Cites(string citation, IReadOnlySet<string> withheld) => withheld.Contains(Graph.Citation.Parse(citation).SourceId);

    private static List<string> Strip(IReadOnlyList<string> citations, IReadOnlySet<string> withheld) =>
        citations.Where(c => !Cites(c, withheld)).ToList();
}
