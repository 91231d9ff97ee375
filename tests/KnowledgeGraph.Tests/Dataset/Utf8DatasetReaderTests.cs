using System.Text;
using KnowledgeGraph.Core.Dataset;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Tests.Dataset;

/// <summary>
/// The UTF-8 reader streams dataset files in place of <see cref="JsonTextReader"/>: every token, value and line must be
/// the one JsonTextReader gives, also where a token straddles two reads of the file; JSON only Newtonsoft takes must
/// make it give up, so the loader reads that file whole with Newtonsoft.
/// </summary>
public class Utf8DatasetReaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_large_file_reads_as_json_text_reader_reads_it_token_by_token(bool byteOrderMark)
    {
        var random = new Random(byteOrderMark ? 3 : 4);
        // Well past the reader's buffer, so tokens are cut by refills at every kind of place.
        var document = new JObject { ["nodes"] = new JArray(Enumerable.Range(0, 3000).Select(_ => ItemJsonTests.RandomObject(random, 0))) };
        var text = RandomJsonLayout.Write(document, random);
        var bytes = (byteOrderMark ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        Assert.True(bytes.Length > 1_000_000, $"{bytes.Length} bytes");

        using var expected = new JsonTextReader(new StreamReader(new MemoryStream(bytes)));
        using var actual = new Utf8DatasetReader(new MemoryStream(bytes), new StringPool());
        var tokens = 0;
        while (true)
        {
            bool more;
            do more = expected.Read(); while (more && expected.TokenType == JsonToken.Comment);
            Assert.Equal(more, actual.Read());
            if (!more) break;
            var at = $"token {tokens} ({expected.Path}, line {expected.LineNumber})";
            Assert.True(expected.TokenType == actual.TokenType, $"{actual.TokenType} at {at}");
            Assert.True(Equals(expected.Value, actual.Value), $"'{actual.Value}' at {at}");
            Assert.True(expected.ValueType == actual.ValueType, $"{actual.ValueType} at {at}");
            Assert.True(expected.LineNumber == ((IJsonLineInfo)actual).LineNumber, $"line {((IJsonLineInfo)actual).LineNumber} at {at}");
            tokens++;
        }
        Assert.True(tokens > 20_000, $"{tokens} tokens");
    }

    [Fact]
    public void Strings_are_handed_out_once_per_text()
    {
        var pool = new StringPool();
        using var reader = new Utf8DatasetReader(new MemoryStream("""["force:kent", "force:kent", "force:k\u0065nt"]"""u8.ToArray()), pool);
        var texts = new List<string>();
        while (reader.Read())
            if (reader.TokenType == JsonToken.String) texts.Add((string)reader.Value!);
        Assert.Equal(3, texts.Count);
        Assert.All(texts, t => Assert.Same(texts[0], t));
        Assert.Same(texts[0], pool.Share(new string("force:kent")));
    }

    // What JsonTextReader takes and the UTF-8 reader does not: each must end its reading, not read differently.
    [Theory]
    [InlineData("{ 'nodes': [] }")]
    [InlineData("{ nodes: [] }")]
    [InlineData("{ \"nodes\": [ { \"id\": NaN } ] }")]
    [InlineData("{ \"nodes\": [ { \"id\": 0x1F } ] }")]
    [InlineData("{ \"nodes\": [ { \"name\": \"a\nb\" } ] }")]
    [InlineData("{ \"nodes\": [ 1, 2, ] }")]
    public void Json_only_newtonsoft_takes_ends_the_stream(string text)
    {
        using var reader = new Utf8DatasetReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new StringPool());
        Assert.Throws<JsonReaderException>(() => { while (reader.Read()) { } });
    }

    // The loader then reads the file whole: the same dataset as from the plain UTF-8 file.
    [Theory]
    [InlineData("utf-16")]
    [InlineData("single-quotes")]
    public void A_file_the_stream_cannot_take_loads_as_the_plain_file_does(string variant)
    {
        var plain = new DatasetBuilder().ToJson();
        var directory = Path.Combine(Path.GetTempPath(), "kg-utf8-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, "test.json");
            if (variant == "utf-16") File.WriteAllText(path, plain, Encoding.Unicode);
            else File.WriteAllText(path, plain.Replace("\"id\": \"org:paper\"", "'id': 'org:paper'"));
            Assert.NotEqual(Encoding.UTF8.GetBytes(plain), File.ReadAllBytes(path));

            var loaded = DatasetLoader.Load(directory);
            var expected = DatasetLoader.LoadDocuments([("test.json", plain)]);
            Assert.Empty(loaded.Errors);
            Assert.Equal(expected.Dataset!.Nodes.Select(n => n.Id + n.Name), loaded.Dataset!.Nodes.Select(n => n.Id + n.Name));
            Assert.Equal(expected.Dataset.Relationships.Select(r => r.Id), loaded.Dataset.Relationships.Select(r => r.Id));
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }
}
