using System.Text;
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
    internal static readonly JsonLoadSettings Settings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    /// <summary>Every JSON dataset file under <paramref name="directory"/> (recursively, schemas left out), streamed, checked
    /// as one dataset together with <paramref name="records"/> (items the records reader built from tables), if any.
    /// <paramref name="onPart"/>, when given, is handed each file's checked items (then the records') as soon as they are
    /// read, for a store that writes while reading goes on; the result still decides whether any of it is valid.</summary>
    public static DatasetLoadResult Load(string directory, IEnumerable<RecordItem>? records = null, Action<DatasetPart>? onPart = null)
    {
        if (!Directory.Exists(directory))
            return new DatasetLoadResult(null, [new DatasetError(directory, null, "", "the dataset directory does not exist")], []);

        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        // Files are streamed, not read into memory whole: a national dataset is hundreds of megabytes of JSON.
        var documents = files
            .Select(file => (Path.GetRelativePath(directory, file).Replace('\\', '/'), (Func<Stream>)(() => File.OpenRead(file))))
            .ToList();
        var result = Check(documents, records, onPart);
        if (files.Count == 0 && records is null)
            return result with { Errors = [.. result.Errors, new DatasetError(directory, null, "", "no *.json dataset files found")], Dataset = null };
        return result;
    }

    /// <summary>
    /// Checks named JSON texts, and items built from records tables, as one dataset (files are read by
    /// <see cref="Load"/>; tests pass text).
    /// </summary>
    public static DatasetLoadResult LoadDocuments(IReadOnlyList<(string Name, string Text)> documents, IEnumerable<RecordItem>? records = null) =>
        Check(documents.Select(d => (d.Name, (Func<Stream>)(() => new MemoryStream(Encoding.UTF8.GetBytes(d.Text))))).ToList(), records);

    private static DatasetLoadResult Check(IReadOnlyList<(string Name, Func<Stream> Open)> documents, IEnumerable<RecordItem>? records,
        Action<DatasetPart>? onPart = null)
    {
        // Errors of files that cannot be read as JSON come first, then the validator's, as when every file was parsed
        // before any was checked.
        var parseErrors = new List<DatasetError>();
        var errors = new List<DatasetError>();
        var validator = new DatasetValidator(errors);
        foreach (var (name, open) in documents)
        {
            ReadDocument(validator, name, open, parseErrors);
            onPart?.Invoke(validator.TakeChecked());
        }

        foreach (var item in records ?? []) validator.ReadRecord(item);
        onPart?.Invoke(validator.TakeChecked() with { IsLast = true });
        var dataset = validator.Finish();
        var all = parseErrors.Count == 0 ? errors : [.. parseErrors, .. errors];
        return new DatasetLoadResult(all.Count == 0 ? dataset : null, all, documents.Select(d => d.Name).ToList());
    }

    // One file: streamed when it can be, otherwise parsed whole (a malformed file, a root that is not an object).
    private static void ReadDocument(DatasetValidator validator, string name, Func<Stream> open, List<DatasetError> parseErrors)
    {
        if (TryStream(validator, name, open)) return;
        // The exact error (or, for a root that is not an object, the exact outcome) comes from parsing the whole file.
        try
        {
            // StreamReader decodes as the file says (a UTF-16 or UTF-32 byte order mark), UTF-8 otherwise.
            using var text = new StreamReader(open());
            var token = JToken.Parse(text.ReadToEnd(), Settings);
            if (token is JObject root) validator.ReadFile(name, root);
            else parseErrors.Add(new DatasetError(name, 1, "$", "the file must hold a JSON object with \"nodes\" and \"relationships\""));
        }
        catch (JsonReaderException ex)
        {
            parseErrors.Add(new DatasetError(name, ex.LineNumber, ex.Path ?? "", $"malformed JSON: {FirstSentence(ex.Message)}"));
        }
    }

    /// <summary>Streams a file whose root is an object; false (nothing of the file kept) when it must be parsed whole.</summary>
    private static bool TryStream(DatasetValidator validator, string name, Func<Stream> open)
    {
        try
        {
            // Reads as JsonTextReader with JToken.Parse's settings would, so values read alike.
            using var reader = new Utf8DatasetReader(open(), validator.Strings);
            if (!reader.Read()) return false;
            while (reader.TokenType == JsonToken.Comment)
                if (!reader.Read()) return false;
            if (reader.TokenType != JsonToken.StartObject) return false;
            validator.ReadFile(name, reader);
            return true;
        }
        catch (JsonReaderException)
        {
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
