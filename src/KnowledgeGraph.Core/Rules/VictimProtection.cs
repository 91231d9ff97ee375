using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Core.Rules;

/// <summary>
/// How a victim role is shown. A role never has a name of its own: its display name is built from its role and
/// descriptor (and a pseudonym, always marked as one), so no store, endpoint or export can show more than that.
/// A public role's real name lives only on the Person it is IDENTIFIED_AS.
/// </summary>
public static class VictimProtection
{
    public static string DisplayName(string? role, string? descriptor, string? anonymity, string? pseudonym)
    {
        var roleText = string.IsNullOrEmpty(role) ? "Victim" : char.ToUpperInvariant(role[0]) + role[1..].Replace('_', ' ');
        var described = string.IsNullOrWhiteSpace(descriptor) ? roleText : $"{roleText}: {descriptor}";
        return anonymity == "pseudonym" && !string.IsNullOrWhiteSpace(pseudonym)
            ? $"\"{pseudonym}\" (pseudonym). {described}"
            : described;
    }

    public static string DisplayName(IReadOnlyDictionary<string, object?> properties) =>
        DisplayName(properties.GetValueOrDefault("role") as string, properties.GetValueOrDefault("descriptor") as string,
            properties.GetValueOrDefault("anonymity") as string, properties.GetValueOrDefault("pseudonym") as string);

    /// <summary>Only a public role may be linked to a named person.</summary>
    public static bool MayBeIdentified(string? anonymity) => anonymity == "public";
}
