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

    public static async Task<List<T>> QueryAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
