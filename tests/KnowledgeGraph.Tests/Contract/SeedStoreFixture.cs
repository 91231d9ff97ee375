using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Tests.Contract;

/// <summary>A store loaded once with the seed data, shared by one contract test class.</summary>
public abstract class SeedStoreFixture : IAsyncLifetime
{
    public IGraphStore Store { get; private set; } = null!;
    public Core.Model.Dataset Dataset { get; private set; } = null!;
    public ImportSummary FirstImport { get; private set; } = null!;

    /// <summary>Why the store cannot be used here (the suite then skips), or null.</summary>
    public virtual string? SkipReason => null;

    protected abstract Task<IGraphStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        var loaded = DatasetLoader.Load(TestPaths.Seeds);
        Dataset = loaded.Dataset ?? throw new InvalidDatasetException(loaded.Errors);
        Store = await CreateStoreAsync();
        FirstImport = await Store.ImportAsync(Dataset, null, CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
