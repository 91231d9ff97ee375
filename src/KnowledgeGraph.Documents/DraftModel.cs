using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Documents;

/// <summary>What the person drafting knows that the document may not say.</summary>
public sealed record DraftOptions(string? Url = null, string? Published = null, string? Publisher = null, string? Kind = null);

/// <summary>A node already in the dataset that the document names, with every place it is named.</summary>
public sealed record Mention(string NodeId, string Label, string Name, string Match, IReadOnlyList<(int Start, int End)> Ranges);

/// <summary>A node or relationship the drafter proposes; <see cref="Item"/> is dataset JSON without the review marker.</summary>
public sealed record Proposal(JObject Item, string Why, IReadOnlyList<(int Start, int End)> Evidence);

/// <summary>
/// Something a person must look at that is not a proposal, such as a possible victim name. It carries the place
/// only: <see cref="Note"/> is for the terminal and never holds the name.
/// </summary>
public sealed record DraftCheck(string Check, int Start, int End, string Note);

/// <summary>The drafter's result: written to a draft file by <see cref="DraftFile"/>.</summary>
public sealed record Draft(
    DocumentText Document,
    string Sha256,
    string? DocumentDate,
    string? DocumentDateBasis,
    string SourceId,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<Proposal> Nodes,
    IReadOnlyList<Proposal> Relationships,
    IReadOnlyList<DraftCheck> Checks)
{
    public IEnumerable<Proposal> ProposedNodes(string label) => Nodes.Where(p => (string?)p.Item["label"] == label);
}
