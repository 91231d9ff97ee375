using System.CommandLine;
using System.Diagnostics;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Documents;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Importer;

/// <summary>
/// <c>draft FILE --into DIR</c>: writes DIR/drafts/NAME.json, a draft of the graph entries a document supports, for a
/// person to review; <c>promote FILE</c>: turns a fully reviewed draft into a dataset file. See docs/drafting.md.
/// </summary>
internal static class DraftCommands
{
    private static readonly string[] DocumentExtensions = [".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf"];

    public static Command Draft(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileSystemInfo>("file") { Description = "The document (plain text, saved HTML page or PDF), or a folder of documents" };
        var into = new Option<DirectoryInfo>("--into") { Description = "The dataset directory: names are linked to its nodes and the draft goes to DIR/drafts/", Required = true };
        var url = new Option<string?>("--url") { Description = "Where the document was published" };
        var published = new Option<string?>("--published") { Description = "The document's date (2024, 2024-07 or 2024-07-18); relative dates such as \"last July\" count from it" };
        var publisher = new Option<string?>("--publisher") { Description = "The publishing organisation's id, e.g. org:iopc" };
        var kind = new Option<string?>("--kind") { Description = $"The source kind ({Vocabularies.SourceKind.Describe()})" };
        var score = new Option<DirectoryInfo?>("--score") { Description = "A reviewed dataset (e.g. seeds/) to score the draft against: recall and precision per document and kind" };
        var force = new Option<bool>("--force") { Description = "Replace a draft that already exists" };
        kind.AcceptOnlyFromAmong([.. Vocabularies.SourceKind.Values]);
        published.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !PartialDate.TryParse(text, out _, out var why))
                r.AddError($"--published '{text}': {why}");
        });
        publisher.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !(text.StartsWith("org:", StringComparison.Ordinal) && Labels.IsWellFormedId(text)))
                r.AddError($"--publisher '{text}' must be an organisation id such as org:iopc");
        });

        var command = new Command("draft", "Draft graph entries from a document for a person to review (a draft is not data until promoted).")
            { file, into, url, published, publisher, kind, score, force };
        command.SetAction((parse, _) => Task.FromResult(RunDraft(
            parse.GetValue(file)!, parse.GetValue(into)!,
            new DraftOptions(parse.GetValue(url), parse.GetValue(published), parse.GetValue(publisher), parse.GetValue(kind)),
            parse.GetValue(score), parse.GetValue(force), output, error)));
        return command;
    }

    public static Command Promote(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A reviewed draft (DIR/drafts/NAME.json)" };
        var to = new Option<FileInfo?>("--to") { Description = "Where to write the dataset file (default DIR/NAME.json beside drafts/)" };
        var command = new Command("promote", "Turn a fully reviewed draft into a dataset file; refuses while any proposal or check is left.") { file, to };
        command.SetAction((parse, _) => Task.FromResult(RunPromote(parse.GetValue(file)!, parse.GetValue(to), output, error)));
        return command;
    }

    private static int RunDraft(FileSystemInfo input, DirectoryInfo into, DraftOptions options, DirectoryInfo? scoreDir, bool force,
        TextWriter output, TextWriter error)
    {
        var documents = input switch
        {
            DirectoryInfo d when d.Exists => d.EnumerateFiles().Where(f => DocumentExtensions.Contains(f.Extension.ToLowerInvariant()))
                .OrderBy(f => f.Name, StringComparer.Ordinal).ToList(),
            FileInfo f when f.Exists => [f],
            _ when Directory.Exists(input.FullName) => new DirectoryInfo(input.FullName).EnumerateFiles()
                .Where(f => DocumentExtensions.Contains(f.Extension.ToLowerInvariant())).OrderBy(f => f.Name, StringComparer.Ordinal).ToList(),
            _ when File.Exists(input.FullName) => [new FileInfo(input.FullName)],
            _ => null,
        };
        if (documents is null or { Count: 0 })
        {
            error.WriteLine($"error: {input.FullName}: no such document (plain text, .html or .pdf)");
            return ImporterApp.InvalidData;
        }

        if (!TryLoadExisting(into, error, out var dataset)) return ImporterApp.InvalidData;
        Dataset? reviewed = null;
        if (scoreDir is not null)
        {
            var loaded = DatasetLoader.Load(scoreDir.FullName);
            if (!loaded.IsValid)
            {
                error.WriteLine($"error: --score {scoreDir.FullName} is not a valid dataset ({loaded.Errors.Count} error(s); run kg-import validate)");
                return ImporterApp.InvalidData;
            }
            reviewed = loaded.Dataset;
        }

        var index = NameIndex.Build(dataset);
        var drafter = new DocumentDrafter(index, dataset);
        var draftsDir = Path.Combine(into.FullName, "drafts");
        var schema = File.Exists(Path.Combine(into.FullName, "dataset.schema.json")) ? "../dataset.schema.json" : null;
        var scores = new List<DocumentScore>();
        foreach (var document in documents)
        {
            var target = Path.Combine(draftsDir, Path.GetFileNameWithoutExtension(document.Name) + ".json");
            if (File.Exists(target) && !force)
            {
                error.WriteLine($"error: {target} already exists (review and promote it, delete it, or pass --force)");
                return ImporterApp.InvalidData;
            }
            DocumentText text;
            var clock = Stopwatch.StartNew();
            try { text = DocumentReader.Read(document.FullName); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or FormatException)
            {
                error.WriteLine($"error: {document.FullName}: cannot read the document: {ex.Message}");
                return ImporterApp.InvalidData;
            }
            // When scoring, a document without --published is dated as the reviewed Source dates it: the person
            // drafting knows when a document appeared, and relative dates ("last year") need it.
            var documentOptions = options;
            if (options.Published is null && reviewed?.Nodes.FirstOrDefault(n => n.Label == Labels.Source && n.Text("seedFile") == document.Name)?.Text("published") is { } known)
            {
                documentOptions = options with { Published = known };
                output.WriteLine($"  (dated {known} as the reviewed Source dates it)");
            }
            var draft = drafter.Draft(text, documentOptions);
            var json = DraftFile.Serialise(DraftFile.ToJson(draft, schema));
            var elapsed = clock.ElapsedMilliseconds;
            Directory.CreateDirectory(draftsDir);
            // Write whole or not at all: a temporary file renamed into place.
            var temporary = target + ".tmp";
            File.WriteAllText(temporary, json);
            File.Move(temporary, target, overwrite: true);
            Report(draft, target, elapsed, output);
            if (reviewed is not null)
            {
                if (DraftScore.Score(draft, reviewed) is { } s) scores.Add(s);
                else output.WriteLine($"  score: no Source in --score has seedFile '{draft.Document.FileName}'");
            }
        }
        if (reviewed is not null) PrintScores(scores, output);
        return scores.Any(s => s.VictimsProposedAsPeople.Count > 0) ? ImporterApp.InvalidData : ImporterApp.Ok;
    }

    /// <summary>The dataset to link names to: every file under DIR except drafts. A missing DIR links nothing.</summary>
    private static bool TryLoadExisting(DirectoryInfo into, TextWriter error, out Dataset? dataset)
    {
        dataset = null;
        if (!into.Exists) return true;
        var drafts = Path.Combine(into.FullName, "drafts") + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(into.FullName, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase) && !f.StartsWith(drafts, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => (Path.GetRelativePath(into.FullName, f), File.ReadAllText(f))).ToList();
        if (files.Count == 0) return true;
        var result = DatasetLoader.LoadDocuments(files);
        if (!result.IsValid)
        {
            error.WriteLine($"error: the dataset in {into.FullName} is invalid ({result.Errors.Count} error(s)); fix it first (kg-import validate), first: {result.Errors[0]}");
            return false;
        }
        dataset = result.Dataset;
        return true;
    }

    private static void Report(Draft draft, string target, long elapsedMs, TextWriter output)
    {
        output.WriteLine($"draft: {target} ({draft.Document.Format}, {draft.Document.Text.Length:N0} characters, {elapsedMs} ms)");
        output.WriteLine($"  document date: {draft.DocumentDate ?? "unknown (give --published to date relative dates)"}{(draft.DocumentDateBasis is null ? "" : $" — {draft.DocumentDateBasis}")}");
        output.WriteLine($"  linked to the dataset: {draft.Mentions.Count} node(s)" + (draft.Mentions.Count == 0 ? "" : ": " + string.Join(", ", draft.Mentions.Select(m => m.NodeId))));
        foreach (var group in draft.Nodes.GroupBy(p => (string)p.Item["label"]!))
            output.WriteLine($"  proposed {group.Key,-12} {group.Count(),3}: {string.Join(", ", group.Select(p => (string?)p.Item["name"] ?? (string)p.Item["id"]!).Take(8))}{(group.Count() > 8 ? ", …" : "")}");
        output.WriteLine($"  proposed relationships {draft.Relationships.Count} (each cites {draft.SourceId})");
        foreach (var check in draft.Checks) output.WriteLine($"  {check.Check}: {check.Note}");
        output.WriteLine($"  every entry is marked \"review\": accept or delete each, write the summaries, then: kg-import promote {target}");
    }

    private static void PrintScores(IReadOnlyList<DocumentScore> scores, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("score against the reviewed dataset (recall: share of its entries the draft found; precision: share of the draft's entries it has)");
        output.WriteLine($"  {"document",-28} {"kind",-13} {"expected",8} {"found",6} {"recall",7} {"draft",6} {"correct",8} {"precision",10}");
        foreach (var s in scores)
        {
            foreach (var k in s.Kinds)
            {
                output.WriteLine($"  {s.Document,-28} {k.Kind,-13} {k.Expected,8} {k.Found,6} {k.Recall,7:P0} {k.Proposed,6} {k.Correct,8} {k.Precision,10:P0}");
                if (k.Missed.Count > 0) output.WriteLine($"      missed: {string.Join("; ", k.Missed)}");
            }
            output.WriteLine($"  {s.Document,-28} victims proposed as people: {s.VictimsProposedAsPeople.Count}");
        }
        foreach (var kind in DraftScore.Kinds)
        {
            var all = scores.SelectMany(s => s.Kinds).Where(k => k.Kind == kind).ToList();
            var expected = all.Sum(k => k.Expected);
            var proposed = all.Sum(k => k.Proposed);
            output.WriteLine($"  {"all documents",-28} {kind,-13} {expected,8} {all.Sum(k => k.Found),6} {(expected == 0 ? 1 : (double)all.Sum(k => k.Found) / expected),7:P0} {proposed,6} {all.Sum(k => k.Correct),8} {(proposed == 0 ? 1 : (double)all.Sum(k => k.Correct) / proposed),10:P0}");
        }
    }

    private static int RunPromote(FileInfo file, FileInfo? to, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"error: {file.FullName}: no such draft");
            return ImporterApp.InvalidData;
        }
        JObject draft;
        try { draft = JObject.Parse(File.ReadAllText(file.FullName)); }
        catch (JsonReaderException ex)
        {
            error.WriteLine($"error: {file.FullName}:{ex.LineNumber}: malformed JSON: {ex.Message}");
            return ImporterApp.InvalidData;
        }
        var draftsDir = file.Directory!;
        var datasetDir = draftsDir.Name == "drafts" && draftsDir.Parent is { } parent ? parent : draftsDir;
        var target = to?.FullName ?? Path.Combine(datasetDir.FullName, file.Name);
        if (File.Exists(target))
        {
            error.WriteLine($"error: {target} already exists; choose another place with --to");
            return ImporterApp.InvalidData;
        }
        var drafts = Path.Combine(datasetDir.FullName, "drafts") + Path.DirectorySeparatorChar;
        var rest = Directory.EnumerateFiles(datasetDir.FullName, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase) && !f.StartsWith(drafts, StringComparison.Ordinal)
                && !string.Equals(Path.GetFullPath(f), file.FullName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => (Path.GetRelativePath(datasetDir.FullName, f), File.ReadAllText(f))).ToList();
        var result = DraftPromotion.Promote(draft, Path.GetRelativePath(datasetDir.FullName, target), rest);
        if (result.Dataset is null)
        {
            error.WriteLine($"error: {file.FullName}: not promoted");
            foreach (var line in result.Problems) error.WriteLine($"  {line}");
            return ImporterApp.InvalidData;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target + ".tmp", DraftFile.Serialise(result.Dataset));
        File.Move(target + ".tmp", target);
        File.Delete(file.FullName);
        output.WriteLine($"promoted: {target} ({((JArray)result.Dataset["nodes"]!).Count} nodes, {((JArray)result.Dataset["relationships"]!).Count} relationships); the draft was removed");
        output.WriteLine($"next: kg-import validate {datasetDir.FullName}, then import");
        return ImporterApp.Ok;
    }
}
