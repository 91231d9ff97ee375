using FuzzySharp;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Documents;

/// <summary>Recall and precision of one kind of entry in one document's draft, against a reviewed dataset.</summary>
public sealed record KindScore(string Kind, int Expected, int Found, int Proposed, int Correct, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra)
{
    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;
    public double Precision => Proposed == 0 ? 1 : (double)Correct / Proposed;
}

/// <summary>How a draft compares with what a reviewed dataset holds for the same document.</summary>
public sealed record DocumentScore(string Document, string SourceId, IReadOnlyList<KindScore> Kinds, IReadOnlyList<string> VictimsProposedAsPeople);

/// <summary>
/// Scores a draft against a dataset whose Source for the document (matched by <c>seedFile</c>) a person wrote:
/// every officer named with a rank, every force and organisation the dataset cites the document for should be in the
/// draft (as a mention or a candidate with the same name); precision counts draft entries that the dataset also has.
/// People are scored too, and any victim the dataset knows by a name or pseudonym must not be a proposed Person.
/// </summary>
public static class DraftScore
{
    public static readonly string[] Kinds = [Labels.Officer, Labels.Force, Labels.Organisation, Labels.Person];

    public static DocumentScore? Score(Draft draft, Dataset reviewed)
    {
        var source = reviewed.Nodes.FirstOrDefault(n => n.Label == Labels.Source && n.Text("seedFile") == draft.Document.FileName);
        if (source is null) return null;
        var cited = reviewed.Nodes.Where(n => n.Sources.Contains(source.Id)).Select(n => n.Id)
            .Concat(reviewed.Relationships.Where(r => r.Sources.Contains(source.Id)).SelectMany(r => new[] { r.From, r.To }))
            .ToHashSet(StringComparer.Ordinal);
        var byId = reviewed.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);

        // Names the reviewed dataset gives victims: public victims' people and pseudonyms.
        var victimNames = reviewed.Relationships.Where(r => r.Type == RelationshipTypes.IdentifiedAs).Select(r => byId[r.To].Name)
            .Concat(reviewed.Nodes.Where(n => n.Label == Labels.VictimRole).Select(n => n.Text("pseudonym")).OfType<string>())
            .Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);

        var kinds = new List<KindScore>();
        foreach (var kind in Kinds)
        {
            var inReviewed = cited.Select(id => byId[id]).Where(n => n.Label == kind).ToList();
            var expected = kind switch
            {
                Labels.Officer => inReviewed.Where(n => n.Properties.GetValueOrDefault("identified") is true && n.Text("rank") is not null).ToList(),
                Labels.Person => inReviewed.Where(n => !victimNames.Contains(TextFolding.Fold(n.Name))).ToList(),
                _ => inReviewed,
            };
            // What the draft has of this kind: mentions by id, proposals by name.
            var entries = draft.Mentions.Where(m => m.Label == kind).Select(m => (Id: (string?)m.NodeId, Name: m.Name))
                .Concat(draft.ProposedNodes(kind).Select(p => (Id: (string?)null, Name: (string)p.Item["name"]!)))
                .ToList();
            string? Resolve((string? Id, string Name) entry) =>
                entry.Id is not null && byId.ContainsKey(entry.Id) ? entry.Id
                : inReviewed.FirstOrDefault(n => SameName(n, entry.Name, citedByDocument: true))?.Id
                  ?? reviewed.Nodes.FirstOrDefault(n => n.Label == kind && SameName(n, entry.Name, citedByDocument: false))?.Id;
            var resolved = entries.Select(e => (Entry: e, Id: Resolve(e))).ToList();
            var foundIds = resolved.Select(r => r.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var found = expected.Count(n => foundIds.Contains(n.Id));
            var correct = resolved.Count(r => r.Id is not null && cited.Contains(r.Id));
            kinds.Add(new KindScore(kind, expected.Count, found, entries.Count, correct,
                expected.Where(n => !foundIds.Contains(n.Id)).Select(n => n.Name).ToList(),
                resolved.Where(r => r.Id is null || !cited.Contains(r.Id)).Select(r => r.Entry.Name).ToList()));
        }
        var victimsAsPeople = draft.ProposedNodes(Labels.Person).Select(p => (string)p.Item["name"]!)
            .Concat(draft.Mentions.Where(m => m.Label == Labels.Person).Select(m => m.Name))
            .Where(n => victimNames.Contains(TextFolding.Fold(n))).ToList();
        return new DocumentScore(draft.Document.FileName, source.Id, kinds, victimsAsPeople);
    }

    private static bool SameName(GraphNode node, string name, bool citedByDocument)
    {
        var folded = TextFolding.Fold(name);
        if (node.Aliases.Prepend(node.Name).Any(n => TextFolding.Fold(n) == folded)) return true;
        if (node.Text("kind") == "misconduct_panel")
        {
            // Panels are unnamed in documents: the same officer and year is the same panel.
            // Panels are unnamed in documents: the same year and the same officer's surname (or force's place) is the same panel.
            var year = System.Text.RegularExpressions.Regex.Match(name, @"\((\d{4})\)").Groups[1].Value;
            var subject = name.Split(',').ElementAtOrDefault(1)?.Replace(" case", "").Split('(')[0].Trim().Split(' ') ?? [];
            var word = subject.LastOrDefault(w => w.Length >= 4 && w is not ("Police" or "Constabulary" or "Service"));
            // A panel the document gives no year for can only be the one this document is cited for.
            return word is not null && node.Name.Contains(word, StringComparison.OrdinalIgnoreCase)
                && (year.Length == 4 ? node.Name.Contains(year, StringComparison.Ordinal) : citedByDocument && name.Contains("year not given", StringComparison.Ordinal));
        }
        return Fuzz.Ratio(folded, TextFolding.Fold(node.Name)) >= 92;
    }
}
