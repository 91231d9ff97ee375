using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Every node's shown name, label and aliases in memory, so search finds its candidates without reading the long
/// lists of common words ("case", "smith") that made FTS5 slow at national size. It finds the candidates only;
/// <see cref="SearchRanking"/> orders them. The candidates are exactly enough: they always hold the first
/// <c>limit + 1</c> of every matching node in SearchRanking's order, so its page and its <c>truncated</c> flag are those of
/// ranking every match, and they are no more than that.
/// <para>
/// A node matches, as with FTS5, when every query word (<see cref="SearchRanking.Words"/>) starts a word of its name or of
/// an alias, after <see cref="Unicode61Folding"/>; and, if asked, it has the label. Nodes are numbered by their place in
/// SearchRanking's order within a tier (name ignoring case, then id), so "earlier in the answer" is "smaller number"
/// and a tier's best are its smallest numbers. Words are numbered in ordinal order, so the words starting with a prefix
/// are one range of numbers. Compact: arrays of numbers (CSR: the entries of <c>x</c> are <c>[starts[x], starts[x + 1])</c>),
/// names interned. Built from the file and never changed; dropped after an import.
/// </para>
/// </summary>
internal sealed class SqliteNameIndex
{
    private readonly string[] _ids, _names;
    private readonly byte[] _labels;
    private readonly string[] _labelNames;
    private readonly int[][] _byLabel;
    private readonly Dictionary<int, IReadOnlyList<string>> _aliases;
    // Folded words of names and aliases, and the name words SearchRanking's tiers look at, in one ordinal dictionary.
    private readonly string[] _terms;
    private readonly int[] _postingStarts, _postings;
    private readonly int[] _tokenStarts, _tokens;
    private readonly int[] _wordStarts, _words;

    private SqliteNameIndex(string[] ids, string[] names, byte[] labels, string[] labelNames, Dictionary<int, IReadOnlyList<string>> aliases,
        string[] terms, int[] tokenStarts, int[] tokens, int[] wordStarts, int[] words)
    {
        (_ids, _names, _labels, _labelNames, _aliases) = (ids, names, labels, labelNames, aliases);
        (_terms, _tokenStarts, _tokens, _wordStarts, _words) = (terms, tokenStarts, tokens, wordStarts, words);
        _byLabel = ByLabel(labels, labelNames.Length);
        (_postingStarts, _postings) = Invert(tokenStarts, tokens, terms.Length);
    }

    /// <summary>The nodes SearchRanking needs to rank to answer <paramref name="text"/> exactly (see the class summary).</summary>
    public IReadOnlyList<SearchHit> Candidates(string text, string? label, int limit)
    {
        var words = SearchRanking.Words(text);
        if (words.Count == 0) return [];
        var labelNumber = label is null ? -1 : Array.IndexOf(_labelNames, label);
        if (label is not null && labelNumber < 0) return [];
        var ranges = new (int Start, int End)[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            ranges[i] = TermsStartingWith(Unicode61Folding.Fold(words[i]));
            if (ranges[i].Start == ranges[i].End) return [];
        }

        var wanted = limit + 1;
        var chosen = new List<int>(Math.Min(wanted, 64));
        // Tiers 0 and 1 (the name equals or starts with the query) are one run of numbers, already in answer order.
        var run = NamesStartingWith(text.Trim());
        var scope = labelNumber < 0 ? null : _byLabel[labelNumber];
        var (first, end) = scope is null ? run : (LowerBound(scope, run.From), LowerBound(scope, run.To));
        // Such a name holds every query word, so this loop takes about `wanted` steps, however long the run.
        for (var i = first; i < end && chosen.Count < wanted; i++)
        {
            var node = scope?[i] ?? i;
            if (MatchesAll(node, ranges, except: -1)) chosen.Add(node);
        }
        if (chosen.Count < wanted)
            chosen.AddRange(BestOfLowerTiers(ranges, labelNumber, words[0], run, wanted - chosen.Count));
        return chosen.Select(Hit).ToList();
    }

    private SearchHit Hit(int node) =>
        new(_ids[node], _labelNames[_labels[node]], _names[node], _aliases.GetValueOrDefault(node) ?? []);

