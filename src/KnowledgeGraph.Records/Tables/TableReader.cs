using System.Data;
using System.Globalization;
using System.Text;
using ExcelDataReader;
using nietras.SeparatedValues;

namespace KnowledgeGraph.Records.Tables;

/// <summary>
/// Streams the rows of one table (CSV, TSV or a sheet of an .xlsx) as trimmed cell texts, one reused array per row, with
/// two stable hashes of the row: of its cells as written, and with whitespace collapsed (the default row key, so rows
/// that differ only in spacing are one row).
/// </summary>
public abstract class TableReader : IDisposable
{
    public IReadOnlyList<string> Header { get; protected set; } = [];

    /// <summary>The sheet being read, for a workbook (null for CSV and TSV): errors and citations name it with the file.</summary>
    public string? Sheet { get; protected set; }

    /// <summary>The row the current cells are from, counted as a spreadsheet does (the header is row 1).</summary>
    public int Row { get; protected set; } = 1;

    public string[] Cells { get; protected set; } = [];
    public ulong RawHash { get; protected set; }
    public ulong NormalizedHash { get; protected set; }

    public abstract bool Next();

    public abstract void Dispose();

    public static TableReader Open(string path, char? delimiter, string? sheet) =>
        Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xls" ? new ExcelTableReader(path, sheet)
        : new SeparatedTableReader(path, delimiter ?? (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : null));

    protected void SetCells(int count)
    {
        if (Cells.Length != count) Cells = new string[count];
    }

    /// <summary>Stores one cell (trimmed) and adds it to both hashes.</summary>
    protected void Put(int index, ReadOnlySpan<char> raw, ref ulong rawHash, ref ulong normalized)
    {
        foreach (var c in raw) rawHash = (rawHash ^ c) * Fnv.Prime;
        rawHash = (rawHash ^ 0x1F) * Fnv.Prime;
        var trimmed = raw.Trim();
        var space = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space) { normalized = (normalized ^ ' ') * Fnv.Prime; space = false; }
            normalized = (normalized ^ c) * Fnv.Prime;
        }
        normalized = (normalized ^ 0x1F) * Fnv.Prime;
        Cells[index] = trimmed.Length == 0 ? "" : trimmed.ToString();
    }

    protected static class Fnv
    {
        public const ulong Offset = 14695981039346656037UL;
        public const ulong Prime = 1099511628211UL;
    }
}

internal sealed class SeparatedTableReader : TableReader
{
    private readonly SepReader _reader;
    private readonly IEnumerator<SepReader.Row> _rows;

    public SeparatedTableReader(string path, char? delimiter)
    {
        // Sep detects the separator (',', ';', tab, '|') from the header unless the mapping names one; a UTF-8 BOM is skipped.
        var options = new SepReaderOptions(delimiter is { } d ? new Sep(d) : null) { Unescape = true, DisableColCountCheck = true, HasHeader = true };
        _reader = options.FromFile(path);
        Header = _reader.Header.ColNames.Select((n, i) => i == 0 ? n.TrimStart('\uFEFF').Trim() : n.Trim()).ToArray();
        _rows = _reader.GetEnumerator();
    }

    public override bool Next()
    {
        if (!_rows.MoveNext()) return false;
        var row = _rows.Current;
        SetCells(Header.Count);
        ulong raw = Fnv.Offset, normalized = Fnv.Offset;
        var count = Math.Min(row.ColCount, Header.Count);
        for (var i = 0; i < count; i++) Put(i, row[i].Span, ref raw, ref normalized);
        for (var i = count; i < Header.Count; i++) Put(i, [], ref raw, ref normalized);
        RawHash = raw;
        NormalizedHash = normalized;
        Row = row.RowIndex + 1;
        return true;
    }

    public override void Dispose()
    {
        _rows.Dispose();
        _reader.Dispose();
    }
}

internal sealed class ExcelTableReader : TableReader
{
    private readonly FileStream _stream;
    private readonly IExcelDataReader _reader;
    private int _row = 1;

    static ExcelTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ExcelTableReader(string path, string? sheet)
    {
        _stream = File.OpenRead(path);
        _reader = ExcelReaderFactory.CreateReader(_stream);
        if (sheet is not null)
        {
            while (!string.Equals(_reader.Name, sheet, StringComparison.OrdinalIgnoreCase))
                if (!_reader.NextResult()) throw new InvalidDataException($"the workbook has no sheet named '{sheet}'");
        }
        Sheet = _reader.Name;
        if (!_reader.Read()) throw new InvalidDataException("the sheet is empty; its first row must be the header");
        Header = Enumerable.Range(0, _reader.FieldCount).Select(i => Text(_reader.GetValue(i)).Trim()).ToArray();
    }

    public override bool Next()
    {
        if (!_reader.Read()) return false;
        _row++;
        SetCells(Header.Count);
        ulong raw = Fnv.Offset, normalized = Fnv.Offset;
        for (var i = 0; i < Header.Count; i++) Put(i, i < _reader.FieldCount ? Text(_reader.GetValue(i)) : "", ref raw, ref normalized);
        RawHash = raw;
        NormalizedHash = normalized;
        Row = _row;
        return true;
    }

    // A spreadsheet cell may be a number or a date rather than text: give it the text a reader of the sheet sees.
    private static string Text(object? value) => value switch
    {
        null or DBNull => "",
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public override void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
