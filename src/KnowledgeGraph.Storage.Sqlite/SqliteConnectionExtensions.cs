using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Small helpers so queries read as SQL plus parameters, without a mapper library.</summary>
internal static class SqliteConnectionExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every row of the query, mapped (see <see cref="SqliteRows.Rows"/>). SQLite does not read asynchronously;
    /// the task is complete when it is returned.</summary>
    public static Task<List<T>> QueryAsync<T>(this SqliteConnection connection, string sql, Func<SqliteRow, T> map,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<T>();
        foreach (var row in connection.Rows(sql, cancellationToken, parameters)) rows.Add(map(row));
        return Task.FromResult(rows);
    }
}
