using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Tests.Neo4j;

namespace KnowledgeGraph.Tests.Contract;

public sealed class Neo4jSeedStoreFixture : SeedStoreFixture
{
    public override string? SkipReason => Neo4jServer.SkipReason;

    // The import makes the database hold exactly the seed data, whatever it held before.
    protected override Task<IGraphStore> CreateStoreAsync() =>
        Task.FromResult<IGraphStore>(Neo4jGraphStoreFactory.Create(Neo4jServer.Options()));
}

/// <summary>The contract suite on a real Neo4j server (NEO4J_URI); skipped with the reason when none is named.</summary>
[SkipStoreUnless(typeof(Neo4jServer), nameof(Neo4jServer.SkipReason))]
[Collection(Neo4jServer.Collection)]
public sealed class Neo4jGraphStoreContractTests(Neo4jSeedStoreFixture fixture) : GraphStoreContract<Neo4jSeedStoreFixture>(fixture);
