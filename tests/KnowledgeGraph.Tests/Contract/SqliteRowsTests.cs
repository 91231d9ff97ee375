using System.Diagnostics;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Contract;

/// <summary>
/// The SQLite store reads every query through <see cref="SqliteRows"/>, stepping the statement on the connection's own
/// handle. It must read each value as <see cref="SqliteDataReader"/> reads it (the reference here, on a real file), bind
/// parameters as commands bind them, and stop a query when its request is cancelled, even mid-step.
/// </summary>
public sealed class SqliteRowsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kg-rows-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;

    public SqliteRowsTests()
    {
        _connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        _connection.Open();
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY, v)");
        object?[] values = ["plain", "", "é中😀", "a\"b\\c", new string('x', 300), 42L, -7L, 2.5, null, "{\"k\":\"v\"}", "0042"];
        var random = new Random(8);
        for (var i = 0; i < 500; i++)
        {
            using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
            insert.Parameters.AddWithValue("$v", (i < values.Length ? values[i] : values[random.Next(values.Length)]) ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }
    }

    [Fact]
    public void Every_value_reads_as_the_data_reader_reads_it()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, v FROM t ORDER BY id";
        using var reader = command.ExecuteReader();
        var read = 0;
        foreach (var row in _connection.Rows("SELECT id, v FROM t ORDER BY id", CancellationToken.None))
        {
            Assert.True(reader.Read());
            Assert.Equal(reader.GetInt64(0), row.GetInt64(0));
            Assert.Equal(reader.IsDBNull(1), row.IsDBNull(1));
            if (reader.IsDBNull(1))
            {
                Assert.Null(row.NullableString(1));
                Assert.Throws<InvalidOperationException>(() => row.GetString(1));
                continue;
            }
            Assert.Equal(reader.GetString(1), row.GetString(1));
            Assert.Equal(reader.GetString(1), row.GetUniqueString(1));
            Assert.Equal(reader.GetString(1), row.Chars(1).ToString());
            read++;
        }
        Assert.False(reader.Read());
        Assert.True(read > 400);
    }

    [Fact]
    public void Short_text_is_one_string_within_a_query_and_unique_text_is_made_each_time()
    {
        var plain = _connection.Rows("SELECT v FROM t WHERE v = 'plain'", CancellationToken.None).Select(r => r.GetString(0)).ToList();
        Assert.True(plain.Count > 1);
        Assert.All(plain, p => Assert.Same(plain[0], p));
        var unique = _connection.Rows("SELECT v FROM t WHERE v = 'plain'", CancellationToken.None).Select(r => r.GetUniqueString(0)).ToList();
        Assert.NotSame(unique[0], unique[1]);
        var long_ = _connection.Rows("SELECT v FROM t WHERE length(v) = 300", CancellationToken.None).Select(r => r.GetString(0)).ToList();
        Assert.NotSame(long_[0], long_[1]);
    }

    [Fact]
    public async Task Parameters_bind_as_commands_bind_them_and_bad_ones_say_which()
    {
        var rows = await _connection.QueryAsync("SELECT $text, $long, $int, $flag, $null IS NULL", r => (r.GetString(0), r.GetInt64(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4)),
            CancellationToken.None, ("$text", "é"), ("$long", 1L << 40), ("$int", 7), ("$flag", true), ("$null", null));
        Assert.Equal(("é", 1L << 40, 7, 1L, 1L), Assert.Single(rows));
        Assert.Contains("$missing", Assert.Throws<ArgumentException>(() => _connection.Rows("SELECT $a", CancellationToken.None, ("$missing", 1)).ToList()).Message);
        Assert.Contains("Double", Assert.Throws<ArgumentException>(() => _connection.Rows("SELECT $a", CancellationToken.None, ("$a", 1.5)).ToList()).Message);
        Assert.Throws<ArgumentException>(() => _connection.Rows("SELECT 1; SELECT 2", CancellationToken.None).ToList());
        Assert.Throws<SqliteException>(() => _connection.Rows("SELECT * FROM missing", CancellationToken.None).ToList());
    }

    [Fact]
    public async Task A_cancelled_query_stops_inside_a_long_step()
    {
        // Counting five billion rows takes minutes; the first (and only) row comes after all of them.
        const string sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5000000000) SELECT count(*) FROM c";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => _connection.Rows(sql, cancel.Token).Select(r => r.GetInt64(0)).ToList());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"stopped after {clock.Elapsed}");
        // The connection reads again afterwards.
        Assert.Equal(500, _connection.Rows("SELECT count(*) FROM t", CancellationToken.None).Select(r => r.GetInt64(0)).Single());
    }

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        File.Delete(_path);
    }
}
