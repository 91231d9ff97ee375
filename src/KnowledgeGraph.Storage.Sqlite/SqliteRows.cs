using System.Text;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The current row of a query stepped on the connection's own SQLite handle (<see cref="SqliteRows.Rows"/>). Valid until
/// the next row is read.
/// </summary>
/// <remarks>
/// Building the in-memory indexes reads the whole graph, and through <see cref="SqliteDataReader"/> every text column
/// became a new string, JSON columns included, which were then encoded back to UTF-8 to be parsed: 1.1 GB of the case
/// index's 1.56 GB allocated, and the collector copying it was over a third of the build. Here text is read as the UTF-8
/// SQLite holds, short text (ids, labels, vocabulary values, property keys) comes from a <see cref="StringPool"/> of the
/// query, so a unit named by ten thousand rows is one string, and JSON is parsed straight from SQLite's bytes.
/// Values convert as SQLite converts them (an integer asked for as text is its digits), as through the data reader.
/// </remarks>
internal sealed class SqliteRow
{
    private readonly sqlite3_stmt _statement;
    private readonly StringPool _pool;
    private char[] _chars = new char[128];

    public SqliteRow(sqlite3_stmt statement, StringPool pool)
    {
        _statement = statement;
        _pool = pool;
    }

    public bool IsDBNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>The column as text; a NULL is an error, as through the data reader.</summary>
    public string GetString(int column) => NullableString(column) ?? throw new InvalidOperationException($"column {column} is NULL, not text");

    public string? NullableString(int column) => TryText(column, out var utf8) ? _pool.Get(utf8) : null;

    /// <summary>The column as a new string, not pooled: for a column whose values are all different (a table's ids).</summary>
    public string GetUniqueString(int column) => TryText(column, out var utf8)
        ? Encoding.UTF8.GetString(utf8)
        : throw new InvalidOperationException($"column {column} is NULL, not text");

    // The column's bytes; false when it is NULL. Only empty bytes can be NULL, so only they ask SQLite for the type (a
    // call into SQLite per column saved; reading the bytes first never changes a NULL's type).
    private bool TryText(int column, out ReadOnlySpan<byte> utf8)
    {
        utf8 = Utf8(column);
        return !utf8.IsEmpty || !IsDBNull(column);
    }

    /// <summary>The column's text decoded into a buffer of the row's, without a string (to look a key up or compare
    /// it); valid until the next call. NULL reads as empty.</summary>
    public ReadOnlySpan<char> Chars(int column)
    {
        var utf8 = Utf8(column);
        if (_chars.Length < utf8.Length) _chars = new char[Math.Max(utf8.Length, 2 * _chars.Length)];
        return _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
    }

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public int GetInt32(int column) => checked((int)GetInt64(column));

    /// <summary>The column's text as SQLite holds it (UTF-8), without a string; valid until the next row.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>A JSON property bag column, as <see cref="PropertyJson.Read(string?)"/> reads its text.</summary>
    public IReadOnlyDictionary<string, object?> Properties(int column) => PropertyJson.Read(Utf8(column), _pool); // NULL reads as {}

    /// <summary>A JSON list column, as <see cref="PropertyJson.ReadList(string?)"/> reads its text.</summary>
    public IReadOnlyList<string> List(int column) => PropertyJson.ReadList(Utf8(column), _pool); // NULL reads as []
}

/// <summary>Runs a query on the connection's SQLite handle and hands over its rows one at a time (see <see cref="SqliteRow"/>).</summary>
internal static class SqliteRows
{
    /// <summary>
    /// The rows of <paramref name="sql"/> (one statement) with <paramref name="parameters"/> bound by name (text, integers,
    /// booleans or null). The same <see cref="SqliteRow"/> is handed over for each row. Cancelling interrupts SQLite,
    /// even inside a step that sorts or groups before its first row.
    /// </summary>
    public static IEnumerable<SqliteRow> Rows(this SqliteConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters) =>
        connection.Rows(sql, new StringPool(), cancellationToken, parameters);

    /// <summary>The rows, with short text from <paramref name="pool"/> (a bounded one for a stream whose rows are not kept).</summary>
    public static IEnumerable<SqliteRow> Rows(this SqliteConnection connection, string sql, StringPool pool, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        cancellationToken.ThrowIfCancellationRequested();
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out var statement, out var tail), db);
        using (statement)
        {
            if (!string.IsNullOrWhiteSpace(tail)) throw new ArgumentException("give one statement at a time", nameof(sql));
            foreach (var (name, value) in parameters) Bind(db, statement, name, value);
            var row = new SqliteRow(statement, pool);
            using var interrupt = cancellationToken.CanBeCanceled ? cancellationToken.Register(() => raw.sqlite3_interrupt(db)) : default;
            while (true)
            {
                var result = raw.sqlite3_step(statement);
                if (result == raw.SQLITE_DONE) yield break;
                if (result != raw.SQLITE_ROW)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    SqliteException.ThrowExceptionForRC(result, db);
                }
                yield return row;
            }
        }
    }

    private static void Bind(sqlite3 db, sqlite3_stmt statement, string name, object? value)
    {
        var position = raw.sqlite3_bind_parameter_index(statement, name);
        if (position <= 0) throw new ArgumentException($"the statement has no parameter '{name}'", nameof(name));
        var result = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, position),
            string text => raw.sqlite3_bind_text(statement, position, text),
            long number => raw.sqlite3_bind_int64(statement, position, number),
            int number => raw.sqlite3_bind_int64(statement, position, number),
            bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
            _ => throw new ArgumentException($"a {value.GetType().Name} cannot be bound to '{name}'; give text, an integer or a boolean", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(result, db);
    }
}
