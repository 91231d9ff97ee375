using System.Text;

namespace KnowledgeGraph.Records.Mapping;

/// <summary>
/// Text with <c>{column}</c> placeholders, compiled once per table to column indexes so rendering a row is a loop over
/// a few segments. <c>{{</c> and <c>}}</c> stand for braces.
/// </summary>
public sealed class Template
{
    private readonly (string? Literal, string? Column)[] _segments;
    private int[] _indexes = [];

    private Template(string text, (string? Literal, string? Column)[] segments, MappingPlace place)
    {
        Text = text;
        _segments = segments;
        Place = place;
        FirstColumn = segments.FirstOrDefault(s => s.Column is not null).Column;
    }

    public string Text { get; }
    public MappingPlace Place { get; }
    public IEnumerable<string> Columns => _segments.Where(s => s.Column is not null).Select(s => s.Column!);
    public bool IsLiteral => _segments.All(s => s.Column is null);

    /// <summary>The column when the template is exactly one placeholder (<c>"{finding}"</c>): where a values map applies.</summary>
    public string? SingleColumn => _segments is [{ Column: { } column }] ? column : null;

    /// <summary>The column an error about the rendered value names (kept, since rows ask for it every time).</summary>
    public string? FirstColumn { get; }

    public static Template? Parse(string text, MappingPlace place, out string? error)
    {
        error = null;
        var segments = new List<(string?, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c == '}') { error = $"'{text}' has a '}}' without its '{{' (write }}}} for a brace)"; return null; }
            if (c != '{') { literal.Append(c); continue; }
            var end = text.IndexOf('}', i + 1);
            if (end < 0) { error = $"'{text}' has a '{{' without its '}}'"; return null; }
            var column = text[(i + 1)..end].Trim();
            if (column.Length == 0) { error = $"'{text}' has an empty placeholder {{}}"; return null; }
            if (literal.Length > 0) { segments.Add((literal.ToString(), null)); literal.Clear(); }
            segments.Add((null, column));
            i = end;
        }
        if (literal.Length > 0) segments.Add((literal.ToString(), null));
        return new Template(text, [.. segments], place);
    }

    /// <summary>Resolves placeholders to column indexes; returns the columns the header does not have.</summary>
    public IEnumerable<string> Bind(IReadOnlyDictionary<string, int> header)
    {
        _indexes = new int[_segments.Length];
        var missing = new List<string>();
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i].Column is not { } column) { _indexes[i] = -1; continue; }
            if (header.TryGetValue(column, out var index)) _indexes[i] = index;
            else { missing.Add(column); _indexes[i] = -1; }
        }
        return missing;
    }

    /// <summary>
    /// The text for a row, whitespace trimmed; null when the template has placeholders and every one of them is empty
    /// (so an empty cell omits the property).
    /// </summary>
    public string? Render(string[] cells, StringBuilder buffer)
    {
        if (_segments.Length == 1)
        {
            var (literal, _) = _segments[0];
            if (literal is not null) return literal;
            var cell = Cell(cells, _indexes[0]);
            return cell.Length == 0 ? null : cell;
        }
        buffer.Clear();
        var anyPlaceholder = false;
        var anyFilled = false;
        for (var i = 0; i < _segments.Length; i++)
        {
            var (literal, _) = _segments[i];
            if (literal is not null) { buffer.Append(literal); continue; }
            anyPlaceholder = true;
            var cell = Cell(cells, _indexes[i]);
            if (cell.Length > 0) { anyFilled = true; buffer.Append(cell); }
        }
        if (anyPlaceholder && !anyFilled) return null;
        return CollapseSpaces(buffer);
    }

    private static string Cell(string[] cells, int index) => index >= 0 && index < cells.Length ? cells[index] : "";

    // "Unit  {unit_id}" with a missing middle name must not leave a double space.
    private static string CollapseSpaces(StringBuilder buffer)
    {
        var text = buffer.ToString().Trim();
        return text.Contains("  ", StringComparison.Ordinal) ? string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : text;
    }

    public override string ToString() => Text;
}
