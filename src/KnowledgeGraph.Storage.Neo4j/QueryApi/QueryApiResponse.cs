using System.Net;
using System.Text.Json;

namespace KnowledgeGraph.Storage.Neo4j.QueryApi;

/// <summary>
/// Reads a Query API answer. The server picks the HTTP status before it knows how the statement went (202 for
/// success and for many failures alike, 4xx/5xx in newer releases), so the <c>errors</c> list is always read first,
/// whatever the status, and only then the status.
/// </summary>
public static class QueryApiResponse
{
    public static QueryResult Parse(HttpStatusCode status, string body, string statement)
    {
        JsonDocument? document = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try { document = JsonDocument.Parse(body); }
            catch (JsonException) when ((int)status >= 400) { /* a proxy's HTML error page: the status says enough */ }
            catch (JsonException ex)
            {
                throw new Neo4jException($"Neo4j answered '{statement}' with HTTP {(int)status} and a body that is not JSON: {ex.Message}", null, statement, ex);
            }
        }

        using (document)
        {
            var root = document?.RootElement;
            if (root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) ? m.GetString() : null;
                throw Neo4jErrors.FromCode(code, message ?? "(no message)", statement, status);
            }

            if ((int)status is < 200 or > 299) throw Neo4jErrors.FromStatus(status, statement);
            if (root is not { ValueKind: JsonValueKind.Object } answer) return QueryResult.Empty;

            var transactionId = answer.TryGetProperty("transaction", out var tx) && tx.ValueKind == JsonValueKind.Object
                && tx.TryGetProperty("id", out var id) ? id.GetString() : null;
            if (!answer.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                return QueryResult.Empty with { TransactionId = transactionId };

            var fields = data.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                : [];
            var index = fields.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
            var rows = new List<QueryRow>();
            if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
                foreach (var row in values.EnumerateArray())
                {
                    var cells = row.EnumerateArray().Select(v => v.Clone()).ToArray();
                    if (cells.Length != fields.Count)
                        throw new Neo4jException($"Neo4j answered '{statement}' with a row of {cells.Length} values for {fields.Count} fields", null, statement);
                    rows.Add(new QueryRow(index, cells));
                }
            return new QueryResult(fields, rows, transactionId);
        }
    }
}

/// <summary>Turns Neo4j status codes and HTTP statuses into exceptions that say what to do.</summary>
public static class Neo4jErrors
{
    public static Neo4jException FromCode(string? code, string message, string statement, HttpStatusCode status)
    {
        var text = $"Neo4j refused '{statement}': {message} [{code ?? $"HTTP {(int)status}"}]";
        return code switch
        {
            null => FromStatus(status, statement),
            "Neo.ClientError.Statement.SyntaxError" or "Neo.ClientError.Statement.SemanticError"
                or "Neo.ClientError.Statement.ParameterMissing" or "Neo.ClientError.Statement.TypeError"
                or "Neo.ClientError.Statement.ArgumentError" or "Neo.ClientError.Procedure.ProcedureNotFound"
                => new Neo4jSyntaxException(text, code, statement),
            "Neo.ClientError.Schema.ConstraintValidationFailed" or "Neo.ClientError.Schema.ConstraintViolation"
                => new Neo4jConstraintViolationException(text, code, statement),
            "Neo.ClientError.Database.DatabaseNotFound"
                => new Neo4jDatabaseNotFoundException($"{text}. Check Neo4j:Database (NEO4J_DATABASE); Community Edition has only 'neo4j'.", code, statement),
            "Neo.ClientError.Request.InvalidFormat" when (int)status == 401
                => new Neo4jAuthenticationException($"{text}. Check Neo4j:User and Neo4j:Password.", code, statement),
            _ when code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal)
                => new Neo4jAuthenticationException($"{text}. Check Neo4j:User and Neo4j:Password (NEO4J_USER, NEO4J_PASSWORD).", code, statement),
            _ when code.StartsWith("Neo.TransientError.", StringComparison.Ordinal)
                => new Neo4jUnavailableException(text, code, statement),
            _ => new Neo4jException(text, code, statement),
        };
    }

    public static Neo4jException FromStatus(HttpStatusCode status, string statement) => (int)status switch
    {
        401 or 403 => new Neo4jAuthenticationException(
            $"Neo4j refused '{statement}' with HTTP {(int)status}. Check Neo4j:User and Neo4j:Password (NEO4J_USER, NEO4J_PASSWORD).", null, statement),
        404 => new Neo4jDatabaseNotFoundException(
            $"Neo4j answered '{statement}' with HTTP 404: the database or the Query API was not found. Check Neo4j:Uri and Neo4j:Database (Query API needs Neo4j 5.26+).", null, statement),
        408 or 429 or 502 or 503 or 504 => new Neo4jUnavailableException(
            $"Neo4j is unavailable (HTTP {(int)status}) running '{statement}'", null, statement),
        _ => new Neo4jException($"Neo4j answered '{statement}' with HTTP {(int)status} and no error detail", null, statement),
    };
}
