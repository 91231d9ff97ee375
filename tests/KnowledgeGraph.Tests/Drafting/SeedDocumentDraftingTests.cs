using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Documents;
using Xunit.Abstractions;
using GraphDataset = KnowledgeGraph.Core.Model.Dataset;
using static KnowledgeGraph.Tests.Drafting.DraftTestSupport;

namespace KnowledgeGraph.Tests.Drafting;

/// <summary>
/// The five shared seed documents (read from ../shared/seeds at test time, never copied) against what a person typed
/// into seeds/ from them: the draft must find every officer named with a rank, every force and every organisation the
/// dataset cites the document for, and propose no Person for any victim. Run cold (an empty graph: everything must be a
/// candidate) and linked (the seeds dataset: everything should be a mention).
/// </summary>
public class SeedDocumentDraftingTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool> Documents()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in new[] { "000_6e661f54cf2487e1.txt", "001_58415c18cc78c5bf.txt", "002_f00766806563c511.txt", "003_5df9e00f6d04e6f6.txt", "004_a741a0ce6c26a340.txt" })
        {
            data.Add(name, false);
            data.Add(name, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_draft_finds_every_ranked_officer_force_and_organisation_and_no_victim_as_a_person(string file, bool linked)
    {
        if (SharedSeedsDirectory() is not { } dir)
        {
            output.WriteLine("../shared/seeds is not on this machine (set KG_SHARED_SEEDS); nothing to compare");
            return;
        }
        var seeds = Seeds;
        var source = seeds.Nodes.Single(n => n.Label == Labels.Source && n.Text("seedFile") == file);
        var draft = Draft(Path.Combine(dir, file), linked ? seeds : null, new DraftOptions(Published: source.Text("published")));

        // Independently of DraftScore: what the seeds cite this document for, and whether the draft has each by id or name.
        var cited = seeds.Nodes.Where(n => n.Sources.Contains(source.Id)).Select(n => n.Id)
            .Concat(seeds.Relationships.Where(r => r.Sources.Contains(source.Id)).SelectMany(r => new[] { r.From, r.To })).ToHashSet();
        var byId = seeds.Nodes.ToDictionary(n => n.Id);
        bool Has(GraphNode expected) =>
            draft.Mentions.Any(m => m.NodeId == expected.Id)
            || draft.ProposedNodes(expected.Label).Any(p => (string)p.Item["id"]! == expected.Id
                || expected.Aliases.Prepend(expected.Name).Any(n => TextFolding.Fold(n) == TextFolding.Fold((string)p.Item["name"]!)));
        var officers = cited.Select(id => byId[id]).Where(n => n.Label == Labels.Officer && n.Properties.GetValueOrDefault("identified") is true && n.Text("rank") is not null).ToList();
        var forces = cited.Select(id => byId[id]).Where(n => n.Label == Labels.Force).ToList();
        Assert.All(officers, o => Assert.True(Has(o), $"{file}: officer {o.Name} not found"));
        Assert.All(forces, f => Assert.True(Has(f), $"{file}: force {f.Name} not found"));

        var score = DraftScore.Score(draft, seeds)!;
        foreach (var k in score.Kinds) output.WriteLine($"{file} {(linked ? "linked" : "cold")} {k.Kind}: recall {k.Recall:P0} ({k.Found}/{k.Expected}), precision {k.Precision:P0} ({k.Correct}/{k.Proposed}); missed: {string.Join("; ", k.Missed)}");
        Assert.All(score.Kinds.Where(k => k.Kind is Labels.Officer or Labels.Force or Labels.Organisation),
            k => Assert.True(k.Recall == 1, $"{file} {k.Kind}: missed {string.Join("; ", k.Missed)}"));

        // Victims: no Person and no mention for anyone the seeds know as a victim, and their names nowhere in the draft.
        var victimNames = seeds.Relationships.Where(r => r.Type == RelationshipTypes.IdentifiedAs).Select(r => byId[r.To])
            .SelectMany(p => p.Aliases.Prepend(p.Name)).ToList();
        var pseudonyms = seeds.Nodes.Where(n => n.Label == Labels.VictimRole).Select(n => n.Text("pseudonym")).OfType<string>().ToHashSet();
        Assert.Empty(score.VictimsProposedAsPeople);
        Assert.DoesNotContain(Names(draft, Labels.Person), n => pseudonyms.Contains(n) || victimNames.Any(v => TextFolding.Fold(v) == TextFolding.Fold(n)));
        // What the draft itself writes: every string except references to nodes the dataset already has (a case the
        // dataset names after a public victim is the dataset's choice, not the draft's).
        var existing = seeds.Nodes.SelectMany(n => new[] { n.Id, n.Name }).ToHashSet();
        var written = string.Join("\n", Strings(Json(draft)).Where(v => !existing.Contains(v)));
        Assert.All(victimNames, v => Assert.DoesNotContain(v, written));
    }
}
