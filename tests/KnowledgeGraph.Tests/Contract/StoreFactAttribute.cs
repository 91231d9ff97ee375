using Xunit.Abstractions;
using Xunit.Sdk;

namespace KnowledgeGraph.Tests.Contract;

/// <summary>A contract test. Subclass suites for stores that cannot run here skip with a visible reason instead:
/// mark the suite class with <see cref="SkipStoreUnlessAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("KnowledgeGraph.Tests.Contract.StoreFactDiscoverer", "KnowledgeGraph.Tests")]
public class StoreFactAttribute : FactAttribute;

/// <summary>Names a static string property on <paramref name="holder"/> giving why the suite cannot run (null: it can).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SkipStoreUnlessAttribute(Type holder, string skipReasonProperty) : Attribute
{
    public string? SkipReason => holder.GetProperty(skipReasonProperty)?.GetValue(null) as string;
}

/// <summary>
/// Contract tests are declared once on the abstract suite, so the skip has to be decided per concrete class: the
/// discoverer sees which subclass it is enumerating and skips every test of it, with the reason, when that store is absent.
/// </summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _facts = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var skip = testMethod.TestClass.Class.GetCustomAttributes(typeof(SkipStoreUnlessAttribute)).FirstOrDefault();
        var reason = skip is null ? null : ((SkipStoreUnlessAttribute)((IReflectionAttributeInfo)skip).Attribute).SkipReason;
        if (reason is null) return _facts.Discover(discoveryOptions, testMethod, factAttribute);
        return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason, null)];
    }
}
