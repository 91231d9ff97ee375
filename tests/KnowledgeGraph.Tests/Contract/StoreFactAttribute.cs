namespace KnowledgeGraph.Tests.Contract;

/// <summary>A contract test. Subclass suites for stores that cannot run here skip with a visible reason instead.</summary>
[AttributeUsage(AttributeTargets.Method)]
public class StoreFactAttribute : FactAttribute;
