using System.Text;
using System.Text.Json;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Tests.Model;

/// <summary>
/// Reading stored properties takes one pass of the JSON reader when the text holds only what stores write (strings,
/// booleans, lists of strings) and falls back to a JSON document otherwise. Both ways must read every text alike: checked
/// on bags written from random values full of escapes, and on hand-written JSON the fast way must hand over. The SQLite
/// store reads the same text as UTF-8 with a string pool (short text, escaped or not, from the pool); that must read alike too.
/// </summary>
public class PropertyJsonReadTests
{
    private static readonly string[] Pieces = ["a", "Smith", "", "\"", "\\", "/", "\n", "\t", "\u0001", "é", "Ł", "中文", "😀", "<b>&'", " ", "2003-11", new string('x', 40)];

    // Shared by every read of a test, as a query's rows share theirs.
    private readonly StringPool _pool = new();

    [Fact]
    public void Bags_written_by_stores_read_the_same_both_ways()
    {
        var random = new Random(11);
        for (var round = 0; round < 2000; round++)
        {
            var bag = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = random.Next(0, 7); i > 0; i--)
                bag[Text(random)] = random.Next(4) switch
                {
                    0 => Text(random),
                    1 => random.Next(2) == 0,
                    2 => Enumerable.Range(0, random.Next(0, 4)).Select(_ => Text(random)).ToArray(),
                    _ => null,
                };
            AssertSameBothWays(PropertyJson.Write(bag));
        }
    }

    [Theory]
    [InlineData("""{"n":12,"s":"x"}""")]
    [InlineData("""{"n":-1.5e3}""")]
    [InlineData("""{"o":{"a":"b"},"s":"x"}""")]
    [InlineData("""{"l":["a",1,true]}""")]
    [InlineData("""{"l":["a",null]}""")]
    [InlineData("""{"v":null,"w":"x"}""")]
    [InlineData(""" { "b" : "1" , "a" : [ "x" , "y" ] } """)]
    [InlineData("""{"k":"first","k":"second"}""")]
    [InlineData("""{"z":true,"a":false}""")]
    public void Json_the_fast_way_does_not_expect_reads_as_the_general_way_reads_it(string json) => AssertSameBothWays(json);

    [Theory]
    [InlineData("""{"a":"b"} x""")]
    [InlineData("""{"a":"b""")]
    [InlineData("""["a"]""")]
    [InlineData("""{"a":}""")]
    public void Text_that_is_not_a_json_object_fails_as_the_general_way_fails(string json)
    {
        var expected = Record.Exception(() => PropertyJson.ReadDocument(json));
        var actual = Record.Exception(() => PropertyJson.Read(json));
        var fromUtf8 = Record.Exception(() => PropertyJson.Read(Encoding.UTF8.GetBytes(json), _pool));
        Assert.NotNull(expected);
        Assert.Equal(expected.GetType(), actual?.GetType());
        Assert.Equal(expected.GetType(), fromUtf8?.GetType());
    }

    [Fact]
    public void Lists_read_as_json_serializer_reads_them()
    {
        var random = new Random(5);
        var lists = Enumerable.Range(0, 1000)
            .Select(_ => JsonSerializer.Serialize(Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(6) == 0 ? null : Text(random)).ToArray()))
            .Concat(["""[ "a" , "b" ]""", """["a",null]""", "[]", "[\"\\u00e9\"]"]);
        foreach (var json in lists)
        {
            Assert.Equal(JsonSerializer.Deserialize<string[]>(json), PropertyJson.ReadList(json));
            Assert.Equal(JsonSerializer.Deserialize<string[]>(json), PropertyJson.ReadList(Encoding.UTF8.GetBytes(json), _pool));
        }
        foreach (var bad in new[] { """["a",1]""", """["a"] ["b"]""" })
        {
            Assert.ThrowsAny<JsonException>(() => PropertyJson.ReadList(bad));
            Assert.ThrowsAny<JsonException>(() => PropertyJson.ReadList(Encoding.UTF8.GetBytes(bad), _pool));
        }
    }

    private static string Text(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    [Fact]
    public void Short_text_read_from_utf8_is_one_string_however_often_it_is_read()
    {
        var first = PropertyJson.Read("""{"kind":"serving","note":"\u00e9t\u00e9"}"""u8, _pool);
        var second = PropertyJson.Read("""{"kind":"serving","note":"été"}"""u8, _pool);
        Assert.Same(first["kind"], second["kind"]);
        Assert.Same(first["note"], second["note"]); // escaped or not, the same text
        Assert.Same(first.Keys.First(), second.Keys.First());
        var text = new string('y', StringPool.MaxPooledLength + 1); // longer text is made each time
        Assert.NotSame(PropertyJson.Read(Encoding.UTF8.GetBytes($$"""{"k":"{{text}}"}"""), _pool)["k"],
            PropertyJson.Read(Encoding.UTF8.GetBytes($$"""{"k":"{{text}}"}"""), _pool)["k"]);
    }

    private void AssertSameBothWays(string json)
    {
        var expected = PropertyJson.ReadDocument(json);
        foreach (var actual in new[] { PropertyJson.Read(json), PropertyJson.Read(Encoding.UTF8.GetBytes(json), _pool) })
        {
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (key, value) in expected)
                Assert.Equal(value, actual[key]);
        }
    }
}
