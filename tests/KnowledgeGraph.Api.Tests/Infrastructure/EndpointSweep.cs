using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>One read of the API a sweep makes; <see cref="About"/> is the node the answer is about (its own detail,
/// neighbourhood or co-workers), null when the answer is about something else.</summary>
public sealed record SweptUrl(string Url, string? About, bool IsNodeDetail);

/// <summary>
/// Every per-node read of the API, in one place, so the sweeps that prove something never leaks (protected victims,
/// withheld facts) walk the same endpoints, and an endpoint added here is swept by both.
/// </summary>
public static class EndpointSweep
{
    public static IEnumerable<SweptUrl> PerNode(GraphNode node)
    {
        yield return new($"/api/nodes/{node.Id}", node.Id, true);
        yield return new($"/api/nodes/{node.Id}/neighbourhood?depth=2&limit=500", node.Id, false);
        switch (node.Label)
        {
            case Labels.Officer:
                yield return new($"/api/officers/{node.Id}/served-together?scope=force", node.Id, false);
                yield return new($"/api/officers/{node.Id}/served-together?scope=unit", node.Id, false);
                break;
            case Labels.Force or Labels.Unit:
                yield return new($"/api/organisations/{node.Id}/served-together?limit=500", null, false);
                break;
            case Labels.Case:
                yield return new($"/api/cases/{node.Id}/timeline", null, false);
                yield return new($"/api/cases/{node.Id}/connections?limit=500", null, false);
                break;
            case Labels.Source:
                yield return new($"/api/sources/{node.Id}", null, false);
                break;
        }
    }
}
