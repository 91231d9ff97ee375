using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using GraphDataset = KnowledgeGraph.Core.Model.Dataset;
using KnowledgeGraph.Documents;
using Newtonsoft.Json.Linq;
using static KnowledgeGraph.Tests.Drafting.DraftTestSupport;

namespace KnowledgeGraph.Tests.Drafting;

/// <summary>Drafts of three documents written for these tests: a news report, a watchdog press release (a saved
/// web page) and a misconduct-hearing outcome notice.</summary>
public class DocumentDraftingTests
{
    private static readonly Draft News = Draft(DocumentPath("news-report.txt"));
    private static readonly Draft PressRelease = Draft(DocumentPath("press-release.html"));
    private static readonly Draft Hearing = Draft(DocumentPath("hearing-outcome.txt"));
    private static readonly Draft[] All = [News, PressRelease, Hearing];

    private static JObject Officer(Draft draft, string name) =>
        draft.ProposedNodes(Labels.Officer).Select(p => p.Item).Single(o => (string)o["name"]! == name);

    [Fact]
    public void A_news_report_gives_its_officers_with_ranks_its_force_and_organisations_and_its_quoted_people()
    {
        Assert.Equal("Police Constable", (string)Officer(News, "Thomas Hale")["rank"]!);
        Assert.Equal("Detective Sergeant", (string)Officer(News, "Amira Okafor")["rank"]!);
        Assert.Equal("Chief Superintendent", (string)Officer(News, "Mark Ellison")["rank"]!);
        Assert.Equal(["Thames Valley Police"], Names(News, Labels.Force));
        Assert.Contains("Independent Office for Police Conduct", Names(News, Labels.Organisation));
        Assert.Contains("Safer Streets Now", Names(News, Labels.Organisation));
        Assert.Contains("Jane Whitcombe", Names(News, Labels.Person));
        Assert.Contains("Priya Raman", Names(News, Labels.Person));
        Assert.Equal("2024-03-14", News.DocumentDate);
    }

    [Fact]
    public void Every_place_an_officer_is_named_is_evidence_including_the_surname_alone()
    {
        var hale = News.ProposedNodes(Labels.Officer).Single(p => (string)p.Item["name"]! == "Thomas Hale");
        var text = News.Document.Text;
        var named = hale.Evidence.Select(r => text[r.Start..r.End]).ToList();
        Assert.Contains("Thomas Hale", named);
        Assert.Contains("Hale", named);
        // Brute force: every whole-word "Hale" in the text is among the ranges.
        var expected = System.Text.RegularExpressions.Regex.Matches(text, @"\bHale\b").Select(m => m.Index + m.Length).ToHashSet();
        Assert.Equal(expected, hale.Evidence.Select(r => r.End).ToHashSet());
    }

    [Fact]
    public void A_saved_web_page_is_read_for_its_main_text_only()
    {
        var text = PressRelease.Document.Text;
        Assert.DoesNotContain("Devon and Cornwall", text);
        Assert.DoesNotContain("Kent Police", text);
        Assert.DoesNotContain("Contact us", text);
        Assert.Contains("PC Daniel Reeve", text);
        Assert.Equal("2025-05-20", PressRelease.DocumentDate);
        Assert.Equal("Police Constable", (string)Officer(PressRelease, "Daniel Reeve")["rank"]!);
        Assert.Equal(["Greater Manchester Police", "Metropolitan Police Service", "West Midlands Police"], Names(PressRelease, Labels.Force).Order());
        Assert.Contains("Crown Prosecution Service", Names(PressRelease, Labels.Organisation));
        Assert.Contains("Manchester Magistrates’ Court", Names(PressRelease, Labels.Organisation));
        Assert.Contains("Rebecca Lomax", Names(PressRelease, Labels.Person));
        var charge = PressRelease.ProposedNodes(Labels.Event).Select(p => p.Item).Single(e => (string?)e["date"] == "2025-05-16");
        Assert.Equal("charge", (string)charge["kind"]!);
        Assert.Equal("charged", (string)charge["legalStatus"]!);
    }

