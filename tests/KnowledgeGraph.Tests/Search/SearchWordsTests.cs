using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Tests.Search;

/// <summary>
/// The words search looks for are the runs of letters and digits a regular expression <c>[\p{L}\p{N}]+</c> finds, lower
/// case. <see cref="SearchRanking.Words"/> scans for them by hand; here the expression itself is the reference, on every
/// UTF-16 code unit and on random text mixing scripts, marks, number forms, punctuation and surrogate pairs.
/// </summary>
public class SearchWordsTests
{
    private static readonly Regex Reference = new(@"[\p{L}\p{N}]+");

    private static List<string> Expected(string text) => Reference.Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    [Fact]
    public void Every_code_unit_is_a_word_character_exactly_when_the_expression_says_so()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = $"-{(char)c}-";
            Assert.Equal(Expected(text), SearchRanking.Words(text));
        }
    }

    [Fact]
    public void Random_text_splits_into_the_words_the_expression_finds()
    {
        string[] pieces = ["a", "Z", "9", " ", "-", "'", "é", "E\u0301", "Ł", "ß", "İ", "Σ", "中文", "😀", "𝔄", "Ⅻ", "²", "٣", "\u00A0", "\t", "O'Brien",
            "ǅ", "ʰ", "_", "#", "\uD800"];
        var random = new Random(3);
        for (var round = 0; round < 5000; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 9); i > 0; i--) text.Append(pieces[random.Next(pieces.Length)]);
            Assert.Equal(Expected(text.ToString()), SearchRanking.Words(text.ToString()));
        }
    }
}
