using KnowledgeGraph.Core.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// Phase one of every import: read every dataset file and check all of it, collecting every error with its place.
/// Nothing is written anywhere; a caller gets either a whole valid <see cref="Model.Dataset"/> or the full error list.
/// </summary>
public static class DatasetLoader
{
    public static DatasetLoadResult Load(string directory)
    {
        if (!Directory.Exists(directory))
            return new DatasetLoadResult(null, [new DatasetError(directory, null, "", "the dataset directory does not exist")], []);

        var documents = ReadDocuments(directory);
        var result = LoadDocuments(documents);
        if (documents.Count == 0)
            return result with { Errors = [.. result.Errors, new DatasetError(directory, null, "", "no *.json dataset files found")], Dataset = null };
        return result;
    }

    /// <summary>The dataset's JSON files under <paramref name="directory"/> (recursively, schemas left out), by relative name.</summary>
    public static IReadOnlyList<(string Name, string Text)> ReadDocuments(string directory) =>
        Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();

    /// <summary>
    /// Checks named JSON texts, and items built from records tables, as one dataset (files are read by
    /// <see cref="Load"/> or the records reader; tests pass text).
    /// </summary>
    public static DatasetLoadResult LoadDocuments(IReadOnlyList<(string Name, string Text)> documents, IEnumerable<RecordItem>? records = null)
    {
        var errors = new List<DatasetError>();
        var parsed = new List<(string File, JObject Root)>();
        foreach (var (name, text) in documents)
        {
            try
            {
                var token = JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
                if (token is JObject root) parsed.Add((name, root));
                else errors.Add(new DatasetError(name, 1, "$", "the file must hold a JSON object with \"nodes\" and \"relationships\""));
            }
            catch (JsonReaderException ex)
            {
                errors.Add(new DatasetError(name, ex.LineNumber, ex.Path ?? "", $"malformed JSON: {FirstSentence(ex.Message)}"));
            }
        }

        var validator = new DatasetValidator(errors);
        foreach (var (file, root) in parsed) validator.ReadFile(file, root);
        foreach (var item in records ?? []) validator.ReadRecord(item);
        var dataset = validator.Finish();
        return new DatasetLoadResult(errors.Count == 0 ? dataset : null, errors, documents.Select(d => d.Name).ToList());
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
