using System.Collections.Concurrent;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // The sources cited so far, as answers show them. Nearly every answer cites a few of them, so each was read from the
    // file (with its publisher's name) once per answer. Holds only Source nodes that exist, so it is bounded by the
    // file; replaced by OnImported like the other indexes, so it never outlives the graph it was read from.
    private volatile ConcurrentDictionary<string, SourceRef> _sourceRefs = new(StringComparer.Ordinal);

    /// <summary>Citations for cited sources (ids, locators ignored), with their publisher's name; unknown ids are skipped.</summary>
    private async Task<Dictionary<string, SourceRef>> LoadSourceRefsAsync(SqliteConnection connection, IEnumerable<string> sourceIds,
        CancellationToken cancellationToken)
    {
        var known = _sourceRefs;
        var refs = new Dictionary<string, SourceRef>(StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var id in Citation.SourceIds(sourceIds))
            if (known.TryGetValue(id, out var cited)) refs[id] = cited;
            else (missing ??= []).Add(id);
        if (missing is null) return refs;

        // Read after taking the cache: an import committed in between replaces the cache, so what this adds is dropped.
        foreach (var read in await ReadSourceRefsAsync(connection, missing, cancellationToken))
        {
            known.TryAdd(read.Id, read);
            refs[read.Id] = read;
        }
        return refs;
    }

    private static Task<List<SourceRef>> ReadSourceRefsAsync(SqliteConnection connection, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        connection.QueryAsync(
            """
            SELECT n.id, n.properties,
                   (SELECT p.name FROM relationships r JOIN nodes p ON p.id = r.to_id
                    WHERE r.from_id = n.id AND r.type = 'PUBLISHED_BY' ORDER BY p.id LIMIT 1)
            FROM nodes n
            WHERE n.label = 'Source' AND n.id IN (SELECT value FROM json_each($ids))
            """,
            r => ToSourceRef(r.GetString(0), r.Properties(1), r.NullableString(2)),
            cancellationToken, ("$ids", PropertyJson.WriteList(ids)));
}
