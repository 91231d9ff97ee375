using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Built from the file on first use; see FileIndex.
    private readonly FileIndex<SqliteNameIndex> _nameIndex;

    /// <summary>Every word must start some word of a name or alias ("carr dav" finds David Carrick); the index finds exactly
    /// the candidates SearchRanking needs, and SearchRanking orders them.</summary>
    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var index = await _nameIndex.GetAsync().WaitAsync(cancellationToken);
        return SearchRanking.Rank(index.Candidates(query.Text, query.Label, query.Limit), query.Text, query.Limit);
    }

    private async Task<SqliteNameIndex> BuildNameIndexAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        // Properties are read only for victim roles, whose shown name is rebuilt from them.
        var nodes = await connection.QueryAsync(
            "SELECT id, label, name, aliases, CASE WHEN label = 'VictimRole' THEN properties END FROM nodes",
            ReadSearchHit, cancellationToken);
        return SqliteNameIndex.Build(nodes);
    }

    private static SearchHit ReadSearchHit(SqliteRow r)
    {
        var label = r.GetString(1);
        // Ids and names are each read once (a node per row), as ReadNode reads them.
        if (label == Labels.VictimRole) return new SearchHit(r.GetUniqueString(0), label, VictimProtection.DisplayName(r.Properties(4)), []);
        return new SearchHit(r.GetUniqueString(0), label, r.GetUniqueString(2), r.List(3));
    }
}
