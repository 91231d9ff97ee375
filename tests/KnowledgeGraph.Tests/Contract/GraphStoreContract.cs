using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Tests.Contract;

/// <summary>
/// What every IGraphStore must answer for the seed data. Each adapter runs this same suite (a subclass per store);
/// the expectations come from the dataset, never from the store under test.
/// </summary>
public abstract class GraphStoreContract<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SeedStoreFixture
{
    private const string Carrick = "officer:david-carrick", Couzens = "officer:wayne-couzens";
    private const string Connor = "officer:mark-connor", Mason = "officer:james-mason";
    private const string MasonCase = "case:james-mason-kristina-oconnor";
    private static readonly CancellationToken None = CancellationToken.None;

    private IGraphStore Store => fixture.Store;
    private Core.Model.Dataset Dataset => fixture.Dataset;

    [StoreFact]
    public async Task Holds_exactly_the_dataset_counts_after_import()
    {
        var counts = await Store.GetCountsAsync(None);
        Assert.Equal(Dataset.CountByLabel(), counts.Labels);
        Assert.Equal(Dataset.CountByType(), counts.Types);
    }

    [StoreFact]
    public async Task Importing_the_same_data_again_changes_nothing()
    {
        var before = await Store.GetCountsAsync(None);
        var again = await Store.ImportAsync(Dataset, null, None);

        Assert.Equal(new ImportCounts(0, 0, Dataset.Nodes.Count, 0), again.Nodes);
        Assert.Equal(new ImportCounts(0, 0, Dataset.Relationships.Count, 0), again.Relationships);
        var after = await Store.GetCountsAsync(None);
        Assert.Equal(before.Labels, after.Labels);
        Assert.Equal(before.Types, after.Types);
    }

    [StoreFact]
    public async Task A_node_comes_with_its_relationships_and_their_citations()
    {
        var detail = await Store.GetNodeAsync(Connor, QueryLimits.RelationshipsPerNode, None);

        Assert.NotNull(detail);
        Assert.Equal("Mark Connor", detail.Node.Name);
        var expected = Dataset.Relationships.Where(r => r.From == Connor || r.To == Connor).Select(r => r.Id).Order();
        Assert.Equal(expected, detail.Relationships.Select(r => r.Id).Order());
        Assert.All(detail.Relationships, r => Assert.NotEmpty(r.Sources));
        var subjectOf = detail.Relationships.First(r => r.Type == RelationshipTypes.SubjectOf);
        Assert.NotNull(subjectOf.LegalStatus);
        Assert.All(detail.Relationships.SelectMany(r => r.Sources), s => Assert.False(string.IsNullOrEmpty(s.Title)));
    }

