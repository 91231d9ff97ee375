using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Testing;
using KnowledgeGraph.Tests.Neo4j;

namespace KnowledgeGraph.Tests.Contract;

/// <summary>A store loaded with the seeds plus withheld facts (tests/TestData/withheld-facts.json).</summary>
public abstract class WithheldStoreFixture : IAsyncLifetime
{
    public IGraphStore Store { get; private set; } = null!;
    public Core.Model.Dataset Dataset { get; private set; } = null!;
    public virtual string? SkipReason => null;

    protected abstract IGraphStore CreateStore();

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        var loaded = DatasetLoader.Load(WithheldTestData.CreateSeedDirectory());
        Dataset = loaded.Dataset ?? throw new InvalidDatasetException(loaded.Errors);
        Store = CreateStore();
        await Store.ImportAsync(Dataset, null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Neither store ever holds a withheld fact: the store's answers know nothing of it, and its notes keep only the
/// withholding's reason and dates. The expectations come from the test data, never from the store.
/// </summary>
public abstract class WithheldStoreContract<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : WithheldStoreFixture
{
    private static readonly CancellationToken None = CancellationToken.None;
    private IGraphStore Store => fixture.Store;
    protected TFixture Fixture => fixture;

    [StoreFact]
    public async Task The_store_holds_exactly_the_seeds_and_no_withheld_fact()
    {
        var seeds = DatasetLoader.Load(TestPaths.Seeds).Dataset!;
        var counts = await Store.GetCountsAsync(None);
        Assert.Equal(seeds.CountByLabel(), counts.Labels);
        Assert.Equal(seeds.CountByType(), counts.Types);
        foreach (var id in new[] { WithheldTestData.WithheldOfficer, WithheldTestData.WithheldCase, WithheldTestData.WithheldEvent })
            Assert.Null(await Store.GetNodeAsync(id, 10, None));
        var export = await Store.ExportAsync(None);
        Assert.Empty(WithheldTestData.MarkersIn(string.Join("\n", export.Nodes.Select(n => $"{n.Id} {n.Name} {string.Join(" ", n.Properties.Values)}"))));
        Assert.Empty(WithheldTestData.MarkersIn(string.Join("\n", export.Relationships.Select(r => $"{r.Id} {string.Join(" ", r.Properties.Values)}"))));
    }

    [StoreFact]
    public async Task Search_paths_and_served_together_do_not_find_a_withheld_fact()
    {
        foreach (var marker in new[] { "Quillfeather", "Zephyrine", "xylophonic" })
            Assert.Empty((await Store.SearchAsync(new SearchQuery(marker, null, 50), None)).Hits);
        var (a, b) = WithheldTestData.WithheldPair;
        var paths = await Store.FindShortestPathsAsync(new PathQuery(a, b, 6, [], [], 10), None);
        Assert.DoesNotContain(paths!.Paths.SelectMany(p => p.Hops), h => h.RelationshipId == WithheldTestData.WithheldRelationship);
        var served = await Store.FindServedTogetherAsync(new ServedTogetherQuery(a, ServiceScope.Force, new PageRequest(QueryLimits.MaxResults)), None);
        Assert.Null(served!.Next);
        Assert.DoesNotContain(served.Entries, e => e.Officer.Id == b && e.Shared.Any(s => s.Basis == Core.Rules.ServedTogetherRule.Explicit));
        Assert.DoesNotContain(served.Entries, e => e.Officer.Id == WithheldTestData.WithheldOfficer);
    }

    [StoreFact]
    public async Task The_notes_keep_the_withholdings_reason_and_dates_and_nothing_that_names_the_fact()
    {
        var notes = (IFactNoteStore)Store;
        var log = await notes.GetNoteLogAsync(null, new PageRequest(500), None);
        var withholdings = log.Items.Where(e => e.Kind == NoteEntry.WithholdingKind).ToList();
        Assert.Equal(4, withholdings.Count);
        Assert.All(withholdings, w => Assert.Null(w.Fact));
        Assert.Empty(WithheldTestData.MarkersIn(string.Join("\n", log.Items.Select(NoteEntries.Serialize))));
        Assert.Empty(await notes.GetNotesAsync([WithheldTestData.WithheldOfficer, WithheldTestData.WithheldRelationship],
            [FactRef.BaseOf(WithheldTestData.WithheldRelationship)], None));
    }
}

public sealed class SqliteWithheldStoreFixture : WithheldStoreFixture
{
    public string DatabasePath { get; } = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");

    protected override IGraphStore CreateStore() => new SqliteGraphStore(DatabasePath);
}

public sealed class SqliteWithheldStoreTests(SqliteWithheldStoreFixture sqlite) : WithheldStoreContract<SqliteWithheldStoreFixture>(sqlite)
{
    /// <summary>The strongest form of "never held": not one byte of a withheld fact is in the SQLite files.</summary>
    [Fact]
    public void No_withheld_text_is_anywhere_in_the_database_files()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var directory = Path.GetDirectoryName(Fixture.DatabasePath)!;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file));
            Assert.True(!WithheldTestData.MarkersIn(text).Any(), $"{Path.GetFileName(file)} holds {string.Join(", ", WithheldTestData.MarkersIn(text))}");
        }
    }

    [Fact]
    public void The_file_scan_would_find_a_withheld_text_if_one_were_written()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "leak.db");
        File.WriteAllText(path, "xx Zephyrine Quillfeather xx");
        Assert.Contains("quillfeather", WithheldTestData.MarkersIn(File.ReadAllText(path)));
    }
}

public sealed class Neo4jWithheldStoreFixture : WithheldStoreFixture
{
    public override string? SkipReason => Neo4jServer.SkipReason;

    protected override IGraphStore CreateStore() => Neo4jGraphStoreFactory.Create(Neo4jServer.Options());
}

/// <summary>The same on a real Neo4j server (NEO4J_URI): a withheld fact is never written there, so no query can reveal it.</summary>
[SkipStoreUnless(typeof(Neo4jServer), nameof(Neo4jServer.SkipReason))]
[Collection(Neo4jServer.Collection)]
public sealed class Neo4jWithheldStoreTests(Neo4jWithheldStoreFixture fixture) : WithheldStoreContract<Neo4jWithheldStoreFixture>(fixture);
