using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Tests.Model;

public class GraphRelationshipTests
{
    private static readonly PropertyMap NoProperties = PropertyMap.Empty;
    private static readonly string[] Cited = ["source:a"];

    // Random relationships made both ways (keyed: the id made when asked for; and with the id written out), compared
    // pair by pair against the ids as strings: the comparer must agree with string equality and hash alike whatever
    // way each side was made. Parts are drawn from a few short strings so that equal ids, and parts that run together
    // ("b->c" + "c" against "b" + "c->c"), come up often.
    [Fact]
    public void Ids_compare_as_their_strings_whichever_way_each_was_made()
    {
        var random = new Random(11);
        string[] parts = ["a", "b", "a:b", ":b", "b->c", "c->c", "c", "officer:x", "force:y", ""];
        var made = new List<(GraphRelationship Relationship, string Id)>();
        for (var i = 0; i < 400; i++)
        {
            var (type, from, to) = (Pick(), Pick(), Pick());
            var key = random.Next(3) == 0 ? null : Pick();
            var id = GraphRelationship.MakeId(type, from, to, key);
            var keyed = GraphRelationship.Keyed(type, from, to, key, NoProperties, Cited);
            Assert.Equal(id, keyed.Id);
            made.Add((keyed, id));
            made.Add((new GraphRelationship(id, type, from, to, NoProperties, Cited), id));
        }

        var comparer = GraphRelationship.IdComparer;
        foreach (var (x, xId) in made)
        foreach (var (y, yId) in made.Take(200))
        {
            Assert.Equal(xId == yId, comparer.Equals(x, y));
            if (xId == yId) Assert.Equal(comparer.GetHashCode(x), comparer.GetHashCode(y));
        }
        Assert.Equal(made.Select(m => m.Id).Distinct().Count(), made.Select(m => m.Relationship).Distinct(comparer).Count());

        string Pick() => parts[random.Next(parts.Length)];
    }

    [Fact]
    public void A_keyed_relationship_equals_the_one_written_with_its_id()
    {
        var keyed = GraphRelationship.Keyed("SERVED_IN", "officer:a", "unit:b", "2", NoProperties, Cited);
        var written = new GraphRelationship("SERVED_IN:officer:a->unit:b#2", "SERVED_IN", "officer:a", "unit:b", NoProperties, Cited);
        Assert.Equal(written, keyed);
        Assert.Equal(written.GetHashCode(), keyed.GetHashCode());
        Assert.NotEqual(keyed, GraphRelationship.Keyed("SERVED_IN", "officer:a", "unit:b", "3", NoProperties, Cited));
        Assert.NotEqual(written, written with { Sources = ["source:b"] });
    }

    // Victim protection rewrites ends with `with`; the relationship must keep the id it was stored under.
    [Fact]
    public void A_copy_keeps_the_id_of_what_it_copies()
    {
        var keyed = GraphRelationship.Keyed("HAS_VICTIM", "case:a", "victim:b", null, NoProperties, Cited);
        var copy = keyed with { To = "victim:protected" };
        Assert.Equal("HAS_VICTIM:case:a->victim:b", copy.Id);
        Assert.Equal("victim:protected", copy.To);
    }
}
