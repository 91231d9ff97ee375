using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Contract;

public sealed class SqliteSeedStoreFixture : SeedStoreFixture
{
    protected override Task<IGraphStore> CreateStoreAsync() =>
        Task.FromResult<IGraphStore>(new SqliteGraphStore(Path.Combine(TestPaths.NewTempDirectory(), "graph.db")));
}

/// <summary>The contract suite on the embedded store, with a real SQLite file.</summary>
public sealed class SqliteGraphStoreContractTests(SqliteSeedStoreFixture fixture) : GraphStoreContract<SqliteSeedStoreFixture>(fixture);

/// <summary>Defence in depth: even a row written around the importer cannot make the store show a victim's name.</summary>
public sealed class SqliteVictimNameTests
{
    [Fact]
    public async Task A_name_smuggled_into_a_protected_victim_row_is_never_read_back()
    {
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        var store = new SqliteGraphStore(db);
        var loaded = Core.Dataset.DatasetLoader.Load(TestPaths.Seeds).Dataset!;
        await store.ImportAsync(loaded, null, CancellationToken.None);
        var role = loaded.Nodes.First(n => n.Label == "VictimRole" && n.Text("anonymity") == "protected");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE nodes SET name = 'Canary Realname', aliases = '[\"Canary Realname\"]' WHERE id = $id";
            command.Parameters.AddWithValue("$id", role.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var node = (await store.GetNodeAsync(role.Id, 10, CancellationToken.None))!;
        var export = await store.ExportAsync(CancellationToken.None);

        Assert.DoesNotContain("Canary", node.Node.Name);
        Assert.Empty(node.Node.Aliases);
        Assert.DoesNotContain(export.Nodes, n => n.Name.Contains("Canary") || n.Aliases.Any(a => a.Contains("Canary")));
    }
}

/// <summary>A citation with a locator counts for its source in the embedded store's citation index.</summary>
public sealed class SqliteCitationLocatorTests
{
    [Fact]
    public async Task Source_evidence_finds_a_relationship_citing_the_source_with_a_locator()
    {
        var db = Path.Combine(TestPaths.NewTempDirectory(), "graph.db");
        var store = new SqliteGraphStore(db);
        var loaded = Core.Dataset.DatasetLoader.Load(TestPaths.Seeds).Dataset!;
        await store.ImportAsync(loaded, null, CancellationToken.None);
        var rel = loaded.Relationships.First(r => r.Sources.Count == 1);
        var source = rel.Sources[0];
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE relationships SET sources = $sources WHERE id = $id";
            command.Parameters.AddWithValue("$sources", $"[\"{source}#row 5\"]");
            command.Parameters.AddWithValue("$id", rel.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var evidence = (await store.GetSourceEvidenceAsync(source, new PageRequest(500), CancellationToken.None))!;
        var all = evidence.Relationships.ToList();
        for (var cursor = evidence.Next; cursor is not null;)
        {
            var page = (await store.GetSourceEvidenceAsync(source, new PageRequest(500, cursor), CancellationToken.None))!;
            all.AddRange(page.Relationships);
            cursor = page.Next;
        }
        Assert.Contains(all, r => r.Id == rel.Id && r.Sources.Single() == $"{source}#row 5");
    }
}
