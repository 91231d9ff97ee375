using System.Diagnostics;
using KnowledgeGraph.Importer;
using Newtonsoft.Json.Linq;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Xunit.Abstractions;
using static KnowledgeGraph.Tests.Drafting.DraftTestSupport;

namespace KnowledgeGraph.Tests.Drafting;

/// <summary>The command line from a document to imported facts: draft, validate refuses, review, promote, validate.</summary>
public class DraftReviewTests(ITestOutputHelper testOutput)
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ImporterApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<(string Dir, string DraftPath, string Output)> DraftHearingInto()
    {
        var dir = TestPaths.NewTempDirectory();
        var (exit, output, error) = await Run("draft", DocumentPath("hearing-outcome.txt"), "--into", dir, "--kind", "report");
        Assert.True(exit == 0, error);
        return (dir, Path.Combine(dir, "drafts", "hearing-outcome.json"), output);
    }

    /// <summary>What a reviewer does: accept every proposal, write the summaries in their own words, close the checks.</summary>
    private static void Review(string draftPath)
    {
        var draft = JObject.Parse(File.ReadAllText(draftPath));
        foreach (var item in draft["nodes"]!.Concat(draft["relationships"]!))
        {
            item["review"]!["status"] = "accepted";
            if (item["summary"] is JValue { Value: "" }) item["summary"] = "Written by the reviewer in their own words.";
            if (item["description"] is JValue { Value: "" }) item["description"] = "Chair of the hearing.";
            if (item["properties"]?["capacity"] is JValue { Value: "" }) item["properties"]!["capacity"] = "spokesperson";
        }
        foreach (var check in draft["draft"]!["checks"]!) check["status"] = "done";
        File.WriteAllText(draftPath, draft.ToString());
    }

    [Fact]
    public async Task Draft_writes_the_file_under_drafts_and_reports_what_it_proposes()
    {
        var (_, path, output) = await DraftHearingInto();
        Assert.True(File.Exists(path));
        Assert.Contains("proposed Officer", output);
        Assert.Contains("Gareth Willis", output);
        Assert.Contains("kg-import promote", output);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public async Task The_report_names_a_possible_victim_by_place_and_initials_only()
    {
        var dir = TestPaths.NewTempDirectory();
        var (exit, output, _) = await Run("draft", DocumentPath("news-report.txt"), "--into", dir);
        Assert.Equal(0, exit);
        Assert.Contains("possible victim name — check anonymity: H. G. at characters", output);
        Assert.DoesNotContain("Greaves", output);
        Assert.DoesNotContain("Greaves", File.ReadAllText(Path.Combine(dir, "drafts", "news-report.json")));
    }

    [Fact]
    public async Task Validate_and_import_refuse_a_draft_naming_what_is_left_to_review()
    {
        var (dir, _, _) = await DraftHearingInto();

        var (exit, _, error) = await Run("validate", dir);
        Assert.Equal(ImporterApp.InvalidData, exit);
        Assert.Contains("drafts/hearing-outcome.json", error);
        Assert.Contains("this file is a draft, not data", error);
        Assert.Contains("Officer officer:gareth-willis", error);

        var (importExit, _, importError) = await Run("import", dir, "--db", Path.Combine(dir, "kg.db"));
        Assert.Equal(ImporterApp.InvalidData, importExit);
        Assert.Contains("nothing was written", importError);
    }

    [Fact]
    public async Task Promote_refuses_while_any_proposal_is_left_and_lists_them()
    {
        var (_, path, _) = await DraftHearingInto();
        var draft = JObject.Parse(File.ReadAllText(path));
        draft["nodes"]![0]!["review"]!["status"] = "accepted";
        File.WriteAllText(path, draft.ToString());

        var (exit, _, error) = await Run("promote", path);

        Assert.Equal(ImporterApp.InvalidData, exit);
        Assert.Contains("left to review", error);
        Assert.Contains("Officer officer:gareth-willis", error);
        Assert.DoesNotContain("Source source:hearing-outcome", error);
        Assert.True(File.Exists(path), "the draft stays until it is promoted");
    }

    [Fact]
    public async Task Promote_refuses_a_reviewed_draft_that_is_not_valid_yet_and_writes_nothing()
    {
        var (dir, path, _) = await DraftHearingInto();
        var draft = JObject.Parse(File.ReadAllText(path));
        foreach (var item in draft["nodes"]!.Concat(draft["relationships"]!)) item["review"]!["status"] = "accepted";
        foreach (var check in draft["draft"]!["checks"]!) check["status"] = "done";
        File.WriteAllText(path, draft.ToString()); // summaries left empty

        var (exit, _, error) = await Run("promote", path);

        Assert.Equal(ImporterApp.InvalidData, exit);
        Assert.Contains("not valid yet", error);
        Assert.Contains("summary", error);
        Assert.False(File.Exists(Path.Combine(dir, "hearing-outcome.json")));
    }

    [Fact]
    public async Task A_fully_reviewed_draft_is_promoted_to_a_dataset_file_that_validates_and_imports()
    {
        var (dir, path, _) = await DraftHearingInto();
        Review(path);

        var (exit, output, error) = await Run("promote", path);
        Assert.True(exit == 0, error);
        Assert.Contains("promoted:", output);
        var promoted = Path.Combine(dir, "hearing-outcome.json");
        var json = JObject.Parse(File.ReadAllText(promoted));
        Assert.Null(json["draft"]);
        Assert.DoesNotContain(json["nodes"]!.Concat(json["relationships"]!), i => i["review"] is not null);
        Assert.False(File.Exists(path));

        var (validateExit, _, validateError) = await Run("validate", dir);
        Assert.True(validateExit == 0, validateError);
        var (importExit, importOutput, importError) = await Run("import", dir, "--db", Path.Combine(dir, "kg.db"));
        Assert.True(importExit == 0, importError);
        Assert.Contains("created", importOutput);
    }

    [Fact]
    public async Task Draft_refuses_to_overwrite_a_draft_under_review()
    {
        var (dir, _, _) = await DraftHearingInto();
        var (exit, _, error) = await Run("draft", DocumentPath("hearing-outcome.txt"), "--into", dir);
        Assert.Equal(ImporterApp.InvalidData, exit);
        Assert.Contains("already exists", error);
    }

    [Theory]
    [InlineData("--published", "2024-13")]
    [InlineData("--publisher", "iopc")]
    [InlineData("--kind", "rumour")]
    public async Task Bad_flags_are_refused_with_the_reason(string flag, string value)
    {
        var (exit, _, error) = await Run("draft", DocumentPath("hearing-outcome.txt"), "--into", TestPaths.NewTempDirectory(), flag, value);
        Assert.NotEqual(0, exit);
        Assert.Contains(value, error);
    }

    [Fact]
    public async Task Publisher_and_url_flags_go_on_the_source()
    {
        var dir = TestPaths.NewTempDirectory();
        var (exit, _, error) = await Run("draft", DocumentPath("press-release.html"), "--into", dir, "--publisher", "org:iopc", "--url", "https://example.org/news/1", "--kind", "press_release");
        Assert.True(exit == 0, error);
        var json = JObject.Parse(File.ReadAllText(Path.Combine(dir, "drafts", "press-release.json")));
        var source = json["nodes"]!.Single(n => (string)n["label"]! == "Source");
        Assert.Equal(("https://example.org/news/1", "press_release", "press-release.html"), ((string)source["url"]!, (string)source["kind"]!, (string)source["seedFile"]!));
        Assert.Contains(json["relationships"]!, r => (string)r["type"]! == "PUBLISHED_BY" && (string)r["to"]! == "org:iopc");
    }

    [Fact]
    public async Task Score_prints_recall_and_precision_per_document_and_kind_against_the_seeds()
    {
        if (SharedSeedsDirectory() is not { } shared)
        {
            testOutput.WriteLine("../shared/seeds is not on this machine; nothing to score");
            return;
        }
        var (exit, output, error) = await Run("draft", shared, "--into", TestPaths.NewTempDirectory(), "--score", TestPaths.Seeds);
        testOutput.WriteLine(output);
        Assert.True(exit == 0, error);
        Assert.Contains("recall", output);
        foreach (var kind in new[] { "Officer", "Force", "Organisation", "Person" })
            Assert.Contains(output.Split('\n'), l => l.Contains("all documents") && l.Contains(kind));
        Assert.Equal(5, output.Split('\n').Count(l => l.Contains("victims proposed as people: 0")));
    }

    [Fact]
    public async Task A_twenty_page_pdf_is_drafted_and_the_time_is_printed()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var lines = File.ReadAllLines(DocumentPath("hearing-outcome.txt")).Where(l => l.Length > 0)
            .SelectMany(l => Wrap(l.Replace('’', '\''), 90)).ToList();
        var filler = "The panel heard evidence from several witnesses over the course of the hearing and considered written submissions.";
        for (var page = 0; page < 20; page++)
        {
            var p = builder.AddPage(PageSize.A4);
            var y = 800.0;
            var pageLines = page == 0 ? lines : [$"Annex {page}: notes of the hearing, page {page + 1}", .. Enumerable.Repeat(filler, 45).SelectMany(f => Wrap(f, 90))];
            foreach (var line in pageLines.Take(60))
            {
                p.AddText(line, 10, new PdfPoint(40, y), font);
                y -= 13;
            }
        }
        var dir = TestPaths.NewTempDirectory();
        var pdf = Path.Combine(dir, "hearing-outcome-20-pages.pdf");
        File.WriteAllBytes(pdf, builder.Build());

        var clock = Stopwatch.StartNew();
        var (exit, output, error) = await Run("draft", pdf, "--into", dir);
        clock.Stop();

        Assert.True(exit == 0, error);
        testOutput.WriteLine($"draft of a 20-page PDF, whole command: {clock.ElapsedMilliseconds} ms");
        testOutput.WriteLine(output.Split('\n')[0]);
        var json = JObject.Parse(File.ReadAllText(Path.Combine(dir, "drafts", "hearing-outcome-20-pages.json")));
        Assert.Equal("pdf", (string)json["draft"]!["format"]!);
        var officer = json["nodes"]!.Single(n => (string)n["label"]! == "Officer");
        Assert.Equal(("Gareth Willis", "Detective Inspector"), ((string)officer["name"]!, (string)officer["rank"]!));
        Assert.Contains(json["nodes"]!, n => (string?)n["name"] == "West Yorkshire Police");
    }

    private static IEnumerable<string> Wrap(string line, int width)
    {
        var current = "";
        foreach (var word in line.Split(' '))
        {
            if (current.Length + word.Length + 1 > width) { yield return current; current = word; }
            else current = current.Length == 0 ? word : current + " " + word;
        }
        if (current.Length > 0) yield return current;
    }
}
