using System.Runtime;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Records;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Storage;

/// <summary>The seeds could not be imported; the message lists every problem so one start-up shows them all.</summary>
public sealed class SeedImportException(string message) : Exception(message);

/// <summary>
/// Builds the embedded store from the seeds before the server takes requests: on first start and whenever the seed
/// files change. The fingerprint of the seeds last imported is kept in the store itself (its meta table), so it can
/// never disagree with the data it describes. Neo4j is loaded with the importer instead.
/// </summary>
public sealed class SeedImportService(IGraphStore store, [FromKeyedServices(StorageServiceCollectionExtensions.AdapterKey)] IGraphStore adapter,
    SeedLocations locations, IOptions<StorageOptions> options, IndexWarmth warmth, IServiceProvider services, ILogger<SeedImportService> logger) : IHostedService
{
    public const string FingerprintKey = "seed-sha256";

    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ImportSeedsAsync(cancellationToken);
        if (adapter is SqliteGraphStore sqlite)
        {
            warmth.Building();
            _ = WarmAsync(sqlite);
        }
    }

    // In the background, so start-up is not held up: the first request that needs an index only waits for the part of
    // the build that is still running, rather than starting a multi-second build inside its own time budget.
    private async Task WarmAsync(SqliteGraphStore sqlite)
    {
        try
        {
            var took = await sqlite.WarmIndexesAsync(_stopping.Token);
            // A first start's import leaves the dataset behind as garbage, and building the indexes from a national
            // file leaves about a gigabyte more (rows read, lists sorted and dropped) in the oldest generation, where the
            // collector may leave it for a long time: the process then holds 1.8 GB for 0.5 GB of indexes. One full,
            // compacting collection here, once at start-up (a pause of well under a second, before the indexes are
            // reported ready), hands it back.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            warmth.Built();
            logger.LogInformation("In-memory indexes built in {Report}", took);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // Not fatal: each index is built again on first use, and a failure there is reported to that request.
            logger.LogWarning(ex, "Building the in-memory indexes ahead of requests failed; they will be built on first use");
        }
    }

    private async Task ImportSeedsAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StorageProvider.Sqlite) return;
        var directory = locations.SeedDirectory
            ?? throw new SeedImportException("No seed directory: set Storage:SeedDirectory, or start the API inside the repository (seeds/ is looked for from the content root upwards).");

        var fingerprint = await SeedFingerprint.ComputeAsync(directory, cancellationToken);
        var sqlite = adapter as SqliteGraphStore;
        if (sqlite is not null && await sqlite.GetMetaAsync(FingerprintKey, cancellationToken) == fingerprint)
        {
            logger.LogInformation("Seeds in {Directory} unchanged (sha256 {Fingerprint}); skipping import", directory, fingerprint);
            return;
        }

        var (files, summary) = await ImportAsync(directory, cancellationToken);
        // Recorded only after a whole import, so a failed one is retried on the next start.
        if (sqlite is not null) await sqlite.SetMetaAsync(FingerprintKey, fingerprint, cancellationToken);
        await services.ForgetAnswersAsync(cancellationToken);
        // The dataset is gone with ImportAsync's frame. Its memory is handed back by the compacting collection after the
        // in-memory indexes are built (WarmAsync), not here: a blocking collection here held the first answer back by
        // most of a second on a national graph.
        logger.LogInformation("Imported {Files} seed file(s) from {Directory} into {Database}: nodes {Nodes}, relationships {Relationships}",
            files, directory, locations.DatabasePath, summary.Nodes, summary.Relationships);
    }

    /// <summary>Validates and writes the seeds; the loaded dataset lives only in this frame (nothing keeps it after).</summary>
    private async Task<(int Files, ImportSummary Summary)> ImportAsync(string directory, CancellationToken cancellationToken)
    {
        // JSON and records mappings, read and checked as one dataset (the same reader as kg-import). The embedded store
        // writes while the reader checks (nothing is committed unless the whole is valid); this runs before the server
        // takes requests, so no answer the guarded store remembers can predate the import.
        DatasetReadResult? read = null;
        ImportSummary? summary;
        if (adapter is SqliteGraphStore sqlite)
            summary = await sqlite.ImportWhileReadingAsync(onPart => (read = DatasetReader.Read(directory, onPart: onPart)).Result.Dataset,
                null, cancellationToken);
        else
        {
            read = DatasetReader.Read(directory);
            summary = read.IsValid ? await store.ImportAsync(read.Result.Dataset!, null, cancellationToken) : null;
        }

        foreach (var warning in read!.Warnings) logger.LogWarning("Seed records warning: {Warning}", warning.ToString());
        var loaded = read.Result;
        if (!loaded.IsValid || summary is null)
        {
            foreach (var error in loaded.Errors) logger.LogError("Seed error: {Error}", error.ToString());
            throw new SeedImportException(
                $"The seeds in {directory} have {loaded.Errors.Count} error(s); nothing was imported:{Environment.NewLine}"
                + string.Join(Environment.NewLine, loaded.Errors.Select(e => "  " + e)));
        }
        return (loaded.Files.Count, summary);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();
}
