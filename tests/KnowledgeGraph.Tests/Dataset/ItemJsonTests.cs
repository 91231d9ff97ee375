using System.Text;
using KnowledgeGraph.Core.Dataset;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Tests.Dataset;

public class ItemJsonTests
{
    // The settings the loader parses a whole file with.
    private static readonly JsonLoadSettings Settings = DatasetLoader.Settings;

    // Keys Newtonsoft writes in a path as they are, and keys it quotes (['a b']).
    private static readonly string[] Keys = ["id", "from", "to", "sources", "a b", "x.y", "it's", "[0]", "naïve", "q\"uote", "back\\slash", "t\tab", "_"];

    // Random documents laid out at random, read by the stream reader (one reader for every round, so values are
    // reused) over Newtonsoft's tokens and over the UTF-8 reader's, and copied from Newtonsoft's own parse: each value
    // must have the kind, text, line, key line and path Newtonsoft gives it.
    [Fact]
    public void Values_have_the_kind_text_line_and_path_newtonsoft_gives_them()
    {
        var random = new Random(11);
        var reader = new ItemJsonReader();
        var pool = new StringPool();
        for (var round = 0; round < 400; round++)
        {
            var text = RandomJsonLayout.Write(RandomObject(random, 0), random);
            var expected = JToken.Parse(text, Settings);

            using var json = new JsonTextReader(new StringReader(text));
            do Assert.True(json.Read()); while (json.TokenType == JsonToken.Comment);
            AssertSame(expected, reader.Read(json), text);
            // The reader is left on the value's last token, as JToken.ReadFrom leaves it: only comments follow.
            while (json.Read()) Assert.Equal(JsonToken.Comment, json.TokenType);

            AssertSame(expected, ItemJson.From(expected), text);

            using var utf8 = new Utf8DatasetReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), pool);
            Assert.True(utf8.Read());
            AssertSame(expected, reader.Read(utf8), text);
            Assert.False(utf8.Read());
        }
    }

    [Fact]
    public void A_repeated_key_anywhere_in_an_item_is_malformed_as_newtonsoft_says()
    {
        const string text = """{ "id": "case:x", "properties": { "from": "2020", "from": "2021" } }""";
        Assert.Throws<JsonReaderException>(() => JToken.Parse(text, Settings));
        using var json = new JsonTextReader(new StringReader(text));
        json.Read();
        Assert.Throws<JsonReaderException>(() => new ItemJsonReader().Read(json));
    }

    [Fact]
    public void Values_kept_after_letting_go_are_not_reused_by_the_next_read()
    {
        var reader = new ItemJsonReader();
        var first = Read(reader, """{ "id": "case:one", "sources": ["source:a"] }""");
        reader.LetGo();
        Read(reader, """{ "id": "case:two", "sources": ["source:b", "source:c"] }""");
        Assert.Equal("case:one", first["id"]!.Text);
        Assert.Equal("source:a", Assert.Single(first["sources"]!.Children).Text);
    }

    private static ItemJson Read(ItemJsonReader reader, string text)
    {
        using var json = new JsonTextReader(new StringReader(text));
        json.Read();
        return reader.Read(json);
    }

    private static void AssertSame(JToken expected, ItemJson actual, string text)
    {
        var info = (IJsonLineInfo)expected;
        var because = $"at {expected.Path} in:\n{text}";
        // Kinds are named as Newtonsoft names them; the kinds a dataset never holds (dates and the like) are "other".
        Assert.True((Enum.TryParse<ItemJsonType>(expected.Type.ToString(), out var kind) ? kind : ItemJsonType.Other) == actual.Type, because);
        Assert.True(info.LineNumber == actual.Line, because);
        Assert.True(expected.Path == actual.Path, $"path '{actual.Path}' {because}");
        if (expected.Parent is JProperty property)
        {
            Assert.True(property.Name == actual.Name, because);
            Assert.True(((IJsonLineInfo)property).LineNumber == actual.KeyLine, $"key line {actual.KeyLine} {because}");
        }
        else
        {
            Assert.Null(actual.Name);
            Assert.Equal(actual.Line, actual.KeyLine);
        }
        switch (expected)
        {
            case JObject json:
                var properties = json.Properties().ToList();
                Assert.Equal(properties.Count, actual.Children.Count);
                for (var i = 0; i < properties.Count; i++)
                {
                    Assert.Same(actual, actual.Children[i].Parent);
                    Assert.Same(actual.Children[i], actual[properties[i].Name]);
                    AssertSame(properties[i].Value, actual.Children[i], text);
                }
                Assert.Null(actual["no such key"]);
                break;
            case JArray array:
                Assert.Equal(array.Count, actual.Children.Count);
                for (var i = 0; i < array.Count; i++) AssertSame(array[i], actual.Children[i], text);
                break;
            default:
                Assert.Empty(actual.Children);
                Assert.Equal(expected.Type == JTokenType.String ? expected.Value<string>() : null, actual.Text);
                Assert.Equal(expected.Type == JTokenType.Boolean && expected.Value<bool>(), actual.IsTrue);
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }

    // Values whose reading differs between readers if any does: escapes and other scripts, strings shaped like dates
    // that are or are not dates, integers past a long, exponents.
    private static readonly JToken[] OddValues =
    [
        new JValue("caf\u00e9 \u2014 \ud83d\ude93 \t tab / slash \u0000 nul"), new JValue("Łódź, São Paulo, Αθήνα, 東京"),
        new JValue("2020-01-02T03:04:05Z"), new JValue("2020-01-02T03:04:05.1234567+01:00"), new JValue("2020-01-02Tno date at all"),
        new JValue("1999-99-99T99:99:99"), new JValue("/Date(1234567890000)/"), new JValue("/Date(not a date)/"), new JValue("2020-01-02"),
        JToken.Parse("123456789012345678901234567890"), JToken.Parse("-9223372036854775808"), JToken.Parse("1.5e10"),
        JToken.Parse("-2E-3"), JToken.Parse("0.0"), JToken.Parse("-0"), new JValue(new string('x', 70_000)),
    ];

    internal static JObject RandomObject(Random random, int depth)
    {
        var json = new JObject();
        foreach (var key in Keys.OrderBy(_ => random.Next()).Take(random.Next(0, 6))) json[key] = RandomValue(random, depth + 1);
        return json;
    }

    private static JToken RandomValue(Random random, int depth) => random.Next(depth < 4 ? 10 : 8) switch
    {
        0 => new JValue("case:" + random.Next(100)),
        1 => new JValue(random.Next(3) == 0 ? "" : "with \"quotes\", a \\ and a\nbreak"),
        2 => new JValue(random.Next(-5, 1_000_000)),
        3 => new JValue(random.Next(100) / 8.0),
        4 => new JValue(random.Next(2) == 0),
        5 => JValue.CreateNull(),
        6 => new JValue(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Unspecified)), // read back as a date, not a string
        7 => new JValue(string.Concat(Enumerable.Repeat("long ", random.Next(1, 40)))),
        8 => RandomObject(random, depth),
        9 when random.Next(2) == 0 => OddValues[random.Next(OddValues.Length)].DeepClone(),
        _ => new JArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1))),
    };
}
