using FuzzySharp;
using KnowledgeGraph.Core.Model;

namespace KnowledgeGraph.Documents;

/// <summary>What a name in a document can point at: a node already in the dataset or a gazetteer entry.</summary>
public sealed record NameTarget(string Id, string Label, string Name, string? Kind, bool InDataset);

/// <summary>A place in the document where a known name occurs.</summary>
public sealed record NameHit(NameTarget Target, string Form, int Start, int End, int TokenIndex, int TokenCount);

/// <summary>
/// Every name and alias of the dataset's officers, forces, units, organisations and people, and of the gazetteer,
/// keyed by folded words. Scanning a document costs one dictionary look-up per word and phrase length, so it grows
/// with the document, not with the dataset.
/// </summary>
public sealed class NameIndex
{
    private readonly Dictionary<string, List<(NameTarget Target, string Form, bool CaseSensitive)>> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Folded, NameTarget Target)>> _fuzzyBuckets = new(StringComparer.Ordinal);
    private int _longest = 1;

    private static readonly HashSet<string> IndexedLabels = [Labels.Officer, Labels.Force, Labels.Unit, Labels.Organisation, Labels.Person];

    public static NameIndex Build(Dataset? dataset)
    {
        var index = new NameIndex();
        var inDataset = new HashSet<string>(StringComparer.Ordinal);
        if (dataset is not null)
            foreach (var node in dataset.Nodes.Where(n => IndexedLabels.Contains(n.Label)))
            {
                if (node.Label == Labels.Officer && node.Properties.GetValueOrDefault("identified") is false) continue;
                var target = new NameTarget(node.Id, node.Label, node.Name, node.Text("kind"), true);
                foreach (var form in node.Aliases.Prepend(node.Name)) index.Add(form, target);
                if (node.Label is Labels.Officer or Labels.Person) index.AddFuzzy(node.Name, target);
                inDataset.Add(TextFolding.Fold(node.Name));
                foreach (var alias in node.Aliases) inDataset.Add(TextFolding.Fold(alias));
            }
        // A gazetteer entry whose name the dataset already has is the dataset's node, not a new candidate.
        foreach (var entry in Gazetteer.Forces.Concat(Gazetteer.Organisations))
        {
            var forms = entry.Aliases.Prepend(entry.Name).ToList();
            var existing = forms.Select(f => index.Lookup(TextFolding.Fold(f))).FirstOrDefault(t => t is { InDataset: true } && t.Label == entry.Label);
            var target = existing ?? new NameTarget(entry.Id, entry.Label, entry.Name, entry.Kind, false);
            foreach (var form in forms) index.Add(form, target);
        }
        return index;
    }

    private NameTarget? Lookup(string folded) =>
        _forms.TryGetValue(folded, out var list) ? list.FirstOrDefault(e => e.Target.InDataset).Target : null;

    public void Add(string form, NameTarget target)
    {
        var tokens = TextFolding.Tokenise(form);
        if (tokens.Count == 0) return;
        var key = string.Join(' ', tokens.Select(t => t.Folded));
        // One-word forms ("Met", "PA", "Liberty") must match as written, or "he met her" would be the Met.
        var caseSensitive = tokens.Count == 1;
        if (!_forms.TryGetValue(key, out var list)) _forms[key] = list = [];
        if (!list.Any(e => e.Target.Id == target.Id && e.Form == form)) list.Add((target, tokens.Count == 1 ? tokens[0].Text : form, caseSensitive));
        _longest = Math.Max(_longest, tokens.Count);
    }

    private void AddFuzzy(string name, NameTarget target)
    {
        var folded = TextFolding.Fold(name);
        var words = folded.Split(' ');
        if (words.Length < 2) return;
        var bucket = BucketOf(words);
        if (!_fuzzyBuckets.TryGetValue(bucket, out var list)) _fuzzyBuckets[bucket] = list = [];
        list.Add((folded, target));
    }

    // Names are compared only within a bucket (first letter of the first and last word), so the cost of a fuzzy
    // look-up stays small at national size.
    private static string BucketOf(string[] words) => $"{words[0][0]}{words[^1][0]}";

    /// <summary>The closest dataset officer or person to a full name whose spelling differs slightly (score ≥ 90).</summary>
    public (NameTarget Target, int Score)? FindFuzzy(string name, string label)
    {
        var folded = TextFolding.Fold(name);
        var words = folded.Split(' ');
        if (words.Length < 2 || !_fuzzyBuckets.TryGetValue(BucketOf(words), out var list)) return null;
        (NameTarget, int)? best = null;
        foreach (var (candidate, target) in list)
        {
            if (target.Label != label) continue;
            var score = Fuzz.Ratio(folded, candidate);
            if (score >= 90 && (best is null || score > best.Value.Item2)) best = (target, score);
        }
        return best;
    }

    /// <summary>The exact dataset or gazetteer target for a whole name, folded.</summary>
    public NameTarget? Find(string name, string? label = null)
    {
        var folded = TextFolding.Fold(name);
        if (!_forms.TryGetValue(folded, out var list)) return null;
        var matches = list.Where(e => label is null || e.Target.Label == label).Select(e => e.Target).DistinctBy(t => t.Id).ToList();
        return matches.Count == 0 ? null : matches.FirstOrDefault(t => t.InDataset) ?? matches[0];
    }

    /// <summary>Every known name in the text, without overlaps: the longest phrase wins, also over a shorter one that
    /// starts earlier ("the Independent Office for Police Conduct" is the IOPC, not "The Independent").</summary>
    public IReadOnlyList<NameHit> Scan(IReadOnlyList<Token> tokens)
    {
        var best = new NameHit?[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
            for (var n = Math.Min(_longest, tokens.Count - i); n >= 1; n--)
                if (Match(tokens, i, n) is { } hit) { best[i] = hit; break; }
        var hits = new List<NameHit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (best[i] is not { } hit) continue;
            var end = i + hit.TokenCount;
            var beaten = false;
            for (var j = i + 1; j < end && !beaten; j++) beaten = best[j] is { } other && j + other.TokenCount > end;
            if (beaten) continue;
            hits.Add(hit);
            i = end - 1;
        }
        return hits;
    }

    private NameHit? Match(IReadOnlyList<Token> tokens, int i, int n)
    {
        var key = n == 1 ? tokens[i].Folded : string.Join(' ', Enumerable.Range(i, n).Select(k => tokens[k].Folded));
        if (!_forms.TryGetValue(key, out var list)) return null;
        // A one-word name must be written as in the list; in a longer one, a word the list capitalises must be
        // capitalised in the text ("The Independent" is not "the independent inquiry").
        var targets = list.Where(e => e.CaseSensitive ? e.Form == tokens[i].Text : CapitalsAgree(e.Form, tokens, i, n)).ToList();
        if (targets.Count == 0) return null;
        var distinct = targets.Select(e => e.Target).DistinctBy(t => t.Id).ToList();
        var inDataset = distinct.Where(t => t.InDataset).ToList();
        if (inDataset.Count > 1) return null; // two dataset nodes share the name: leave it to the reviewer
        var target = inDataset.Count == 1 ? inDataset[0] : distinct[0];
        return new NameHit(target, targets.First(e => e.Target.Id == target.Id).Form, tokens[i].Start, tokens[i + n - 1].End, i, n);
    }

    private static bool CapitalsAgree(string form, IReadOnlyList<Token> tokens, int i, int n)
    {
        var formTokens = TextFolding.Tokenise(form);
        for (var k = 0; k < n && k < formTokens.Count; k++)
            if (char.IsUpper(formTokens[k].Text[0]) && !char.IsUpper(tokens[i + k].Text[0])) return false;
        return true;
    }
}
