namespace KnowledgeGraph.Records.Building;

/// <summary>Something real data does that is worth a look but not an error: counted, with the first rows it happened in.</summary>
public sealed record RecordsWarning(string File, string Message, int Count, IReadOnlyList<int> FirstRows)
{
    public override string ToString() =>
        $"{File}: {Message} ({Count} row(s); first: {string.Join(", ", FirstRows.Select(r => $"row {r}"))})";
}

/// <summary>How far reading a table has got (reported every few thousand rows and once at the end).</summary>
public sealed record TableProgress(string File, long Rows, TimeSpan Elapsed, bool Done)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}

/// <summary>A table read to the end: its rows and how long reading and mapping them took.</summary>
public sealed record TableStats(string File, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
