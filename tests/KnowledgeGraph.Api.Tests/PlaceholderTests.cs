namespace KnowledgeGraph.Api.Tests; public class PlaceholderTests { [Fact] public void Builds() => Assert.NotNull(typeof(Program)); }
