using System.Text;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Importer;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Importer;

/// <summary>The neo4j-admin CSV export, read back with a CSV reader written here as neo4j-admin reads the files.</summary>
public sealed class ExportCommandTests
{
    private static Core.Model.Dataset Tricky()
    {
        var loaded = Core.Dataset.DatasetLoader.Load(TestPaths.Seeds).Dataset!;
        var officer = loaded.Nodes.First(n => n.Label == Labels.Officer);
        var changed = officer with
        {
            Name = "O'Brien, \"Bob\"\nthe second",
            Aliases = ["Ünïcødé, \"quoted\"", "line\r\nbreak"],
            Properties = new Dictionary<string, object?>(officer.Properties) { ["description"] = "a, b \"c\" \n d" },
        };
        return loaded with { Nodes = [.. loaded.Nodes.Select(n => n.Id == officer.Id ? changed : n)] };
    }

    [Fact]
    public async Task The_csv_files_read_back_to_exactly_the_stored_properties_labels_and_endpoints_of_the_dataset()
    {
        var dataset = Tricky();
        var outDir = Path.Combine(TestPaths.NewTempDirectory(), "csv");
        var files = ExportCommand.Write(dataset, outDir);

        var nodes = new Dictionary<string, (string[] Labels, Dictionary<string, object?> Properties)>();
        var relationships = new Dictionary<string, (string From, string To, string Type, Dictionary<string, object?> Properties)>();
        var notes = new Dictionary<string, Dictionary<string, object?>>();
        foreach (var (kind, header, data) in files)
        {
            var columns = ReadCsv(await File.ReadAllTextAsync(Path.Combine(outDir, header))).Single();
            foreach (var row in ReadCsv(await File.ReadAllTextAsync(Path.Combine(outDir, data))))
            {
                Assert.Equal(columns.Count, row.Count);
                var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
                string[] labels = [];
                string? start = null, end = null, type = null;
                for (var i = 0; i < columns.Count; i++)
                {
                    var (name, kindOf) = columns[i].Split(':') is [var n, var t] ? (n, t) : (columns[i], "string");
                    switch (columns[i])
                    {
                        case ":LABEL": labels = row[i].Split(ExportCommand.ArrayDelimiter); continue;
                        case ":START_ID": start = row[i]; continue;
                        case ":END_ID": end = row[i]; continue;
                        case ":TYPE": type = row[i]; continue;
                        case "id:ID": properties["id"] = row[i]; continue;
                        case "key:ID(FactNote)": properties["key"] = row[i]; continue;
                    }
                    if (row[i].Length == 0 && kindOf != "string[]") continue;
                    properties[name] = kindOf switch
                    {
                        "boolean" => bool.Parse(row[i]),
                        "string[]" => row[i].Length == 0 ? Array.Empty<string>() : row[i].Split(ExportCommand.ArrayDelimiter),
                        _ => row[i],
                    };
                }
                if (labels is [Neo4jGraphStore.FactNoteLabel]) notes.Add((string)properties["key"]!, properties);
                else if (kind == "nodes") nodes.Add((string)properties["id"]!, (labels, properties));
                else relationships.Add((string)properties["id"]!, (start!, end!, type!, properties));
            }
        }

        Assert.Equal(dataset.Nodes.Count, nodes.Count);
        foreach (var node in dataset.Nodes)
        {
            var (labels, properties) = nodes[node.Id];
            Assert.Equal([node.Label, Neo4jValues.EntityLabel], labels);
            Assert.Equal(Canonical(Neo4jValues.StoredProperties(node)), Canonical(properties));
        }
        Assert.Equal(dataset.Relationships.Count, relationships.Count);
        foreach (var rel in dataset.Relationships)
        {
            var (from, to, type, properties) = relationships[rel.Id];
            Assert.Equal((rel.From, rel.To, rel.Type), (from, to, type));
            Assert.Equal(Canonical(Neo4jValues.StoredProperties(rel)), Canonical(properties));
        }
        // The notes as the Neo4j store writes them (the seeds carry replies).
        var entries = NoteEntries.Build(dataset);
        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, notes.Count);
        foreach (var entry in entries) Assert.Equal(Canonical(Neo4jGraphStore.StoredProperties(entry)), Canonical(notes[entry.Key]));
        Assert.Contains("--multiline-fields=true", ExportCommand.AdminCommand(files));
    }

    private static string ExportedText(string outDir) =>
        string.Join("\n", Directory.EnumerateFiles(outDir).Order(StringComparer.Ordinal).Select(File.ReadAllText));

    [Fact]
    public async Task The_export_of_seeds_with_withheld_facts_is_the_export_of_the_seeds_apart_from_the_withholdings_in_the_log()
    {
        var plain = Path.Combine(TestPaths.NewTempDirectory(), "csv");
        var withheld = Path.Combine(TestPaths.NewTempDirectory(), "csv");
        Assert.Equal(ImporterApp.Ok, await ImporterApp.RunAsync(["export", "--format", "neo4j-admin", "--out", plain, TestPaths.Seeds], new StringWriter(), new StringWriter()));
        Assert.Equal(ImporterApp.Ok, await ImporterApp.RunAsync(["export", "--format", "neo4j-admin", "--out", withheld, WithheldTestData.CreateSeedDirectory()], new StringWriter(), new StringWriter()));

        Assert.Empty(WithheldTestData.MarkersIn(ExportedText(withheld)));
        // Brute force: every file but the notes is byte for byte the seeds' own; the notes add only the withholdings.
        var files = Directory.EnumerateFiles(withheld).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Directory.EnumerateFiles(plain).Select(Path.GetFileName).Order(StringComparer.Ordinal), files);
        foreach (var file in files.Where(f => !f!.StartsWith($"nodes-{Neo4jGraphStore.FactNoteLabel}", StringComparison.Ordinal)))
            Assert.True(File.ReadAllText(Path.Combine(plain, file!)) == File.ReadAllText(Path.Combine(withheld, file!)), $"{file} differs");
        var plainNotes = File.ReadAllLines(Path.Combine(plain, "nodes-FactNote.csv")).ToHashSet();
        var added = File.ReadAllLines(Path.Combine(withheld, "nodes-FactNote.csv")).Where(l => !plainNotes.Contains(l)).ToList();
        Assert.Equal(4, added.Count);
        Assert.All(added, line => Assert.Contains("\"withholding\"", line));
    }

    [Fact]
    public void The_scan_of_exported_files_finds_a_withheld_text_when_one_is_written()
    {
        // A dataset that kept the withheld officer (as if withholding were skipped) must be caught by the same scan.
        var seeds = Core.Dataset.DatasetLoader.Load(TestPaths.Seeds).Dataset!;
        var officer = seeds.Nodes.First(n => n.Label == Labels.Officer) with { Id = WithheldTestData.WithheldOfficer, Name = "Zephyrine Quillfeather" };
        var outDir = Path.Combine(TestPaths.NewTempDirectory(), "csv");
        ExportCommand.Write(seeds with { Nodes = [.. seeds.Nodes, officer] }, outDir);
        Assert.Contains("quillfeather", WithheldTestData.MarkersIn(ExportedText(outDir)));
    }

    [Fact]
    public async Task The_export_command_writes_the_files_and_prints_the_neo4j_admin_command()
    {
        var outDir = Path.Combine(TestPaths.NewTempDirectory(), "csv");
        var output = new StringWriter();
        var exit = await ImporterApp.RunAsync(["export", "--format", "neo4j-admin", "--out", outDir, TestPaths.Seeds], output, new StringWriter());

        Assert.Equal(ImporterApp.Ok, exit);
        Assert.Contains("neo4j-admin database import full", output.ToString());
        Assert.True(File.Exists(Path.Combine(outDir, "nodes-Officer-header.csv")));
        Assert.StartsWith("id:ID,:LABEL,", await File.ReadAllTextAsync(Path.Combine(outDir, "nodes-Officer-header.csv")));
    }

    private static string Canonical(Dictionary<string, object?> properties) => string.Join("\n",
        properties.Where(p => p.Value is not null && !(p.Value is string[] { Length: 0 }))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={(p.Value is string[] l ? "[" + string.Join("|", l) + "]" : p.Value)}"));

    /// <summary>RFC 4180 as neo4j-admin reads it with multiline fields: quoted fields, doubled quotes, \n ends a record.</summary>
    private static List<List<string>> ReadCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else field.Append(c);
        }
        return records;
    }
}
