using System.Buffers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Core.Model;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// One prepared statement an import runs for every row, bound by position and stepped on the connection's own SQLite
    /// handle, inside whatever transaction the connection has open.
    /// </summary>
    /// <remarks>
    /// A national import runs 1.2 million inserts. Through <see cref="SqliteCommand"/> each one builds a data reader and
    /// walks the command's statements and parameters: 4.9–5.0 s of the writer's time against 3.4–3.7 s this way (the same
    /// rows, in-process). Text is bound as UTF-8 the way <see cref="SqliteCommand"/> binds it, so rows read back alike.
    /// The bulk load binds column by column (<see cref="Text"/>, <see cref="Properties"/>, …, then <see cref="Step"/>):
    /// text is encoded, and JSON written, into buffers the statement reuses, where binding a string would allocate its
    /// UTF-8 copy and writing JSON a writer, a buffer and a string, for every value of every row.
    /// </remarks>
    private sealed class Statement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly int[] _positions;
        private readonly ulong _everyColumn;
        private ulong _bound; // the columns bound since the last step, one bit each
        private byte[] _utf8 = new byte[256];
        private readonly ArrayBufferWriter<byte> _json = new(256);
        private Utf8JsonWriter? _jsonWriter;

        public Statement(SqliteConnection connection, string sql, params string[] names)
        {
            if (names.Length > 64) throw new ArgumentException("at most 64 parameters", nameof(names));
            _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
            _positions = names.Select(name => raw.sqlite3_bind_parameter_index(_statement, name) is var position and > 0
                ? position : throw new ArgumentException($"the statement has no parameter '{name}'", nameof(names))).ToArray();
            _everyColumn = names.Length == 64 ? ulong.MaxValue : (1UL << names.Length) - 1;
        }

        /// <summary>Runs the statement with <paramref name="values"/> (text, integers or null, in the order of the names
        /// given); the number of rows it changed.</summary>
        public int Run(params object?[] values)
        {
            if (values.Length != _positions.Length)
                throw new ArgumentException($"the statement takes {_positions.Length} values, not {values.Length}", nameof(values));
            for (var i = 0; i < values.Length; i++)
                switch (values[i])
                {
                    case null: Bound(i, raw.sqlite3_bind_null(_statement, _positions[i])); break;
                    case string text: Text(i, text); break;
                    case long number: Integer(i, number); break;
                    case int number: Integer(i, number); break;
                    default: throw new ArgumentException($"a {values[i]!.GetType().Name} cannot be bound; give text or an integer", nameof(values));
                }
            return Step();
        }

        /// <summary>Binds the <paramref name="column"/>-th parameter (in the order of the names given) to text, as UTF-8.</summary>
        public Statement Text(int column, string value)
        {
            // An empty span binds SQL NULL (its pointer is null), so empty text goes as a string.
            if (value.Length == 0) return Bound(column, raw.sqlite3_bind_text(_statement, _positions[column], value));
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_utf8.Length < most) _utf8 = new byte[Math.Max(most, 2 * _utf8.Length)];
            var length = Encoding.UTF8.GetBytes(value, _utf8); // the bytes SQLitePCL's string binding makes
            return Bound(column, raw.sqlite3_bind_text(_statement, _positions[column], _utf8.AsSpan(0, length)));
        }

        public Statement Integer(int column, long value) => Bound(column, raw.sqlite3_bind_int64(_statement, _positions[column], value));

        /// <summary>Binds a property bag as <see cref="PropertyJson.Write(IReadOnlyDictionary{string, object?})"/> writes it.</summary>
        public Statement Properties(int column, IReadOnlyDictionary<string, object?> properties)
        {
            PropertyJson.WriteTo(StartJson(), properties);
            return BindJson(column);
        }

        /// <summary>Binds a list as <see cref="PropertyJson.WriteList"/> writes it.</summary>
        public Statement List(int column, IReadOnlyList<string> values)
        {
            PropertyJson.WriteListTo(StartJson(), values);
            return BindJson(column);
        }

        private Utf8JsonWriter StartJson()
        {
            _json.ResetWrittenCount();
            if (_jsonWriter is null) _jsonWriter = new Utf8JsonWriter(_json); // the options PropertyJson's own writer has
            else _jsonWriter.Reset(_json);
            return _jsonWriter;
        }

        private Statement BindJson(int column)
        {
            _jsonWriter!.Flush();
            // JSON text is never empty ("{}" at least), so the span is never null.
            return Bound(column, raw.sqlite3_bind_text(_statement, _positions[column], _json.WrittenSpan));
        }

        /// <summary>Runs the statement with what is bound; every column must have been bound since the last step, since
        /// SQLite keeps bindings across resets and a value left out would run with the previous row's. The number of
        /// rows it changed.</summary>
        public int Step()
        {
            try
            {
                if (_bound != _everyColumn) throw new InvalidOperationException("every parameter must be bound before each step");
                var result = raw.sqlite3_step(_statement);
                if (result != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(result, _db);
                return raw.sqlite3_changes(_db);
            }
            finally
            {
                _bound = 0;
                raw.sqlite3_reset(_statement);
            }
        }

        private Statement Bound(int column, int result)
        {
            if (result != raw.SQLITE_OK)
            {
                _bound = 0;
                SqliteException.ThrowExceptionForRC(result, _db);
            }
            _bound |= 1UL << column;
            return this;
        }

        public void Dispose()
        {
            _jsonWriter?.Dispose();
            _statement.Dispose();
        }
    }
}
