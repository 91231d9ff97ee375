using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// Items the validator has checked one by one (one file's, or the records'), handed over while it reads on, so a store
/// can write them while the rest is still being read. They are not yet a dataset: only <see cref="DatasetLoader"/>'s
/// result says whether the whole is valid, and withheld facts leave only then.
/// </summary>
public sealed record DatasetPart(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships)
{
    /// <summary>No part follows this one: only the checks across the whole dataset are left, so a store may start its own
    /// finishing work (building indexes) while they run. A reader that never says so is read to its end instead.</summary>
    public bool IsLast { get; init; }
}