    /// <summary>
    /// The first <paramref name="needed"/> matches outside <paramref name="run"/> (tiers 0 and 1) in tier 2 (a name word
    /// starts with the first query word, unfolded, as SearchRanking reads it) and, if tier 2 has fewer, the first of tier 3.
    /// <para>
    /// The matches are walked from the shortest list that holds them all: the nodes with the label, or the nodes with a
    /// word starting with one of the query words, whichever word has fewest. Each list is in number order, so once tier 2
    /// has its <paramref name="needed"/> best, a list stops at the first node beyond them. The cost is bounded by that
    /// shortest list and is usually far smaller (tier 2 fills early); what can still cost all of it is a query whose
    /// words are each common but seldom together, or one that matches mostly in tier 3 (through aliases or accents).
    /// </para>
    /// </summary>
    private List<int> BestOfLowerTiers((int Start, int End)[] ranges, int labelNumber, string firstWord, (int From, int To) run, int needed)
    {
        var tierTwo = new SmallestNumbers(needed);
        var tierThree = new SmallestNumbers(needed);
        var named = TermsStartingWith(firstWord);
        bool Beyond(int node) => tierTwo.IsFull && node > tierTwo.Largest;
        void Offer(int node, int except)
        {
            if (node >= run.From && node < run.To || !MatchesAll(node, ranges, except)) return;
            (Has(_wordStarts, _words, node, named) ? tierTwo : tierThree).Offer(node);
        }

        var driver = -1;
        var shortest = labelNumber < 0 ? int.MaxValue : _byLabel[labelNumber].Length;
        for (var i = 0; i < ranges.Length; i++)
        {
            var postings = _postingStarts[ranges[i].End] - _postingStarts[ranges[i].Start];
            if (postings < shortest) (driver, shortest) = (i, postings);
        }

        if (driver < 0)
        {
            foreach (var node in _byLabel[labelNumber])
            {
                if (Beyond(node)) break;
                Offer(node, except: -1);
            }
        }
        else
        {
            var (start, end) = ranges[driver];
            for (var term = start; term < end; term++)
                for (var at = _postingStarts[term]; at < _postingStarts[term + 1]; at++)
                {
                    var node = _postings[at];
                    if (Beyond(node)) break;
                    // A node with several words in the range is taken at the first of them only.
                    if (labelNumber >= 0 && _labels[node] != labelNumber || FirstIn(_tokenStarts, _tokens, node, start) != term) continue;
                    Offer(node, except: driver);
                }
        }

        var best = tierTwo.Ascending();
        if (best.Count < needed) best.AddRange(tierThree.Ascending().Take(needed - best.Count));
        return best;
    }

    private bool MatchesAll(int node, (int Start, int End)[] ranges, int except)
    {
        for (var i = 0; i < ranges.Length; i++)
            if (i != except && !Has(_tokenStarts, _tokens, node, ranges[i])) return false;
        return true;
    }

    private static bool Has(int[] starts, int[] terms, int node, (int Start, int End) range) =>
        FirstIn(starts, terms, node, range.Start) < range.End;

    /// <summary>The node's smallest term number that is at least <paramref name="atLeast"/>, or int.MaxValue.</summary>
    private static int FirstIn(int[] starts, int[] terms, int node, int atLeast)
    {
        for (var at = starts[node]; at < starts[node + 1]; at++)
            if (terms[at] >= atLeast) return terms[at];
        return int.MaxValue;
    }

    /// <summary>The terms starting with <paramref name="prefix"/> (ordinal): one range, as terms are in ordinal order.</summary>
    private (int Start, int End) TermsStartingWith(string prefix)
    {
        var start = First(_terms.Length, t => string.CompareOrdinal(_terms[t], prefix) >= 0);
        var end = First(_terms.Length, t => t >= start && !_terms[t].StartsWith(prefix, StringComparison.Ordinal));
        return (start, end);
    }

    /// <summary>The nodes whose name starts with <paramref name="prefix"/> ignoring case: one run, as nodes are in name order.</summary>
    private (int From, int To) NamesStartingWith(string prefix)
    {
        var from = First(_names.Length, n => string.Compare(_names[n], prefix, StringComparison.OrdinalIgnoreCase) >= 0);
        var to = First(_names.Length, n => n >= from && !_names[n].StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        return (from, to);
    }

    /// <summary>The first of <c>0..count</c> for which a predicate that is false, then true, holds (count if none).</summary>
    private static int First(int count, Func<int, bool> holds)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (holds(mid)) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var at = Array.BinarySearch(sorted, value);
        return at < 0 ? ~at : at;
    }

