namespace KnowledgeGraph.Core.Graph;

/// <summary>Which slice of the citing nodes and of the citing relationships one page of source evidence holds.</summary>
public readonly record struct EvidenceSlice(int NodeSkip, int NodeTake, int RelationshipSkip, int RelationshipTake, string? Next);

/// <summary>
/// Source evidence is one ranked list, the citing nodes (by id) followed by the citing relationships (by id), paged with
/// <see cref="Paging"/>; this says where a page falls in the two parts so a store can fetch just that slice.
/// </summary>
public static class EvidencePaging
{
    public static EvidenceSlice Slice(int nodeTotal, int relationshipTotal, PageRequest page)
    {
        var offset = page.Offset;
        var total = nodeTotal + relationshipTotal;
        var end = Math.Min(total, offset + page.Limit);
        var nodeSkip = Math.Min(offset, nodeTotal);
        var nodeTake = Math.Max(0, Math.Min(end, nodeTotal) - nodeSkip);
        var relationshipSkip = Math.Max(0, offset - nodeTotal);
        var relationshipTake = Math.Max(0, end - nodeTotal - relationshipSkip);
        return new EvidenceSlice(nodeSkip, nodeTake, Math.Min(relationshipSkip, relationshipTotal), relationshipTake,
            end < total ? Paging.CursorAt(end) : null);
    }
}
