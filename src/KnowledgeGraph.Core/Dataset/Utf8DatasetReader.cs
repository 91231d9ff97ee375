using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// A <see cref="JsonReader"/> over a UTF-8 stream that reads with <see cref="Utf8JsonReader"/> and hands out strings
/// from a <see cref="StringPool"/>, for the streamed reading of a dataset file. <see cref="JsonTextReader"/> decodes the
/// file to characters and makes a new string for every value; on a national dataset that was a third of all the
/// reading allocated. The tokens, values and line numbers are the ones <see cref="JsonTextReader"/> gives for the same
/// file (a test compares both on files written every way JSON allows), including its reading of ISO date-times as
/// dates. JSON that only <see cref="JsonTextReader"/> accepts (single quotes, unquoted keys, a UTF-16 file, …) throws
/// <see cref="JsonReaderException"/>, and the caller reads that file whole with Newtonsoft, as for a malformed file.
/// </summary>
internal sealed class Utf8DatasetReader : JsonReader, IJsonLineInfo
{
    private static readonly object True = true, False = false;

    private readonly Stream _stream;
    private readonly StringPool _pool;
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end; // the bytes not yet read are _buffer[_start.._end]
    private bool _final;      // the stream has no more bytes beyond _end
    private bool _begun;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
    private char[] _chars = new char[256];

    // Lines are counted over the bytes up to _counted (an index into _buffer), as JsonTextReader counts them: "\n",
    // "\r\n" and a lone "\r" each end a line.
    private int _counted;
    private int _line = 1;
    private bool _afterCarriageReturn;

    public Utf8DatasetReader(Stream stream, StringPool pool)
    {
        _stream = stream;
        _pool = pool;
        CloseInput = true;
    }

    public bool HasLineInfo() => _begun;

    public int LineNumber { get; private set; }

    // Only lines are used (errors name file and line); a position is not kept.
    public int LinePosition => 0;

    public override bool Read()
    {
        try
        {
            return ReadToken();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            // Whatever this reader cannot take, Newtonsoft reading the file whole decides (and names the error).
            throw new JsonReaderException($"Read whole instead: {ex.Message}", ex);
        }
    }

    private bool ReadToken()
    {
        if (!_begun) Begin();
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                Take(ref reader);
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (_final)
            {
                SetToken(JsonToken.None);
                return false;
            }
            Fill();
        }
    }

    private void Begin()
    {
        _begun = true;
        Fill();
        // A UTF-8 byte order mark is not content (StreamReader skips it too).
        if (_end - _start >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = _counted = 3;
    }

    // Moves what is left to the front and reads more; a token longer than the buffer doubles it.
    private void Fill()
    {
        CountLines(_start);
        var left = _end - _start;
        if (left == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (_start > 0) Buffer.BlockCopy(_buffer, _start, _buffer, 0, left);
        (_start, _end, _counted) = (0, left, 0);
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _final = true;
                return;
            }
            _end += read;
        }
    }

    private void Take(ref Utf8JsonReader reader)
    {
        // JsonTextReader is past the colon when it hands out a key, so a colon on the next line is the key's line.
        Line(_start + (int)(reader.TokenType == JsonTokenType.PropertyName ? reader.BytesConsumed : reader.TokenStartIndex));
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: SetToken(JsonToken.StartObject); break;
            case JsonTokenType.EndObject: SetToken(JsonToken.EndObject); break;
            case JsonTokenType.StartArray: SetToken(JsonToken.StartArray); break;
            case JsonTokenType.EndArray: SetToken(JsonToken.EndArray); break;
            case JsonTokenType.PropertyName: SetToken(JsonToken.PropertyName, Text(ref reader)); break;
            case JsonTokenType.String:
                var text = Text(ref reader);
                if (LooksLikeDate(text) && AsDate(text) is { } date) SetToken(JsonToken.Date, date);
                else SetToken(JsonToken.String, text);
                break;
            case JsonTokenType.Number: SetNumber(reader.ValueSpan); break;
            case JsonTokenType.True: SetToken(JsonToken.Boolean, True); break;
            case JsonTokenType.False: SetToken(JsonToken.Boolean, False); break;
            case JsonTokenType.Null: SetToken(JsonToken.Null); break;
            default: throw new InvalidOperationException($"unexpected token {reader.TokenType}");
        }
    }

    private void Line(int at)
    {
        CountLines(at);
        LineNumber = _line;
    }

    private void CountLines(int to)
    {
        var span = _buffer.AsSpan(_counted, to - _counted);
        _counted = to;
        while (span.Length > 0)
        {
            var next = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (next < 0)
            {
                _afterCarriageReturn = false;
                return;
            }
            if (span[next] == (byte)'\r') _line++;
            else if (!(next == 0 && _afterCarriageReturn)) _line++;
            _afterCarriageReturn = span[next] == (byte)'\r';
            span = span[(next + 1)..];
        }
    }

    private string Text(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan; // one span: the reader is given one buffer, never a sequence
        if (_chars.Length < raw.Length) _chars = new char[Math.Max(raw.Length, _chars.Length * 2)];
        // Invalid UTF-8 becomes U+FFFD, as StreamReader decodes it.
        var length = reader.ValueIsEscaped ? reader.CopyString(_chars) : Encoding.UTF8.GetChars(raw, _chars);
        return _pool.Get(_chars.AsSpan(0, length)); // the pool makes long text as a new string
    }

    // JsonTextReader tries a string as a date when it has this shape (DateTimeUtils.TryParseDateTime): an ISO date-time,
    // or Microsoft's "/Date(…)/".
    private static bool LooksLikeDate(string text) =>
        text.Length >= 19 && text.Length <= 40 && char.IsDigit(text[0]) && text[10] == 'T'
        || text.StartsWith("/Date(", StringComparison.Ordinal) && text.EndsWith(")/", StringComparison.Ordinal);

    // Rare: Newtonsoft itself says whether, and as what, it reads the string as a date.
    private static object? AsDate(string text)
    {
        using var reader = new JsonTextReader(new StringReader(JsonConvert.ToString(text)));
        reader.Read();
        return reader.TokenType == JsonToken.Date ? reader.Value : null;
    }

    // As JsonTextReader reads a number: an integer as a long (a BigInteger past that), anything else as a double.
    private void SetNumber(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
        {
            SetToken(JsonToken.Float, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
            return;
        }
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            SetToken(JsonToken.Integer, integer);
        else SetToken(JsonToken.Integer, BigInteger.Parse(Encoding.ASCII.GetString(raw), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    public override void Close()
    {
        base.Close();
        if (CloseInput) _stream.Dispose();
    }
}
