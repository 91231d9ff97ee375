using System.Diagnostics;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Records;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Importer;

internal static class Commands
{
    public static Task<int> ValidateAsync(DirectoryInfo directory, TextWriter output, TextWriter error, CancellationToken _)
    {
        var read = DatasetReader.Read(directory.FullName, RecordsConsole.Progress(error));
        RecordsConsole.Report(read, output);
        if (!Report(read.Result, output, error)) return Task.FromResult(ImporterApp.InvalidData);
        output.WriteLine($"valid: {directory.FullName}");
        return Task.FromResult(ImporterApp.Ok);
    }

    public static async Task<int> ImportAsync(DirectoryInfo directory, StoreSettings settings, TextWriter output, TextWriter error,
        CancellationToken cancellationToken, bool dryRun = false)
    {
        if (settings.Store == "sqlite" && !dryRun) return await ImportIntoSqliteAsync(directory, settings, output, error, cancellationToken);

        // Other stores (and a dry run): phase one reads and checks everything; phase two runs only on a whole, valid dataset.
        var read = DatasetReader.Read(directory.FullName, RecordsConsole.Progress(error));
        RecordsConsole.Report(read, output);
        var result = read.Result;
        if (!Report(result, output, error))
        {
            error.WriteLine("nothing was written.");
            return ImporterApp.InvalidData;
        }

        if (dryRun) return await DryRun.RunAsync(result.Dataset!, settings, output, error, cancellationToken);

        IGraphStore store;
        try
        {
            store = settings.Store switch
            {
                "neo4j" => Neo4jGraphStoreFactory.Create(settings.Neo4j!),
                _ => throw new NotSupportedException($"store '{settings.Store}' is not available in this build"),
            };
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"error: cannot open the {settings.Store} store: {ex.Message}");
            return ImporterApp.StoreFailed;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var summary = await store.ImportAsync(result.Dataset!, RecordsConsole.WriteProgress(error), cancellationToken);
            output.WriteLine($"imported into {settings.Store} ({Describe(settings)}) in {clock.ElapsedMilliseconds} ms");
            output.WriteLine($"  nodes:         {Format(summary.Nodes)}");
            output.WriteLine($"  relationships: {Format(summary.Relationships)}");
            return ImporterApp.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"error: the import failed and was rolled back: {ex.Message}");
            return ImporterApp.StoreFailed;
        }
    }

    /// <summary>
    /// The embedded store writes each checked file while the next is read (<see cref="SqliteGraphStore.ImportWhileReadingAsync"/>),
    /// committing only a whole, valid dataset: the outcome of reading then writing, in about the time of the longer of the
    /// two. The report comes once reading is done; a store file this run created for an invalid dataset is removed again.
    /// </summary>
    private static async Task<int> ImportIntoSqliteAsync(DirectoryInfo directory, StoreSettings settings, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var existed = File.Exists(settings.DatabasePath);
        SqliteGraphStore store;
        try
        {
            store = new SqliteGraphStore(settings.DatabasePath);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"error: cannot open the {settings.Store} store: {ex.Message}");
            return ImporterApp.StoreFailed;
        }

        DatasetReadResult? read = null;
        ImportSummary? summary;
        var clock = Stopwatch.StartNew();
        try
        {
            summary = await store.ImportWhileReadingAsync(
                onPart => (read = DatasetReader.Read(directory.FullName, RecordsConsole.Progress(error), onPart: onPart)).Result.Dataset,
                RecordsConsole.WriteProgress(error), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"error: the import failed and was rolled back: {ex.Message}");
            if (!existed) RemoveStoreFile(settings.DatabasePath);
            return ImporterApp.StoreFailed;
        }

        RecordsConsole.Report(read!, output);
        if (!Report(read!.Result, output, error) || summary is null)
        {
            error.WriteLine("nothing was written.");
            if (!existed) RemoveStoreFile(settings.DatabasePath);
            return ImporterApp.InvalidData;
        }
        // The store copies the write-ahead log into the file after the commit; the file this run leaves holds it all.
        await store.WhenCheckpointedAsync();
        output.WriteLine($"imported into {settings.Store} ({Describe(settings)}) in {clock.ElapsedMilliseconds} ms (read, checked and written)");
        output.WriteLine($"  nodes:         {Format(summary.Nodes)}");
        output.WriteLine($"  relationships: {Format(summary.Relationships)}");
        return ImporterApp.Ok;
    }

    // The empty file (schema only) that opening the store made, when nothing was imported into it.
    private static void RemoveStoreFile(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string Describe(StoreSettings settings) => settings.Store == "sqlite" ? Path.GetFullPath(settings.DatabasePath)
        : settings.Neo4j is { } neo4j ? $"{neo4j.Uri}, database {neo4j.Database}" : settings.Store;

    private static string Format(ImportCounts c) =>
        $"{c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged, {c.Deleted} deleted" + (c.Repointed > 0 ? $"; {RepointedText(c.Repointed)}" : "");

    /// <summary>How the import summary and the dry run name facts that only had their citations re-pointed.</summary>
    public static string RepointedText(int count) => $"{count} re-pointed (same content; their citations now name other rows or places)";

    /// <summary>Prints the counts of a valid dataset or every error of an invalid one; true when valid.</summary>
    private static bool Report(DatasetLoadResult result, TextWriter output, TextWriter error)
    {
        if (!result.IsValid)
        {
            error.WriteLine($"invalid dataset: {result.Errors.Count} error(s) in {result.Files.Count} file(s)");
            foreach (var e in result.Errors.Take(RecordsConsole.ErrorsShown)) error.WriteLine($"  {e}");
            if (result.Errors.Count > RecordsConsole.ErrorsShown) error.WriteLine($"  … and {result.Errors.Count - RecordsConsole.ErrorsShown} more");
            return false;
        }
        var dataset = result.Dataset!;
        output.WriteLine($"{result.Files.Count} file(s), {dataset.Nodes.Count} nodes, {dataset.Relationships.Count} relationships");
        output.WriteLine("nodes by label:");
        foreach (var (label, count) in dataset.CountByLabel()) output.WriteLine($"  {label,-14} {count,5}");
        output.WriteLine("relationships by type:");
        foreach (var (type, count) in dataset.CountByType()) output.WriteLine($"  {type,-14} {count,5}");
        output.WriteLine($"named officers: {dataset.Nodes.Count(n => n.Label == "Officer" && n.Properties.GetValueOrDefault("identified") is true)}");
        if (dataset.Withheld is { Count: > 0 } withheld) output.WriteLine($"withheld: {withheld.Count} fact(s), checked but never imported (docs/corrections.md)");
        return true;
    }
}
