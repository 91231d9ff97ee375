namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>A request to Neo4j failed. <see cref="Code"/> is Neo4j's status code (e.g. Neo.ClientError.Statement.SyntaxError)
/// when the server gave one; <see cref="Statement"/> names the cypher/ file that was running.</summary>
public class Neo4jException(string message, string? code = null, string? statement = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string? Code { get; } = code;
    public string? Statement { get; } = statement;
}

/// <summary>The server could not parse or type-check a statement: a bug in a cypher/ file, never the user's input.</summary>
public sealed class Neo4jSyntaxException(string message, string? code, string? statement)
    : Neo4jException(message, code, statement);

/// <summary>A write broke a constraint (e.g. two nodes with one id).</summary>
public sealed class Neo4jConstraintViolationException(string message, string? code, string? statement)
    : Neo4jException(message, code, statement);

/// <summary>The server refused the credentials (or none were given and it requires them).</summary>
public sealed class Neo4jAuthenticationException(string message, string? code, string? statement)
    : Neo4jException(message, code, statement);

/// <summary>The configured database does not exist on the server.</summary>
public sealed class Neo4jDatabaseNotFoundException(string message, string? code, string? statement)
    : Neo4jException(message, code, statement);

/// <summary>The server is unreachable, busy or unavailable; retrying later may succeed (retries already happened).</summary>
public sealed class Neo4jUnavailableException(string message, string? code, string? statement, Exception? inner = null)
    : Neo4jException(message, code, statement, inner);

/// <summary>An import batch failed; that batch was rolled back, earlier batches stay committed, nothing stale was deleted,
/// and running the import again finishes it.</summary>
public sealed class Neo4jImportException(string message, string? entityId, Exception inner)
    : Neo4jException(message, (inner as Neo4jException)?.Code, (inner as Neo4jException)?.Statement, inner)
{
    public string? EntityId { get; } = entityId;
}