    [StoreFact]
    public async Task An_unknown_id_gives_null_everywhere()
    {
        Assert.Null(await Store.GetNodeAsync("officer:nobody", 10, None));
        Assert.Null(await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("officer:nobody", 1, 10, null, null), None));
        Assert.Null(await Store.FindShortestPathsAsync(new PathQuery(Connor, "officer:nobody", 4, [], [], 5), None));
        Assert.Null(await Store.FindServedTogetherAsync(new ServedTogetherQuery("officer:nobody", ServiceScope.Unit, new PageRequest(10)), None));
        Assert.Null(await Store.FindServedTogetherAtAsync(new OrganisationServedTogetherQuery("unit:nowhere", null, null, new PageRequest(10)), None));
        Assert.Null(await Store.GetCaseTimelineAsync("case:nothing", None));
        Assert.Null(await Store.GetCaseTimelineAsync(Connor, None));
        Assert.Null(await Store.GetSourceEvidenceAsync("source:none", new PageRequest(10), None));
        Assert.Null(await Store.GetCaseConnectionFactsAsync("case:nothing", None));
        Assert.Null(await Store.GetCaseConnectionFactsAsync(Connor, None));
    }

    [StoreFact]
    public async Task Search_matches_name_prefixes_and_aliases_ignoring_case()
    {
        var carrick = await Store.SearchAsync(new SearchQuery("carr", null, 10), None);
        Assert.Equal(Carrick, carrick.Hits.First().Id);

        var met = Dataset.Nodes.Single(n => n.Id == "force:metropolitan-police-service");
        var byAlias = await Store.SearchAsync(new SearchQuery(met.Aliases.First().ToUpperInvariant(), "Force", 10), None);
        Assert.Contains(byAlias.Hits, h => h.Id == met.Id);
        Assert.All(byAlias.Hits, h => Assert.Equal("Force", h.Label));

        var limited = await Store.SearchAsync(new SearchQuery("m", null, 2), None);
        Assert.Equal(2, limited.Hits.Count);
        Assert.True(limited.Truncated);
    }

    [StoreFact]
    public async Task Neighbourhood_grows_with_depth_and_stops_at_the_limit()
    {
        var one = (await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Carrick, 1, 500, null, null), None))!;
        var two = (await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Carrick, 2, 500, null, null), None))!;
        var small = (await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Carrick, 2, 3, null, null), None))!;

        var direct = Dataset.Relationships.Where(r => r.From == Carrick || r.To == Carrick).Select(r => r.From == Carrick ? r.To : r.From)
            .Append(Carrick).Distinct().Order();
        Assert.Equal(direct, one.Nodes.Select(n => n.Id).Order());
        Assert.Contains(two.Nodes, n => n.Id == Couzens);
        Assert.DoesNotContain(one.Nodes, n => n.Id == Couzens);
        Assert.Equal(3, small.Nodes.Count);
        Assert.True(small.Truncated);
        Assert.All(two.Relationships, r => Assert.True(two.Nodes.Any(n => n.Id == r.From) && two.Nodes.Any(n => n.Id == r.To)));
    }

    [StoreFact]
    public async Task Neighbourhood_follows_only_the_asked_labels_and_types()
    {
        var sub = (await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Carrick, 2, 500, ["Unit", "Officer"], ["SERVED_IN"]), None))!;
        Assert.All(sub.Nodes, n => Assert.Contains(n.Label, new[] { "Unit", "Officer" }));
        Assert.All(sub.Relationships, r => Assert.Equal("SERVED_IN", r.Type));
        Assert.Contains(sub.Nodes, n => n.Id == Couzens);
    }

    private Task<ServedTogetherResult?> ServedWith(string officer, ServiceScope scope, int limit = 500, string? cursor = null) =>
        Store.FindServedTogetherAsync(new ServedTogetherQuery(officer, scope, new PageRequest(limit, cursor)), None);

    [StoreFact]
    public async Task Carrick_and_Couzens_served_together_in_the_same_unit()
    {
        var result = await ServedWith(Carrick, ServiceScope.Unit);

        var entry = Assert.Single(result!.Entries, e => e.Officer.Id == Couzens);
        var shared = Assert.Single(entry.Shared, s => s.Basis == ServedTogetherRule.UnitBasis);
        Assert.Equal(Labels.Unit, shared.Organisation!.Label);
        Assert.NotEmpty(shared.Sources);
        // No source dates their service in the unit, so the overlap cannot be certain.
        Assert.Equal("possible", shared.Certainty);
        Assert.Equal(result.Entries.Count, result.Total);
        Assert.Null(result.Next);
        Assert.False(result.Truncated);
    }

    [StoreFact]
    public async Task Force_scope_adds_officers_of_the_same_force_but_never_a_silent_yes()
    {
        var unit = (await ServedWith(Connor, ServiceScope.Unit))!;
        var force = (await ServedWith(Connor, ServiceScope.Force))!;

        Assert.True(force.Total > unit.Total);
        Assert.Contains(force.Entries, e => e.Officer.Id == Mason && e.Shared.Any(s => s.Basis == ServedTogetherRule.ForceBasis));
        Assert.All(force.Entries.SelectMany(e => e.Shared).Where(s => s.Basis != ServedTogetherRule.Explicit), s => Assert.NotEmpty(s.Sources));
    }

    [StoreFact]
    public async Task An_entry_is_one_officer_with_the_strongest_of_what_they_shared()
    {
        foreach (var officer in Dataset.Nodes.Where(n => n.Label == Labels.Officer).Select(n => n.Id))
        {
            var result = (await ServedWith(officer, ServiceScope.Force))!;
            Assert.Equal(result.Entries.Count, result.Entries.Select(e => e.Officer.Id).Distinct().Count());
            Assert.DoesNotContain(result.Entries, e => e.Officer.Id == officer);
            foreach (var entry in result.Entries)
            {
                Assert.NotEmpty(entry.Shared);
                Assert.Equal(entry.Shared.Any(s => s.Certainty == "certain") ? "certain" : "possible", entry.Certainty);
                var strongest = entry.Shared.Any(s => s.Basis == ServedTogetherRule.Explicit) ? ServedTogetherRule.Explicit
                    : entry.Shared.Any(s => s.Basis == ServedTogetherRule.UnitBasis) ? ServedTogetherRule.UnitBasis : ServedTogetherRule.ForceBasis;
                Assert.Equal(strongest, entry.Basis);
                Assert.All(entry.Shared, s => Assert.Equal(s.Basis == ServedTogetherRule.Explicit, s.Organisation is null));
            }
            // Ranked: explicit first, then certain before possible.
            var keys = result.Entries.Select(e => (e.Basis == ServedTogetherRule.Explicit ? 0 : 1) * 2 + (e.Certainty == "certain" ? 0 : 1)).ToList();
            Assert.Equal(keys.Order(), keys);
        }
    }

    [StoreFact]
    public async Task Walking_every_page_of_served_together_gives_the_whole_answer_once()
    {
        foreach (var officer in new[] { Carrick, Connor, Mason })
            foreach (var scope in new[] { ServiceScope.Unit, ServiceScope.Force })
            {
                var whole = (await ServedWith(officer, scope))!;
                var walked = new List<ServedTogetherEntry>();
                string? cursor = null;
                do
                {
                    var page = (await ServedWith(officer, scope, 2, cursor))!;
                    Assert.Equal(whole.Total, page.Total);
                    Assert.True(page.Entries.Count <= 2);
                    Assert.Equal(page.Next is not null, page.Truncated);
                    walked.AddRange(page.Entries);
                    cursor = page.Next;
                } while (cursor is not null);

                Assert.Equal(whole.Total, walked.Count);
                Assert.Equal(whole.Entries.Select(e => e.Officer.Id), walked.Select(e => e.Officer.Id));
            }
    }

    [StoreFact]
    public async Task Explicit_worked_with_is_reported_as_such()
    {
        var stated = Dataset.Relationships.First(r => r.Type == RelationshipTypes.WorkedWith);
        var result = (await ServedWith(stated.From, ServiceScope.Unit))!;
        var entry = Assert.Single(result.Entries, e => e.Officer.Id == stated.To);
        Assert.Equal(ServedTogetherRule.Explicit, entry.Basis);
        Assert.Equal("certain", entry.Certainty);
        Assert.Contains(entry.Shared, s => s.Basis == ServedTogetherRule.Explicit && s.Organisation is null && s.Sources.Count > 0);
        Assert.Same(entry, result.Entries[0]);
    }

    private Task<OrganisationServedTogether?> PairsAt(string organisation, int limit = 500, string? cursor = null) =>
        Store.FindServedTogetherAtAsync(new OrganisationServedTogetherQuery(organisation, null, null, new PageRequest(limit, cursor)), None);

    [StoreFact]
    public async Task Organisation_served_together_lists_pairs_in_the_unit()
    {
        var unit = Dataset.Relationships.First(r => r.Type == RelationshipTypes.ServedIn && r.From == Carrick && r.To.StartsWith("unit:")).To;
        var result = (await PairsAt(unit))!;
        Assert.Contains(result.Pairs, p => new[] { p.Officer.Id, p.OtherOfficer.Id }.Order().SequenceEqual(new[] { Carrick, Couzens }.Order()));
        Assert.Equal(result.Pairs.Count, result.Total);
    }

    [StoreFact]
    public async Task Walking_every_page_of_a_forces_pairs_gives_each_pair_once()
    {
        const string met = "force:metropolitan-police-service";
        var whole = (await PairsAt(met))!;
        Assert.True(whole.Total > 1);
        var walked = new List<ServedTogetherPair>();
        string? cursor = null;
        do
        {
            var page = (await PairsAt(met, 3, cursor))!;
            Assert.Equal(whole.Total, page.Total);
            walked.AddRange(page.Pairs);
            cursor = page.Next;
        } while (cursor is not null);

        Assert.Equal(whole.Total, walked.Count);
        var keys = walked.Select(p => string.Join("|", new[] { p.Officer.Id, p.OtherOfficer.Id }.Order(StringComparer.Ordinal))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(whole.Pairs.Select(p => (p.Officer.Id, p.OtherOfficer.Id)), walked.Select(p => (p.Officer.Id, p.OtherOfficer.Id)));
        Assert.All(walked, p => Assert.NotEmpty(p.Sources));
    }

    [StoreFact]
    public async Task Masons_timeline_runs_in_date_order_from_the_2011_incident_through_the_later_legal_steps()
    {
        var timeline = (await Store.GetCaseTimelineAsync(MasonCase, None))!;

        var dates = timeline.Events.Select(e => PartialDate.Parse(e.Date)).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(2011, dates[0].Year);
        var kinds = timeline.Events.Select(e => e.Kind).ToList();
        var hearing = kinds.IndexOf("hearing");
        var sanction = kinds.IndexOf("sanction");
        Assert.True(hearing >= 0 && sanction > hearing, string.Join(", ", kinds));
        Assert.Contains(timeline.Events.Skip(sanction + 1), e => e.Kind is "legal_action" or "judicial_review" or "ruling" or "appeal");
        Assert.All(timeline.Events, e => Assert.NotEmpty(e.Sources));
        Assert.All(timeline.Events.Where(e => e.Kind is "finding" or "sanction"), e => Assert.NotNull(e.LegalStatus));
        Assert.Equal(Dataset.Relationships.Count(r => r.From == MasonCase && r.Type == RelationshipTypes.HasEvent), timeline.Events.Count);
    }

    [StoreFact]
    public async Task A_path_joins_Connor_and_Mason_and_every_hop_cites_a_source()
    {
        var result = (await Store.FindShortestPathsAsync(new PathQuery(Connor, Mason, 6, [], [], 10), None))!;

        var path = result.Paths.First();
        Assert.Equal(Connor, path.Nodes.First().Id);
        Assert.Equal(Mason, path.Nodes.Last().Id);
        Assert.Equal(path.Nodes.Count - 1, path.Hops.Count);
        Assert.All(result.Paths, p => Assert.All(p.Hops, h => Assert.NotEmpty(h.Sources)));
        Assert.All(result.Paths, p => Assert.All(p.Hops, h => Assert.Contains("(source: ", h.Sentence)));
        Assert.All(result.Paths, p => Assert.Equal(path.Hops.Count, p.Hops.Count));
    }

    [StoreFact]
    public async Task Excluding_a_hub_forces_a_longer_path_or_none()
    {
        var direct = (await Store.FindShortestPathsAsync(new PathQuery(Connor, Mason, 6, [], [], 10), None))!;
        var hub = direct.Paths.First().Nodes[1].Id;

        var around = (await Store.FindShortestPathsAsync(new PathQuery(Connor, Mason, 6, [hub], [], 10), None))!;

        Assert.All(around.Paths, p => Assert.DoesNotContain(p.Nodes, n => n.Id == hub));
        Assert.All(around.Paths, p => Assert.True(p.Hops.Count >= direct.Paths.First().Hops.Count));
    }

    [StoreFact]
    public async Task Too_few_hops_find_no_path()
    {
        var result = (await Store.FindShortestPathsAsync(new PathQuery(Connor, Mason, 1, [], [], 10), None))!;
        Assert.Empty(result.Paths);
    }

    [StoreFact]
    public async Task No_read_returns_a_name_for_a_protected_victim()
    {
        var roles = Dataset.Nodes.Where(n => n.Label == Labels.VictimRole).ToList();
        Assert.Contains(roles, r => r.Text("anonymity") == "protected");
        foreach (var role in roles)
        {
            var shown = (await Store.GetNodeAsync(role.Id, 500, None))!;
            Assert.Equal(VictimProtection.DisplayName(role.Properties), shown.Node.Name);
            Assert.Empty(shown.Node.Aliases);
            if (role.Text("anonymity") != "public")
                Assert.DoesNotContain(shown.Relationships, r => r.Type == RelationshipTypes.IdentifiedAs);

            var around = (await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(role.Id, 2, 500, null, null), None))!;
            Assert.All(around.Nodes.Where(n => n.Label == Labels.VictimRole), n => Assert.Equal(VictimProtection.DisplayName(n.Properties), n.Name));
        }
        var export = await Store.ExportAsync(None);
        Assert.All(export.Nodes.Where(n => n.Label == Labels.VictimRole), n => Assert.Equal(VictimProtection.DisplayName(n.Properties), n.Name));
    }

    [StoreFact]
    public async Task Source_evidence_walked_page_by_page_is_everything_that_cites_the_document()
    {
        // The most cited source, so the walk spans several pages; a citation with a locator counts for its source.
        var source = Dataset.Nodes.Where(n => n.Label == Labels.Source)
            .MaxBy(s => Dataset.Relationships.Count(r => Citation.SourceIds(r.Sources).Contains(s.Id)))!;
        var expectedNodes = Dataset.Nodes.Where(n => Citation.SourceIds(n.Sources).Contains(source.Id)).Select(n => n.Id).Order(StringComparer.Ordinal).ToList();
        var expectedRels = Dataset.Relationships.Where(r => Citation.SourceIds(r.Sources).Contains(source.Id)).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

        var nodes = new List<string>();
        var rels = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await Store.GetSourceEvidenceAsync(source.Id, new PageRequest(7, cursor), None))!;
            Assert.Equal(source.Text("title"), page.Source.Title);
            Assert.Equal((expectedNodes.Count, expectedRels.Count, expectedNodes.Count + expectedRels.Count), (page.NodeTotal, page.RelationshipTotal, page.Total));
            Assert.True(page.Nodes.Count + page.Relationships.Count <= 7);
            nodes.AddRange(page.Nodes.Select(n => n.Id));
            rels.AddRange(page.Relationships.Select(r => r.Id));
            cursor = page.Next;
            pages++;
        } while (cursor is not null);

        Assert.True(pages > 1);
        Assert.Equal(expectedNodes, nodes);
        Assert.Equal(expectedRels, rels);
    }

    [StoreFact]
    public async Task Connection_facts_start_from_the_case()
    {
        var facts = (await Store.GetCaseConnectionFactsAsync(MasonCase, None))!;
        Assert.Equal(MasonCase, facts.Case.Case.Id);
        Assert.Contains(facts.Case.Subjects, s => s.Officer.Id == Mason && s.Service.Count > 0);
        Assert.NotEmpty(facts.Case.Events);
        Assert.NotEmpty(facts.Case.Sources);
        Assert.DoesNotContain(facts.Candidates, c => c.Case.Id == MasonCase);
    }

    [StoreFact]
    public async Task Connections_walked_page_by_page_equal_a_brute_force_over_every_case()
    {
        var caseIds = Dataset.Nodes.Where(n => n.Label == Labels.Case).Select(n => n.Id).ToList();
        var all = await Cases.CaseBruteForce.AllFactsAsync(Store, caseIds);
        var nodes = Dataset.Nodes.ToDictionary(n => n.Id, NodeRef.Of);
        foreach (var caseId in caseIds)
        {
            var expected = Cases.CaseBruteForce.Connections(caseId, all, id => nodes.GetValueOrDefault(id));
            var (walked, total, _) = await Cases.CaseBruteForce.WalkAllPagesAsync(Store, caseId, 3);
            Assert.Equal(expected.Count, total);
            Assert.Equal(Cases.CaseBruteForce.Json(expected), Cases.CaseBruteForce.Json(walked));
        }
    }

    [StoreFact]
    public async Task Case_outcomes_for_any_filter_equal_deciding_every_case()
    {
        var caseIds = Dataset.Nodes.Where(n => n.Label == Labels.Case).Select(n => n.Id).ToList();
        var all = await Cases.CaseBruteForce.AllFactsAsync(Store, caseIds);
        var forces = Dataset.Nodes.Where(n => n.Label == Labels.Force).Select(n => (string?)n.Id).Prepend(null);
        var categories = all.SelectMany(f => f.Categories).Distinct().Select(c => (string?)c).Prepend(null).ToList();
        foreach (var force in forces)
            foreach (var category in categories)
                Assert.Equal(Cases.CaseBruteForce.Json(Cases.CaseBruteForce.Outcomes(all, force, category)),
                    Cases.CaseBruteForce.Json(await Store.GetCaseOutcomesAsync(force, category, None)));
    }

    [StoreFact]
    public async Task Export_returns_the_whole_graph()
    {
        var export = await Store.ExportAsync(None);
        Assert.Equal(Dataset.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), export.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Dataset.Relationships.Select(r => r.Id).Order(StringComparer.Ordinal), export.Relationships.Select(r => r.Id).Order(StringComparer.Ordinal));
    }
}
