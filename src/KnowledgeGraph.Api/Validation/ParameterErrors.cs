using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Api.Validation;

/// <summary>Query parameters that can check themselves; <see cref="ParameterValidationFilter"/> runs every check at once.</summary>
public interface IValidatedParameters
{
    void Validate(ParameterErrors errors);
}

/// <summary>Collects every problem with a request's parameters, keyed by parameter name, so one answer lists them all.</summary>
public sealed class ParameterErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message)
    {
        if (!_errors.TryGetValue(parameter, out var list)) _errors[parameter] = list = [];
        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Required(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(parameter, $"'{parameter}' is required and may not be blank.");
    }

    public void Range(string parameter, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max)) Add(parameter, $"'{parameter}' must be between {min} and {max}; it was {v}.");
    }

    public void Limit(int? value) => Range("limit", value, 1, QueryLimits.MaxResults);

    /// <summary>A cursor must be one the API gave out (the "next" of an earlier page).</summary>
    public void Cursor(string? value)
    {
        if (!Paging.TryParseCursor(value, out _)) Add("cursor", $"'{value}' is not a cursor; pass the \"next\" value of the previous page, or leave it out for the first page.");
    }

    public void Labels(string parameter, IEnumerable<string> labels)
    {
        foreach (var label in labels.Where(l => !Core.Model.Labels.IsKnown(l)))
            Add(parameter, $"'{label}' is not a label; use one of: {string.Join(", ", Core.Model.Labels.All)}.");
    }

    public void Label(string parameter, string? label)
    {
        if (label is not null) Labels(parameter, [label]);
    }

    public void Types(string parameter, IEnumerable<string> types)
    {
        foreach (var type in types.Where(t => !GraphSchema.IsKnownType(t)))
            Add(parameter, $"'{type}' is not a relationship type; use one of: {string.Join(", ", GraphSchema.Relationships.Select(r => r.Type))}.");
    }

    public void OneOf(string parameter, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            Add(parameter, $"'{value}' is not a valid {parameter}; use one of: {string.Join(", ", allowed)}.");
    }

    public void Vocabulary(string parameter, string? value, Vocabulary vocabulary)
    {
        if (value is not null && !vocabulary.Contains(value))
            Add(parameter, $"'{value}' is not a {vocabulary.Name}; use one of: {vocabulary.Describe()}.");
    }

    public void Date(string parameter, string? value)
    {
        if (value is not null && !PartialDate.TryParse(value, out _, out var error)) Add(parameter, $"'{parameter}': {error}.");
    }

    public void IdWithPrefix(string parameter, string? value, string label)
    {
        var prefix = Core.Model.Labels.IdPrefix[label] + ":";
        if (value is not null && !value.StartsWith(prefix, StringComparison.Ordinal))
            Add(parameter, $"'{value}' is not a {label} id; {label} ids start with '{prefix}'.");
    }
}