    [Fact]
    public void A_hearing_outcome_notice_gives_the_finding_the_dismissal_and_the_panel_that_decided()
    {
        Assert.Equal("Detective Inspector", (string)Officer(Hearing, "Gareth Willis")["rank"]!);
        var events = Hearing.ProposedNodes(Labels.Event).Select(p => p.Item).ToList();
        var finding = events.Single(e => (string)e["kind"]! == "finding");
        Assert.Equal(("2024-09-05", "proven", "gross_misconduct"), ((string)finding["date"]!, (string)finding["legalStatus"]!, (string)finding["misconductLevel"]!));
        var dismissal = events.Single(e => (string)e["kind"]! == "dismissal");
        Assert.Equal("dismissed", (string)dismissal["sanction"]!);
        var panel = Hearing.ProposedNodes(Labels.Organisation).Single(p => (string?)p.Item["kind"] == "misconduct_panel").Item;
        Assert.Equal("Misconduct panel, Gareth Willis case (2024)", (string)panel["name"]!);
        Assert.Contains(Hearing.Relationships, r => (string)r.Item["type"]! == "BY" && (string)r.Item["from"]! == (string)finding["id"]! && (string)r.Item["to"]! == (string)panel["id"]!);
        Assert.Contains("Police Appeals Tribunal", Names(Hearing, Labels.Organisation));
        Assert.Contains("College of Policing", Names(Hearing, Labels.Organisation));
        Assert.Equal("report", (string)Hearing.Nodes[0].Item["kind"]!);
    }

    [Fact]
    public void Relative_dates_count_from_the_document_date()
    {
        var events = News.ProposedNodes(Labels.Event).Select(p => p.Item).ToDictionary(e => (string)e["kind"]!, e => (string?)e["date"]);
        Assert.Equal("2023-07", events["investigation_completed"]); // "last July", in a document of 14 March 2024
        Assert.Equal("2024-02", events["barred_list"]);             // "last month"
        Assert.Equal("2023", events["resignation"]);                // "October last year"
        Assert.Equal("2022-08", events["complaint"]);
        Assert.Equal("2023-01", events["referral"]);
    }

    [Theory]
    [InlineData("2024-03-14", "2023-07")] // July has not come yet this year: last July was the year before
    [InlineData("2024-09-01", "2024-07")]
    [InlineData("2024-07-20", "2023-07")] // in July itself, "last July" is a year ago
    public void Last_July_is_the_most_recent_July_before_the_document_date(string documentDate, string expected)
    {
        var found = DateFinder.Find("The review ended last July.", documentDate).Single();
        Assert.Equal(expected, found.Date);
        Assert.True(found.Relative);
    }

    [Fact]
    public void A_relative_date_without_a_document_date_is_left_undated_and_said_so()
    {
        var found = DateFinder.Find("He resigned last year.", null).Single();
        Assert.Null(found.Date);
        var draft = DraftText("PC Jo Bloggs of Kent Police resigned last year.");
        Assert.Contains(draft.Checks, c => c.Check.StartsWith("relative date", StringComparison.Ordinal));
        Assert.DoesNotContain(draft.ProposedNodes(Labels.Event), e => e.Item["date"] is not null);
    }

    [Fact]
    public void A_name_near_victim_language_is_never_a_person_and_is_left_out_of_the_draft()
    {
        var json = Json(News).ToString();
        Assert.DoesNotContain("Hannah", json);
        Assert.DoesNotContain("Greaves", json);
        Assert.DoesNotContain(Names(News, Labels.Person), n => n.Contains("Greaves", StringComparison.Ordinal));
        var check = Assert.Single(News.Checks, c => c.Check == "possible victim name — check anonymity");
        Assert.Equal("Hannah Greaves", News.Document.Text[check.Start..check.End]);
        Assert.DoesNotContain("Greaves", check.Note);
        Assert.Contains(News.ProposedNodes(Labels.VictimRole), v => (string)v.Item["anonymity"]! == "protected");
    }

