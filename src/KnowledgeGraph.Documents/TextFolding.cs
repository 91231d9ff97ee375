using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Documents;

/// <summary>A word of a document with its place.</summary>
public readonly record struct Token(string Text, string Folded, int Start, int End);

/// <summary>Case, punctuation and accent folding, so "O’Connor", "O'Connor" and "o connor" compare equal.</summary>
public static partial class TextFolding
{
    public static IReadOnlyList<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        foreach (Match m in WordPattern().Matches(text))
        {
            // A possessive belongs to the sentence: "Connor’s" is the name Connor.
            var word = m.Value.Length > 3 && (m.Value.EndsWith("’s", StringComparison.Ordinal) || m.Value.EndsWith("'s", StringComparison.Ordinal)) ? m.Value[..^2] : m.Value;
            tokens.Add(new Token(word, FoldWord(word), m.Index, m.Index + word.Length));
        }
        return tokens;
    }

    public static string FoldWord(string word)
    {
        if (word == "&") return "and";
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '’' or '‘' or '\'' or '-' or '‐' or '.') continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>A name folded to its words joined by single spaces.</summary>
    public static string Fold(string name) => string.Join(' ', Tokenise(name).Select(t => t.Folded));

    [GeneratedRegex(@"[\p{L}\p{N}#]+(?:['’\-\.][\p{L}\p{N}]+)*|&")]
    private static partial Regex WordPattern();
}

/// <summary>Readable id slugs: lower-case words joined by single hyphens.</summary>
public static partial class Slug
{
    public static string Of(string text, int maxLength = 60)
    {
        var folded = string.Join('-', TextFolding.Tokenise(text.Replace('-', ' ')).Select(t => NonAlphanumeric().Replace(t.Folded, "")).Where(w => w.Length > 0));
        if (folded.Length > maxLength) folded = folded[..maxLength].TrimEnd('-');
        return folded.Length == 0 ? "unnamed" : folded;
    }

    [GeneratedRegex("[^a-z0-9]")] private static partial Regex NonAlphanumeric();
}
