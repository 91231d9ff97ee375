using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Notes;

/// <summary>The checks of notes that need the whole dataset: who replied, which sources a note cites, and that no
/// shown fact rests only on a withheld source.</summary>
public static class FactNoteChecks
{
    /// <summary>A reply is by the officer, a force or unit, or an organisation or person acting for them; never a victim
    /// role (victims are protected), a case, an event or a document.</summary>
    public static readonly IReadOnlyList<string> ReplyByLabels = [Labels.Officer, Labels.Force, Labels.Unit, Labels.Organisation, Labels.Person];

    public static void CheckReferences(IEnumerable<NoteReference> references, IReadOnlyDictionary<string, GraphNode> nodesById,
        IReadOnlySet<string> withheld, Action<NoteReference, string> error)
    {
        foreach (var reference in references)
        {
            if (!nodesById.TryGetValue(reference.Id, out var node))
                error(reference, reference.IsSource
                    ? $"cites '{reference.Id}', which no node in the dataset has"
                    : $"\"by\" refers to '{reference.Id}', which no node in the dataset has");
            else if (reference.IsSource && node.Label != Labels.Source)
                error(reference, $"cites '{reference.Id}', which is {Article(node.Label)} {node.Label}, not a Source");
            else if (!reference.IsSource && !ReplyByLabels.Contains(node.Label))
                error(reference, $"\"by\" refers to '{reference.Id}', {Article(node.Label)} {node.Label}; a reply is by one of: {string.Join(", ", ReplyByLabels)}");
            else if (withheld.Contains(reference.Id))
                error(reference, reference.IsSource
                    ? $"cites '{reference.Id}', which is withheld; a shown note cannot rest on a withheld source"
                    : $"\"by\" refers to '{reference.Id}', which is withheld; a shown reply cannot name a withheld party");
        }
    }

    private static string Article(string label) => "AEIOU".Contains(label[0]) ? "an" : "a";

    /// <summary>True when every citation is of a withheld source, so the fact would be shown with none.</summary>
    public static bool RestsOnlyOnWithheld(IReadOnlyList<string> citations, IReadOnlySet<string> withheld) =>
        citations.Count > 0 && withheld.Count > 0 && citations.All(c => withheld.Contains(Graph.Citation.Parse(c).SourceId));
}
