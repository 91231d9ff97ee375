using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Tests.Model;

public class PropertyMapTests
{
    // Random bags checked against a Dictionary filled the same way: same answers to every lookup, entries in ordinal
    // key order, and the same stored text.
    [Fact]
    public void A_map_answers_as_the_dictionary_filled_the_same_way()
    {
        var random = new Random(7);
        string[] keys = ["from", "to", "rank", "Rank", "role", "legalStatus", "categories", "identified", "a", "b", "zz"];
        for (var round = 0; round < 500; round++)
        {
            var pairs = Enumerable.Range(0, random.Next(0, 14))
                .Select(_ => new KeyValuePair<string, object?>(keys[random.Next(keys.Length)], Value(random)))
                .ToList();
            var expected = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs) expected[key] = value; // a repeated key keeps its last value

            var map = PropertyMap.Of(pairs);

            Assert.Equal(expected.Count, map.Count);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), map.Keys);
            foreach (var key in keys.Append("missing"))
            {
                Assert.Equal(expected.TryGetValue(key, out var want), map.TryGetValue(key, out var got));
                Assert.Equal(want, got);
                Assert.Equal(expected.ContainsKey(key), map.ContainsKey(key));
            }
            Assert.Equal(PropertyJson.Write(expected), PropertyJson.Write(map));
            // Stored text leaves out null values, and reads back as the rest of the map.
            Assert.Equal(map.Where(p => p.Value is not null), PropertyJson.Read(PropertyJson.Write(map)), new PairComparer());
        }
    }

    [Fact]
    public void A_builder_hands_over_each_item_on_its_own()
    {
        var builder = new PropertyMap.Builder();
        builder.Set("to", "2012");
        builder.Set("from", "2010");
        var first = builder.Build();
        builder.Set("rank", "Sergeant");
        var second = builder.Build();

        Assert.Equal(["from", "to"], first.Keys);
        Assert.Equal(["rank"], second.Keys);
        Assert.Same(PropertyMap.Empty, builder.Build());
        Assert.Throws<KeyNotFoundException>(() => second["from"]);
    }

    private static object? Value(Random random) => random.Next(5) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => new[] { "x", "y\"quoted\"" }[..random.Next(1, 3)],
        _ => $"value {random.Next(100)} é",
    };

    private sealed class PairComparer : IEqualityComparer<KeyValuePair<string, object?>>
    {
        public bool Equals(KeyValuePair<string, object?> a, KeyValuePair<string, object?> b) =>
            a.Key == b.Key && (a.Value is string[] x && b.Value is string[] y ? x.SequenceEqual(y) : Equals(a.Value, b.Value));

        public int GetHashCode(KeyValuePair<string, object?> pair) => pair.Key.GetHashCode();
    }
}
