using System.CommandLine;
using System.Text;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Importer;

/// <summary>
/// <c>export --format neo4j-admin --out DIR [dir]</c>: the CSV files <c>neo4j-admin database import full</c> takes, one
/// header file and one data file per label and per relationship type, holding exactly the properties the Neo4j store
/// writes (<see cref="Neo4jValues.StoredProperties(GraphNode)"/>), so the fastest initial load gives the same graph as
/// <c>import --store neo4j</c>, replies, corrections and withholdings (FactNote nodes) included. Every value is quoted
/// (quotes doubled, newlines kept: import with <c>--multiline-fields=true</c>); lists use the array delimiter
/// <see cref="ArrayDelimiter"/>.
/// </summary>
public static class ExportCommand
{
    public const char ArrayDelimiter = ';';

    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The dataset directory", DefaultValueFactory = _ => new DirectoryInfo("seeds") };
        var format = new Option<string>("--format") { Description = "Output format: neo4j-admin", Required = true };
        format.AcceptOnlyFromAmong("neo4j-admin");
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Directory to write the CSV files to", Required = true };
        var command = new Command("export", "Validate, then write the dataset as CSV files for neo4j-admin database import full.") { directory, format, outDir };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(directory)!, parse.GetValue(outDir)!, output, error)));
        return command;
    }

    private static int Run(DirectoryInfo directory, DirectoryInfo outDir, TextWriter output, TextWriter error)
    {
        var result = DatasetLoader.Load(directory.FullName);
        if (!result.IsValid)
        {
            foreach (var e in result.Errors) error.WriteLine(e);
            error.WriteLine("nothing was written.");
            return ImporterApp.InvalidData;
        }
        try
        {
            var files = Write(result.Dataset!, outDir.FullName);
            output.WriteLine($"wrote {files.Count} files to {outDir.FullName}; load with:");
            output.WriteLine(AdminCommand(files));
            return ImporterApp.Ok;
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine(ex.Message);
            return ImporterApp.InvalidData;
        }
    }

    /// <summary>The neo4j-admin arguments for the written files (paths relative to the output directory).</summary>
    public static string AdminCommand(IReadOnlyList<(string Kind, string Header, string Data)> files) =>
        "neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true --array-delimiter=';' "
        + string.Join(' ', files.Select(f => $"--{f.Kind}={f.Header},{f.Data}"));

    /// <summary>Writes the files and returns (nodes|relationships, header file, data file) per label and type.</summary>
    public static List<(string Kind, string Header, string Data)> Write(Dataset dataset, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<(string, string, string)>();
        foreach (var group in dataset.Nodes.GroupBy(n => n.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.Select(n => (n.Id, Properties: Neo4jValues.StoredProperties(n))).ToList();
            var columns = Columns(rows.Select(r => r.Properties), ["id"]);
            var name = $"nodes-{group.Key}";
            WriteFiles(outDir, name, ["id:ID", ":LABEL", .. columns.Select(Header)], rows.Select(r =>
                new[] { Field(r.Id), Field($"{group.Key}{ArrayDelimiter}{Neo4jValues.EntityLabel}") }
                    .Concat(columns.Select(c => Value(r.Properties.GetValueOrDefault(c.Name), r.Id)))));
            files.Add(("nodes", $"{name}-header.csv", $"{name}.csv"));
        }
        // Replies, corrections and withholdings as the store keeps them: FactNote nodes without the Entity label, keyed in
        // their own id space (no relationship reaches them). A withheld fact is already out of the dataset.
        var notes = NoteEntries.Build(dataset).Select(Neo4jGraphStore.StoredProperties).ToList();
        if (notes.Count > 0)
        {
            var columns = Columns(notes, ["key"]);
            var name = $"nodes-{Neo4jGraphStore.FactNoteLabel}";
            WriteFiles(outDir, name, [$"key:ID({Neo4jGraphStore.FactNoteLabel})", ":LABEL", .. columns.Select(Header)], notes.Select(n =>
                new[] { Field((string)n["key"]!), Field(Neo4jGraphStore.FactNoteLabel) }
                    .Concat(columns.Select(c => Value(n.GetValueOrDefault(c.Name), (string)n["key"]!)))));
            files.Add(("nodes", $"{name}-header.csv", $"{name}.csv"));
        }
        foreach (var group in dataset.Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.Select(r => (Rel: r, Properties: Neo4jValues.StoredProperties(r))).ToList();
            var columns = Columns(rows.Select(r => r.Properties), []);
            var name = $"relationships-{group.Key}";
            WriteFiles(outDir, name, [":START_ID", ":END_ID", ":TYPE", .. columns.Select(Header)], rows.Select(r =>
                new[] { Field(r.Rel.From), Field(r.Rel.To), Field(group.Key) }
                    .Concat(columns.Select(c => Value(r.Properties.GetValueOrDefault(c.Name), r.Rel.Id)))));
            files.Add(("relationships", $"{name}-header.csv", $"{name}.csv"));
        }
        return files;
    }

    private sealed record Column(string Name, string Type);

    /// <summary>Every property any row has, in name order, typed by its values (string, boolean, string[]).</summary>
    private static List<Column> Columns(IEnumerable<Dictionary<string, object?>> rows, string[] skip)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
            foreach (var (key, value) in row)
                if (value is not null && !skip.Contains(key))
                    types[key] = value switch { bool => "boolean", string => "string", _ => "string[]" };
        return types.Select(t => new Column(t.Key, t.Value)).ToList();
    }

    private static string Header(Column column) => column.Type == "string" ? column.Name : $"{column.Name}:{column.Type}";

    private static string Value(object? value, string owner) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        string s => Field(s),
        IEnumerable<string> list => Field(string.Join(ArrayDelimiter, list.Select(item => item.Contains(ArrayDelimiter)
            ? throw new InvalidOperationException($"{owner}: the list value '{item}' holds the array delimiter '{ArrayDelimiter}'; load this graph with import --store neo4j instead")
            : item))),
        _ => Field(value.ToString() ?? ""),
    };

    /// <summary>Quoted, inner quotes doubled; commas and newlines stay inside the quotes.</summary>
    private static string Field(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    private static void WriteFiles(string outDir, string name, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(outDir, $"{name}-header.csv"), string.Join(',', header) + "\n", utf8);
        using var writer = new StreamWriter(Path.Combine(outDir, $"{name}.csv"), false, utf8);
        foreach (var row in rows) writer.Write(string.Join(',', row) + "\n");
    }
}