    /// <summary>Numbers the nodes in name order (ignoring case), then id, and reads their words.</summary>
    public static SqliteNameIndex Build(IReadOnlyList<SearchHit> nodes)
    {
        var order = Enumerable.Range(0, nodes.Count).ToArray();
        var byName = nodes.Select(n => n.Name).ToArray();
        Array.Sort(byName, order, StringComparer.OrdinalIgnoreCase);
        // Names equal but for case are in id order, SearchRanking's last key.
        for (var run = 0; run < order.Length;)
        {
            var next = run + 1;
            while (next < order.Length && string.Equals(byName[next], byName[run], StringComparison.OrdinalIgnoreCase)) next++;
            if (next - run > 1) Array.Sort(order, run, next - run, Comparer<int>.Create((x, y) => string.CompareOrdinal(nodes[x].Id, nodes[y].Id)));
            run = next;
        }

        var labelNames = nodes.Select(n => n.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (labelNames.Length > byte.MaxValue) throw new InvalidOperationException($"{labelNames.Length} labels: at most {byte.MaxValue} fit the name index");
        var labelNumbers = labelNames.Select((name, l) => (name, l)).ToDictionary(x => x.name, x => (byte)x.l, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        int Term(string s)
        {
            if (!terms.TryGetValue(s, out var t)) terms[s] = t = terms.Count;
            return t;
        }

        var ids = new string[nodes.Count];
        var shown = new string[nodes.Count];
        var labels = new byte[nodes.Count];
        var aliases = new Dictionary<int, IReadOnlyList<string>>();
        var tokens = new Forward(nodes.Count);
        var words = new Forward(nodes.Count);
        for (var n = 0; n < order.Length; n++)
        {
            var node = nodes[order[n]];
            ids[n] = node.Id;
            shown[n] = names.TryGetValue(node.Name, out var known) ? known : names[node.Name] = node.Name;
            labels[n] = labelNumbers[node.Label];
            if (node.Aliases.Count > 0) aliases[n] = node.Aliases;
            var nameWords = SearchRanking.Words(node.Name);
            foreach (var word in nameWords) words.Add(Term(word));
            // FTS5 reads "e" + a combining accent as "é": composed first, a word is not split at the accent.
            foreach (var word in node.Name.IsNormalized() ? nameWords : SearchRanking.Words(node.Name.Normalize()))
                tokens.Add(Term(Unicode61Folding.Fold(word)));
            foreach (var alias in node.Aliases)
                foreach (var word in SearchRanking.Words(alias.Normalize()))
                    tokens.Add(Term(Unicode61Folding.Fold(word)));
            tokens.EndNode();
            words.EndNode();
        }

        // Renumber the terms in ordinal order, so a prefix is a range of numbers.
        var sorted = terms.Keys.Order(StringComparer.Ordinal).ToArray();
        var renumber = new int[sorted.Length];
        for (var t = 0; t < sorted.Length; t++) renumber[terms[sorted[t]]] = t;
        var (tokenStarts, tokenTerms) = tokens.Renumbered(renumber);
        var (wordStarts, wordTerms) = words.Renumbered(renumber);
        return new SqliteNameIndex(ids, shown, labels, labelNames, aliases, sorted, tokenStarts, tokenTerms, wordStarts, wordTerms);
    }

    private static int[][] ByLabel(byte[] labels, int labelCount)
    {
        var lists = new List<int>[labelCount];
        for (var l = 0; l < labelCount; l++) lists[l] = [];
        for (var node = 0; node < labels.Length; node++) lists[labels[node]].Add(node);
        return lists.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>Term → the nodes having it, each list in node order.</summary>
    private static (int[] Starts, int[] Nodes) Invert(int[] starts, int[] terms, int termCount)
    {
        var postingStarts = new int[termCount + 1];
        foreach (var t in terms) postingStarts[t + 1]++;
        for (var t = 0; t < termCount; t++) postingStarts[t + 1] += postingStarts[t];
        var filled = postingStarts[..^1];
        var postings = new int[terms.Length];
        for (var node = 0; node + 1 < starts.Length; node++)
            for (var at = starts[node]; at < starts[node + 1]; at++)
                postings[filled[terms[at]]++] = node;
        return (postingStarts, postings);
    }

    /// <summary>Each node's terms while building (CSR), made ascending and distinct once the terms are renumbered.</summary>
    private sealed class Forward(int nodes)
    {
        private readonly List<int> _starts = new(nodes + 1) { 0 };
        private readonly List<int> _terms = new(nodes * 3);

        public void Add(int term) => _terms.Add(term);

        public void EndNode() => _starts.Add(_terms.Count);

        public (int[] Starts, int[] Terms) Renumbered(int[] renumber)
        {
            var starts = new int[_starts.Count];
            var terms = new int[_terms.Count];
            var kept = 0;
            for (var node = 0; node + 1 < _starts.Count; node++)
            {
                // Sorted in place where the node's terms go, then repeats squeezed out (a write never passes the read).
                var first = kept;
                var own = terms.AsSpan(first, _starts[node + 1] - _starts[node]);
                for (var i = 0; i < own.Length; i++) own[i] = renumber[_terms[_starts[node] + i]];
                own.Sort();
                for (var i = first; i < first + own.Length; i++)
                    if (kept == first || terms[kept - 1] != terms[i]) terms[kept++] = terms[i];
                starts[node + 1] = kept;
            }
            return (starts, terms[..kept]);
        }
    }

    /// <summary>The smallest numbers offered, at most <c>capacity</c> of them.</summary>
    private sealed class SmallestNumbers(int capacity)
    {
        // A max-heap: the priority is the number negated, so the largest kept is the one to give up.
        private readonly PriorityQueue<int, int> _heap = new();

        public bool IsFull => _heap.Count == capacity;
        public int Largest => _heap.Peek();

        public void Offer(int number)
        {
            if (!IsFull) _heap.Enqueue(number, -number);
            else if (number < Largest) _heap.EnqueueDequeue(number, -number);
        }

        public List<int> Ascending() => _heap.UnorderedItems.Select(x => x.Element).Order().ToList();
    }
}
