using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>Options that can name every unusable setting of theirs, each with its section path.</summary>
public interface IHaveSettingErrors
{
    IEnumerable<string> SettingErrors();
}

/// <summary>Fails start-up with every unusable setting named, enabled or not, so a typo shows on the first start rather
/// than the day the feature is switched on.</summary>
internal sealed class SettingErrorsValidator<T> : IValidateOptions<T> where T : class, IHaveSettingErrors
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = options.SettingErrors().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
