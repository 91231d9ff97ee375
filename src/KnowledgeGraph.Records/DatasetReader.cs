using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Records.Building;
using KnowledgeGraph.Records.Mapping;

namespace KnowledgeGraph.Records;

/// <summary>The dataset read from a directory (JSON and records together), with the records' warnings and per-table figures.</summary>
public sealed record DatasetReadResult(DatasetLoadResult Result, IReadOnlyList<RecordsWarning> Warnings, IReadOnlyList<TableStats> Tables)
{
    public bool IsValid => Result.IsValid;
}

/// <summary>
/// The one entry point for reading a dataset directory, used by <c>kg-import validate</c>, <c>kg-import import</c> and
/// the API's seed import: the JSON files and every <c>*.records.yaml</c> mapping (recursively) with the tables it
/// names, checked as ONE dataset by Core's validator (ids unique across both, literal ids resolve to JSON nodes,
/// victims protected, sources exist). Nothing is written anywhere.
/// </summary>
public static class DatasetReader
{
    public const string MappingPattern = "*.records.yaml";

    /// <summary>Reads and checks the directory. <paramref name="onPart"/>: see <see cref="DatasetLoader.Load"/> (items are
    /// handed over as they are checked; only the result says whether the whole is valid).</summary>
    public static DatasetReadResult Read(string directory, IProgress<TableProgress>? progress = null, DateOnly? today = null,
        Action<DatasetPart>? onPart = null)
    {
        if (!Directory.Exists(directory))
            return new DatasetReadResult(new DatasetLoadResult(null, [new DatasetError(directory, null, "", "the dataset directory does not exist")], []), [], []);

        var mappingFiles = MappingFiles(directory);
        if (mappingFiles.Count == 0)
        {
            var json = DatasetLoader.Load(directory, onPart: onPart);
            return new DatasetReadResult(json, [], []);
        }

        var errors = new List<DatasetError>();
        var builder = new RecordsBuilder(errors, progress, today ?? DateOnly.FromDateTime(DateTime.UtcNow), directory);
        foreach (var file in mappingFiles)
        {
            var name = Relative(directory, file);
            var mapping = MappingParser.Parse(name, File.ReadAllText(file), Path.GetDirectoryName(file)!, errors);
            if (mapping is not null) builder.Add(mapping);
            else errors.Add(new DatasetError(name, null, "", "the mapping has errors, so none of its tables was read"));
        }
        var items = builder.Finish();
        var loaded = DatasetLoader.Load(directory, items, onPart);
        var allErrors = errors.Concat(loaded.Errors).ToList();
        var files = loaded.Files.Concat(mappingFiles.Select(f => Relative(directory, f))).Concat(builder.Files).Distinct().ToList();
        var result = new DatasetLoadResult(allErrors.Count == 0 ? loaded.Dataset : null, allErrors, files);
        return new DatasetReadResult(result, builder.Warnings, builder.Tables);
    }

    /// <summary>Every input file of the dataset (JSON, mappings and the tables they name), for a fingerprint of what was imported.</summary>
    public static IReadOnlyList<string> InputFiles(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).ToList();
        foreach (var mapping in MappingFiles(directory))
        {
            files.Add(mapping);
            var errors = new List<DatasetError>();
            if (MappingParser.Parse(mapping, File.ReadAllText(mapping), Path.GetDirectoryName(mapping)!, errors) is { } parsed)
                files.AddRange(parsed.Tables.Select(t => t.Path).Where(File.Exists));
        }
        return files.Distinct().ToList();
    }

    private static List<string> MappingFiles(string directory) =>
        Directory.EnumerateFiles(directory, MappingPattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private static string Relative(string directory, string file) => Path.GetRelativePath(directory, file).Replace('\\', '/');
}
