using System.Text;
using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Core.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Tests.Dataset;

/// <summary>
/// A dataset file is streamed one item at a time; a file the stream cannot take is parsed whole. The two must give the
/// same errors (file, line, path, message, in order) and the same dataset, for files broken at random and laid out at
/// random.
/// </summary>
public class DatasetStreamingTests
{
    [Fact]
    public void A_streamed_file_gives_the_errors_and_items_of_the_file_parsed_whole()
    {
        var random = new Random(5);
        var valid = 0;
        for (var round = 0; round < 300; round++)
        {
            var json = JObject.Parse(new DatasetBuilder().ToJson());
            for (var i = random.Next(0, 4); i > 0; i--) Mutations[random.Next(Mutations.Length)](json, random);
            var text = RandomJsonLayout.Write(json, random);

            var wholeErrors = new List<DatasetError>();
            var whole = new DatasetValidator(wholeErrors);
            whole.ReadFile("f.json", (JObject)JToken.Parse(text, DatasetLoader.Settings));
            var wholeDataset = whole.Finish();

            var streamedErrors = new List<DatasetError>();
            var streamed = new DatasetValidator(streamedErrors);
            using (var reader = new Utf8DatasetReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), streamed.Strings))
            {
                do Assert.True(reader.Read()); while (reader.TokenType == JsonToken.Comment);
                streamed.ReadFile("f.json", reader);
            }
            var streamedDataset = streamed.Finish();

            Assert.True(wholeErrors.SequenceEqual(streamedErrors),
                $"whole:\n{string.Join("\n", wholeErrors)}\nstreamed:\n{string.Join("\n", streamedErrors)}\nin:\n{text}");
            Assert.Equal(Describe(wholeDataset), Describe(streamedDataset));
            if (wholeErrors.Count == 0) valid++;
        }
        // Both kinds of file were met: the comparison covers items kept as well as errors.
        Assert.InRange(valid, 20, 280);
    }

    private static string Describe(Core.Model.Dataset dataset) => string.Join("\n",
        dataset.Nodes.Select(n => $"{n.Id} {n.Label} {n.Name} [{string.Join("|", n.Aliases)}] {PropertyJson.Write(n.Properties)} [{string.Join("|", n.Sources)}]")
            .Concat(dataset.Relationships.Select(r => $"{r.Id} {r.Type} {r.From} {r.To} {PropertyJson.Write(r.Properties)} [{string.Join("|", r.Sources)}]"))
            .Concat(dataset.FactNotes.Select(n => $"{n.FactId} {n.Replies.Count} {n.Corrections.Count} {n.Withheld?.Since}")));

    private static JObject Item(JObject json, Random random)
    {
        var items = json.Properties().Where(p => p.Value is JArray).SelectMany(p => ((JArray)p.Value).OfType<JObject>()).ToList();
        return items.Count == 0 ? new JObject() : items[random.Next(items.Count)];
    }

    private static readonly JToken[] WrongValues = [5, "", "  ", JValue.CreateNull(), new JArray(), new JArray(3), new JObject(), true, "2020-13", "present"];

    private static readonly Action<JObject, Random>[] Mutations =
    [
        // a key left out
        (json, random) => { var item = Item(json, random); if (item.Count > 0) item.Properties().ElementAt(random.Next(item.Count)).Remove(); },
        // a value of the wrong kind, on the item or in its properties
        (json, random) =>
        {
            var item = Item(json, random);
            var target = item["properties"] is JObject props && random.Next(2) == 0 ? props : item;
            if (target.Count > 0) target.Properties().ElementAt(random.Next(target.Count)).Value = WrongValues[random.Next(WrongValues.Length)].DeepClone();
        },
        // an unknown key, on the item, in its properties, or at the top level (with a quoted name)
        (json, random) => Item(json, random)["colour"] = "blue",
        (json, random) => { if (Item(json, random)["properties"] is JObject props) props["shoe size"] = "9"; },
        (json, _) => json["extra stuff"] = new JObject { ["a"] = new JArray(1, 2) },
        (json, _) => json["description"] = "allowed",
        // an entry that is not an object, a list that is not an array
        (json, random) => (json[random.Next(2) == 0 ? "nodes" : "relationships"] as JArray)?.Insert(0, 42),
        (json, random) => { if (random.Next(4) == 0) json[random.Next(2) == 0 ? "nodes" : "relationships"] = "none"; },
        // relationships before nodes
        (json, _) => { if (json["nodes"] is { } nodes) { json.Remove("nodes"); json["nodes"] = nodes; } },
        // an id repeated
        (json, random) => { if (json["nodes"] is JArray { Count: > 0 } nodes) nodes.Add(nodes[random.Next(nodes.Count)].DeepClone()); },
        // notes, well formed or not
        (json, random) => Item(json, random)["replies"] = new JArray(new JObject
        {
            ["by"] = random.Next(2) == 0 ? "officer:pc-one" : "officer:nobody", ["date"] = "2021-02", ["position"] = "denies",
            ["summary"] = "The officer replied.", ["sources"] = new JArray("source:doc"),
        }),
        (json, random) => Item(json, random)["withheld"] = random.Next(2) == 0 ? 5 : new JObject { ["since"] = "2022", ["reason"] = "legal", ["extra"] = 1 },
        (json, random) => Item(json, random)["corrections"] = new JArray(new JObject
        {
            ["date"] = "2021", ["field"] = "name", ["was"] = 3, ["now"] = 3, ["reason"] = "typo", ["sources"] = new JArray("source:doc"),
        }),
        // citations as objects, with and without a locator, and broken
        (json, random) => Item(json, random)["sources"] = new JArray(new JObject { ["source"] = "source:doc", ["locator"] = "p. 4" }, "source:doc",
            random.Next(2) == 0 ? new JObject { ["source"] = "source:doc#p. 2" } : new JObject { ["source"] = "source:doc", ["page"] = 2 }),
    ];
}
