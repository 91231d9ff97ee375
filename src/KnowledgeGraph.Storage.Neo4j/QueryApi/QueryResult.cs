using System.Text.Json;

namespace KnowledgeGraph.Storage.Neo4j.QueryApi;

/// <summary>The <c>data</c> of a Query API answer: field names and one array of values per row.</summary>
public sealed record QueryResult(IReadOnlyList<string> Fields, IReadOnlyList<QueryRow> Rows, string? TransactionId)
{
    public static QueryResult Empty { get; } = new([], [], null);
}

/// <summary>One row; values are plain-JSON Query API values (nodes, relationships and paths as objects).</summary>
public sealed class QueryRow(IReadOnlyDictionary<string, int> index, JsonElement[] values)
{
    public JsonElement this[string field] =>
        index.TryGetValue(field, out var i) ? values[i] : throw new KeyNotFoundException($"the result has no field '{field}'");

    public string? String(string field) => this[field].ValueKind == JsonValueKind.String ? this[field].GetString() : null;

    public string RequiredString(string field) =>
        String(field) ?? throw new FormatException($"field '{field}' is {this[field].ValueKind}, expected a string");

    public int Int(string field) => this[field].ValueKind == JsonValueKind.Number ? this[field].GetInt32() : 0;

    public bool Bool(string field) => this[field].ValueKind == JsonValueKind.True;

    /// <summary>A list of strings, or null when the field is null (or not a list).</summary>
    public IReadOnlyList<string>? StringList(string field) =>
        this[field].ValueKind == JsonValueKind.Array ? this[field].EnumerateArray().Select(e => e.GetString() ?? "").ToList() : null;
}
