using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Right of reply in the embedded store: the notes of the last import in their own table (fact_notes).</summary>
public sealed partial class SqliteGraphStore : IFactNoteStore
{
    /// <summary>Replaces the notes inside the import's transaction, so graph and notes always come from the same dataset.
    /// Notes are few (one row per reply, correction or withholding), so they are rewritten rather than diffed.</summary>
    private static async Task WriteFactNotesAsync(SqliteConnection connection, Dataset dataset, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("DELETE FROM fact_notes", cancellationToken);
        await using var insert = connection.Command(
            "INSERT INTO fact_notes (key, kind, date, fact_id, fact_base, entry) VALUES ($key, $kind, $date, $factId, $factBase, $entry)",
            ("$key", ""), ("$kind", ""), ("$date", ""), ("$factId", ""), ("$factBase", ""), ("$entry", ""));
        foreach (var entry in NoteEntries.Build(dataset))
        {
            insert.Parameters["$key"].Value = entry.Key;
            insert.Parameters["$kind"].Value = entry.Kind;
            insert.Parameters["$date"].Value = (object?)entry.Date ?? DBNull.Value;
            insert.Parameters["$factId"].Value = (object?)entry.Fact?.Id ?? DBNull.Value;
            insert.Parameters["$factBase"].Value = (object?)(entry.Fact is { } fact ? FactRef.BaseOf(fact.Id) : null) ?? DBNull.Value;
            insert.Parameters["$entry"].Value = NoteEntries.Serialize(entry);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<NoteEntry>> GetNotesAsync(IReadOnlyCollection<string> factIds, IReadOnlyCollection<string> factBases,
        CancellationToken cancellationToken)
    {
        if (factIds.Count == 0 && factBases.Count == 0) return [];
        await using var connection = Open();
        return await connection.QueryAsync(
            """
            SELECT entry FROM fact_notes WHERE fact_id IN (SELECT value FROM json_each($ids))
            UNION SELECT entry FROM fact_notes WHERE fact_base IN (SELECT value FROM json_each($bases))
            """,
            r => NoteEntries.Deserialize(r.GetString(0)), cancellationToken,
            ("$ids", PropertyJson.WriteList(factIds.Distinct())), ("$bases", PropertyJson.WriteList(factBases.Distinct())));
    }

    public async Task<Page<NoteEntry>> GetNoteLogAsync(string? since, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var total = (await connection.QueryAsync("SELECT COUNT(*) FROM fact_notes WHERE $since IS NULL OR date >= $since",
            r => r.GetInt32(0), cancellationToken, ("$since", since))).Single();
        var items = await connection.QueryAsync(
            "SELECT entry FROM fact_notes WHERE $since IS NULL OR date >= $since ORDER BY date DESC, key LIMIT $limit OFFSET $offset",
            r => NoteEntries.Deserialize(r.GetString(0)), cancellationToken,
            ("$since", since), ("$limit", page.Limit), ("$offset", page.Offset));
        var end = page.Offset + items.Count;
        return new Page<NoteEntry>(items, total, end < total ? Paging.CursorAt(end) : null);
    }
}
