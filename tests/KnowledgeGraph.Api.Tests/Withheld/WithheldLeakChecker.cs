using System.Text.Json;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Withheld;

/// <summary>
/// Finds a withheld fact in a response: any marker word of the withheld test data (its ids, names and texts), or an
/// answer that says a source has the withheld pair working together (a served-together entry with basis "explicit"
/// between them, or a WORKED_WITH joining them) even without naming the withheld relationship.
/// </summary>
public sealed class WithheldLeakChecker
{
    public IReadOnlyList<string> Check(string where, string body, string? ownerId = null)
    {
        var problems = WithheldTestData.MarkersIn(body).Select(m => $"{where}: shows withheld text '{m}'").ToList();
        if (body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('['))
            Walk(JsonDocument.Parse(body).RootElement, ownerId, where, problems);
        return problems;
    }

    private static void Walk(JsonElement element, string? ownerId, string where, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) Walk(item, ownerId, where, problems);
        if (element.ValueKind != JsonValueKind.Object) return;
        var (a, b) = WithheldTestData.WithheldPair;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && property.Name is "from" or "to" or "source" or "target")
                ids.Add(property.Value.GetString()!);
            if (property.Value.ValueKind == JsonValueKind.Object && property.Name is "officer" or "otherOfficer" or "from" or "to"
                && property.Value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                ids.Add(id.GetString()!);
        }
        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var basis = element.TryGetProperty("basis", out var bs) && bs.ValueKind == JsonValueKind.String ? bs.GetString() : null;
        if (ownerId is not null && basis is not null) ids.Add(ownerId);
        if ((type == "WORKED_WITH" || basis == "explicit") && ids.Contains(a) && ids.Contains(b))
            problems.Add($"{where}: says a source has {a} and {b} working together (withheld)");
        foreach (var property in element.EnumerateObject()) Walk(property.Value, ownerId, where, problems);
    }
}
