namespace KnowledgeGraph.Core.Notes;

// The right-of-reply contract of the dataset: any node or relationship may carry "replies", "corrections" and
// "withheld". They are kept beside the fact (by its id), never in its properties, so no store, rule or export that
// reads properties can mistake a note for a fact.

/// <summary>A party's response to a fact: <paramref name="By"/> is a node of the dataset, <paramref name="Position"/> is
/// from <see cref="Model.Vocabularies.ReplyPosition"/>, <paramref name="Summary"/> is in our words.</summary>
public sealed record Reply(string By, string Date, string Position, string Summary, IReadOnlyList<string> Sources);

/// <summary>What changed in a fact, from what to what, when and why. The fact itself holds <paramref name="Now"/>.</summary>
public sealed record Correction(string Date, string Field, string Was, string Now, string Reason, IReadOnlyList<string> Sources);

/// <summary>A fact held back (e.g. a takedown request under review). <paramref name="Until"/> is when the review is due;
/// the fact stays withheld until an editor removes the field, because publishing again must be a human decision.</summary>
public sealed record Withholding(string Since, string Reason, string? Until);

/// <summary>The notes of one fact (node or relationship id).</summary>
public sealed record FactNote(string FactId, IReadOnlyList<Reply> Replies, IReadOnlyList<Correction> Corrections, Withholding? Withheld = null)
{
    public bool IsEmpty => Replies.Count == 0 && Corrections.Count == 0 && Withheld is null;
}
