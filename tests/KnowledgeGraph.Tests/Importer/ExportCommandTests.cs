using System.Text;
using KnowledgeGraph.Core.Model;
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
                    }
                    if (row[i].Length == 0 && kindOf != "string[]") continue;
                    properties[name] = kindOf switch
                    {
                        "boolean" => bool.Parse(row[i]),
                        "string[]" => row[i].Length == 0 ? Array.Empty<string>() : row[i].Split(ExportCommand.ArrayDelimiter),
                        _ => row[i],
                    };
                }
                if (kind == "nodes") nodes.Add((string)properties["id"]!, (labels, properties));
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
        Assert.Contains("--multiline-fields=true", ExportCommand.AdminCommand(files));
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
