namespace KnowledgeGraph.BrowserTests; public class PlaceholderTests { [Fact] public void Builds() => Assert.NotNull(typeof(Program)); }
