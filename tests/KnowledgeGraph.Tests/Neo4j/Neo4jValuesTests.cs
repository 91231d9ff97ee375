using System.Text.Json;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Tests.Neo4j;

public sealed class Neo4jValuesTests
{
    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    [Fact]
    public void A_node_reads_back_as_the_model_node_with_native_lists_and_booleans_and_without_storage_fields()
    {
        var node = Neo4jValues.ToNode(Json(FakeQueryApi.Node("Officer", new()
        {
            ["id"] = "officer:mark-connor", ["name"] = "Mark Connor", ["aliases"] = new[] { "DC Connor" },
            ["sources"] = new[] { "source:a", "source:b" }, ["searchText"] = "mark connor dc connor",
            ["identified"] = true, ["status"] = "dismissed",
        })));

        Assert.Equal(("officer:mark-connor", "Officer", "Mark Connor"), (node.Id, node.Label, node.Name));
        Assert.Equal(["DC Connor"], node.Aliases);
        Assert.Equal(["source:a", "source:b"], node.Sources);
        Assert.Equal(["identified", "status"], node.Properties.Keys);
        Assert.Equal(true, node.Properties["identified"]);
    }

    [Fact]
    public void A_victim_role_never_reads_back_a_stored_name_or_alias()
    {
        var node = Neo4jValues.ToNode(Json(FakeQueryApi.Node("VictimRole", new()
        {
            ["id"] = "victim:x", ["name"] = "Canary Realname", ["aliases"] = new[] { "Canary" }, ["sources"] = new[] { "source:a" },
            ["role"] = "complainant", ["descriptor"] = "a woman who reported a neighbour", ["anonymity"] = "protected",
        })));

        Assert.Equal("Complainant: a woman who reported a neighbour", node.Name);
        Assert.Empty(node.Aliases);
    }

    [Fact]
    public void A_path_keeps_each_relationships_own_direction_from_its_element_ids()
    {
        // (a)<-[:SERVED_IN]-(b): the path runs a → b, the relationship b → a.
        var path = Json(new object[]
        {
            FakeQueryApi.Node("Force", new() { ["id"] = "force:met", ["name"] = "Met" }, "4:db:1"),
            FakeQueryApi.Relationship("SERVED_IN", "4:db:2", "4:db:1", new() { ["id"] = "SERVED_IN:officer:b->force:met", ["sources"] = new[] { "source:s" }, ["rank"] = "PC" }),
            FakeQueryApi.Node("Officer", new() { ["id"] = "officer:b", ["name"] = "B" }, "4:db:2"),
        });

        var (nodes, relationships) = Neo4jValues.ToPath(path);

        Assert.Equal(["force:met", "officer:b"], nodes.Select(n => n.Id));
        var hop = Assert.Single(relationships);
        Assert.Equal(("officer:b", "force:met", "SERVED_IN"), (hop.From, hop.To, hop.Type));
        Assert.Equal(["source:s"], hop.Sources);
        Assert.Equal("PC", hop.Properties["rank"]);
        Assert.False(hop.Properties.ContainsKey("id"));
    }

    [Fact]
    public void Stored_properties_hold_the_identity_fields_natively_and_a_search_text_like_the_embedded_stores_tokens()
    {
        var node = new GraphNode("officer:o-brien", "Officer", "Séan O'Brien", ["PC O'Brien"],
            new Dictionary<string, object?> { ["identified"] = true, ["rank"] = null }, ["source:a"]);
        var stored = Neo4jValues.StoredProperties(node);

        Assert.Equal("officer:o-brien", stored["id"]);
        Assert.Equal(new[] { "PC O'Brien" }, stored["aliases"]);
        Assert.Equal(new[] { "source:a" }, stored["sources"]);
        Assert.Equal(true, stored["identified"]);
        Assert.False(stored.ContainsKey("rank")); // Neo4j cannot store null; absent is the same thing
        Assert.Equal("sean o brien pc o brien", stored["searchText"]);
    }

    [Theory]
    [InlineData("carr", "+carr*")]
    [InlineData("  Carr  DAV ", "+carr* +dav*")]
    [InlineData("Émile (AND) o'brien*", "+emile* +and* +o* +brien*")]
    [InlineData(" -:* ", null)]
    public void Typed_words_become_a_lucene_prefix_query_with_nothing_left_of_lucene_syntax(string typed, string? expected) =>
        Assert.Equal(expected, Neo4jValues.LuceneQuery(typed));
}