    [Fact]
    public void A_pseudonym_the_document_marks_stays_a_pseudonym()
    {
        var role = News.ProposedNodes(Labels.VictimRole).Single(v => (string)v.Item["anonymity"]! == "pseudonym").Item;
        Assert.Equal("Sophie", (string)role["pseudonym"]!);
        Assert.StartsWith("woman", (string)role["descriptor"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("Sophie", (string)role["descriptor"]!);
        Assert.DoesNotContain(Names(News, Labels.Person), n => n.Contains("Sophie", StringComparison.Ordinal));
    }

    [Fact]
    public void A_complainant_without_a_name_is_a_protected_victim_role()
    {
        var role = Assert.Single(Hearing.ProposedNodes(Labels.VictimRole)).Item;
        Assert.Equal("protected", (string)role["anonymity"]!);
        Assert.Null(role["name"]);
        Assert.DoesNotContain(Hearing.ProposedNodes(Labels.Person), p => ((string)p.Item["name"]!).Contains("Ms A", StringComparison.Ordinal));
    }

    [Fact]
    public void A_proposed_legal_status_is_never_stronger_than_the_words_of_its_sentence()
    {
        var drafts = All.Concat(SeedDrafts()).ToList();
        var checkedEvents = 0;
        foreach (var draft in drafts)
            foreach (var e in draft.ProposedNodes(Labels.Event))
            {
                var status = (string?)e.Item["legalStatus"];
                var sentence = draft.Document.Text[e.Evidence[0].Start..e.Evidence[0].End].ToLowerInvariant();
                checkedEvents++;
                // Independent reading: which statuses could these words support at most?
                var hedged = (sentence.Contains("alleg") || sentence.Contains("accus") || sentence.Contains("denied") || sentence.Contains("denies") || sentence.Contains("claim"))
                    && !System.Text.RegularExpressions.Regex.IsMatch(sentence, @"allegations? (?:was |were )?(?:found )?(?:proven|proved|upheld)|found (?:the |all |both )?(?:\w+ )?allegations? (?:proven|proved)");
                if (hedged) Assert.True(status is null or "alleged" or "denied" or "unknown", $"{draft.Document.FileName}: '{status}' for hedged words: {sentence}");
                if (status == "convicted") Assert.Matches("convicted|found (him |her |them )?guilty|jailed|imprisoned|sentenced|prison", sentence);
                if (status == "proven") Assert.Matches("proven|proved|found|ruled|concluded|guilty|amounted to", sentence);
                if (status == "charged") Assert.Contains("charge", sentence);
                if (status == "admitted") Assert.Matches("pleaded guilty|pled guilty|admitted", sentence);
            }
        Assert.True(checkedEvents >= 10, $"only {checkedEvents} events checked");
    }

    [Fact]
    public void The_draft_stores_offsets_and_short_labels_never_the_documents_sentences()
    {
        foreach (var draft in All.Concat(SeedDrafts()))
        {
            var words = System.Text.RegularExpressions.Regex.Matches(draft.Document.Text.ToLowerInvariant(), @"[\p{L}\p{N}’']+").Select(m => m.Value).ToArray();
            var runs = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 9 <= words.Length; i++) runs.Add(string.Join(' ', words[i..(i + 9)]));
            foreach (var value in Strings(Json(draft)))
            {
                var valueWords = System.Text.RegularExpressions.Regex.Matches(value.ToLowerInvariant(), @"[\p{L}\p{N}’']+").Select(m => m.Value).ToArray();
                for (var i = 0; i + 9 <= valueWords.Length; i++)
                    Assert.False(runs.Contains(string.Join(' ', valueWords[i..(i + 9)])), $"{draft.Document.FileName}: the draft copies nine words of the document: {value}");
            }
            Assert.All(draft.ProposedNodes(Labels.Event).Concat(draft.ProposedNodes(Labels.Case)), p => Assert.Equal("", (string)p.Item["summary"]!));
        }
    }

    [Fact]
    public void Every_proposal_is_marked_for_review_and_every_relationship_cites_the_new_source()
    {
        foreach (var draft in All)
        {
            var json = Json(draft);
            foreach (var item in json["nodes"]!.Concat(json["relationships"]!))
                Assert.Equal("proposed", (string)item["review"]!["status"]!);
            Assert.All(json["relationships"]!, r => Assert.Equal([draft.SourceId], r["sources"]!.Select(s => (string)s!)));
            Assert.All(draft.Nodes.Where(n => n.Item["sources"] is not null), n => Assert.Equal([draft.SourceId], n.Item["sources"]!.Select(s => (string)s!)));
            Assert.True(DraftFiles.IsDraft(json));
        }
    }

    [Fact]
    public void Names_already_in_the_dataset_become_mentions_with_every_range_not_candidates()
    {
        var dataset = DatasetWith(
            new GraphNode("force:thames-valley-police", Labels.Force, "Thames Valley Police", ["TVP"], new Dictionary<string, object?>(), []),
            new GraphNode("officer:thomas-hale", Labels.Officer, "Thomas Hale", ["PC Thomas Hale"], new Dictionary<string, object?> { ["identified"] = true, ["status"] = "former" }, []));
        var draft = Draft(DocumentPath("news-report.txt"), dataset);

        var force = draft.Mentions.Single(m => m.NodeId == "force:thames-valley-police");
        Assert.Equal(["TVP", "Thames Valley Police"], force.Ranges.Select(r => draft.Document.Text[r.Start..r.End]).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(draft.Mentions, m => m.NodeId == "officer:thomas-hale");
        Assert.DoesNotContain(draft.ProposedNodes(Labels.Officer), p => (string)p.Item["name"]! == "Thomas Hale");
        Assert.DoesNotContain(draft.ProposedNodes(Labels.Force), p => true);
        Assert.Contains(draft.Relationships, r => (string)r.Item["type"]! == "SERVED_IN" && (string)r.Item["from"]! == "officer:thomas-hale" && (string)r.Item["to"]! == "force:thames-valley-police");
    }

    [Fact]
    public void A_name_spelt_slightly_differently_is_linked_fuzzily()
    {
        var dataset = DatasetWith(new GraphNode("officer:mark-connor", Labels.Officer, "Mark Connor", [], new Dictionary<string, object?> { ["identified"] = true, ["status"] = "former" }, []));
        var draft = DraftText("Detective Constable Mark Conner of the Met resigned in November 2023.", dataset);
        var mention = draft.Mentions.Single(m => m.NodeId == "officer:mark-connor");
        Assert.StartsWith("fuzzy", mention.Match, StringComparison.Ordinal);
        Assert.Empty(draft.ProposedNodes(Labels.Officer));
    }

    [Theory]
    [InlineData("DCI Jane Doe spoke.", "Jane Doe", "Detective Chief Inspector")]
    [InlineData("Det Chief Insp Jane Doe spoke.", "Jane Doe", "Detective Chief Inspector")]
    [InlineData("Det Supt Ravi Patel spoke.", "Ravi Patel", "Detective Superintendent")]
    [InlineData("Sgt Lee Carter spoke.", "Lee Carter", "Police Sergeant")]
    [InlineData("Chief Inspector Paul Brown spoke.", "Paul Brown", "Chief Inspector")]
    [InlineData("former detective constable Ann Lee spoke.", "Ann Lee", "Detective Constable")]
    [InlineData("PCSO Tom Ng spoke.", "Tom Ng", "Police Community Support Officer")]
    [InlineData("ACC Sam Hill spoke.", "Sam Hill", "Assistant Chief Constable")]
    public void Ranks_are_known_by_abbreviation_and_full_form_and_stripped_from_the_name(string text, string name, string rank)
    {
        var officer = DraftText(text).ProposedNodes(Labels.Officer).Single().Item;
        Assert.Equal((name, rank), ((string)officer["name"]!, (string)officer["rank"]!));
    }

    [Theory]
    [InlineData("the Met", "force:metropolitan-police-service")]
    [InlineData("MPS", "force:metropolitan-police-service")]
    [InlineData("TVP", "force:thames-valley-police")]
    [InlineData("West Mids", "force:west-midlands-police")]
    [InlineData("GMP", "force:greater-manchester-police")]
    [InlineData("PSNI", "force:police-service-of-northern-ireland")]
    [InlineData("Police Scotland", "force:police-scotland")]
    [InlineData("BTP", "force:british-transport-police")]
    [InlineData("Dyfed-Powys Police", "force:dyfed-powys-police")]
    [InlineData("IOPC", "org:iopc")]
    [InlineData("HMICFRS", "org:hmicfrs")]
    [InlineData("PIRC", "org:pirc")]
    [InlineData("PONI", "org:poni")]
    public void Every_UK_force_and_watchdog_is_known_by_its_common_short_name(string shortName, string id)
    {
        Assert.Equal(id, NameIndex.Build(null).Find(shortName)?.Id);
    }

    [Fact]
    public void The_gazetteer_holds_every_force_of_the_United_Kingdom()
    {
        // 43 territorial forces of England and Wales, Police Scotland, the PSNI, and BTP, MDP and CNC.
        Assert.Equal(48, Gazetteer.Forces.Count);
        Assert.Equal(Gazetteer.Forces.Count, Gazetteer.Forces.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void A_lower_case_word_is_not_a_one_word_force_name()
    {
        var draft = DraftText("He met her in 2019 and the independent review found nothing.");
        Assert.Empty(draft.ProposedNodes(Labels.Force));
        Assert.Empty(draft.ProposedNodes(Labels.Organisation));
    }

    private static GraphDataset DatasetWith(params GraphNode[] nodes) => new GraphDataset(nodes, []);

    private static IEnumerable<Draft> SeedDrafts()
    {
        if (SharedSeedsDirectory() is not { } dir) yield break;
        foreach (var file in Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal)) yield return Draft(file);
    }
}
