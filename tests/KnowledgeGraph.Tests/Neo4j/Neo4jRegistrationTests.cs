using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Tests.Neo4j;

public sealed class Neo4jRegistrationTests
{
    [Fact]
    public void The_store_binds_its_options_from_the_Neo4j_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = "http://graph.internal:7474", ["Neo4j:User"] = "reader", ["Neo4j:Password"] = "pw",
            ["Neo4j:Database"] = "cases", ["Neo4j:QueryTimeout"] = "00:00:05", ["Neo4j:BatchSize"] = "250",
        }).Build();
        var options = Neo4jOptions.FromConfiguration(configuration);
        if (Environment.GetEnvironmentVariable("NEO4J_URI") is null)
            Assert.Equal((new Uri("http://graph.internal:7474"), "reader", "pw", "cases"), (options.Uri, options.User, options.Password, options.Database));
        Assert.Equal((TimeSpan.FromSeconds(5), 250), (options.QueryTimeout, options.BatchSize));
        Assert.IsType<Neo4jGraphStore>(Neo4jGraphStoreFactory.Create(options));
    }
}
