using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// A word as SQLite's FTS5 tokenizer <c>unicode61 remove_diacritics 2</c> folds it, which is what name search has
/// always matched on: lower case, and a Latin letter with diacritics becomes its ASCII base ("É" is "e", "ǖ" is "u").
/// Letters with no ASCII base stay themselves (ø, æ, ß, ł), and so do other scripts: SQLite removes diacritics from
/// Latin letters only (Greek "ά" and Cyrillic "й" keep theirs). A test checks this against FTS5 itself.
/// </summary>
internal static class Unicode61Folding
{
    // SQLite's diacritic table covers the Latin blocks up to U+024F and Latin Extended Additional (U+1E00-U+1EFF).
    private const char LatinEnd = '\u0250', AdditionalStart = '\u1E00', AdditionalEnd = '\u1F00';
    private static readonly char[] Latin = Table('\0', LatinEnd), Additional = Table(AdditionalStart, AdditionalEnd);

    public static string Fold(string word)
    {
        var i = 0;
        while (i < word.Length && Fold(word[i]) == word[i]) i++;
        return i == word.Length ? word : string.Create(word.Length, word, static (span, w) =>
        {
            for (var c = 0; c < w.Length; c++) span[c] = Fold(w[c]);
        });
    }

    private static char Fold(char c) =>
        c < LatinEnd ? Latin[c] : c is >= AdditionalStart and < AdditionalEnd ? Additional[c - AdditionalStart] : char.ToLowerInvariant(c);

    private static char[] Table(char from, char to)
    {
        var table = new char[to - from];
        for (var c = from; c < to; c++)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var asciiBase = char.IsAsciiLetter(decomposed[0])
                && decomposed.AsSpan(1).ToArray().All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark);
            table[c - from] = char.ToLowerInvariant(asciiBase ? decomposed[0] : c);
        }
        return table;
    }
}
