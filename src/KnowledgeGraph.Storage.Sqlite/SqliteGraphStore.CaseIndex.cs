using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;

namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Built from the file on first use; see FileIndex.
    private readonly FileIndex<CaseIndex> _caseIndex;

    public async Task<CaseConnectionFacts?> GetCaseConnectionFactsAsync(string caseId, CancellationToken cancellationToken)
    {
        var index = await _caseIndex.GetAsync().WaitAsync(cancellationToken);
        return index.ConnectionFacts(caseId);
    }

    public async Task<IReadOnlyList<CaseOutcome>> GetCaseOutcomesAsync(string? forceId, string? category, CancellationToken cancellationToken)
    {
        var index = await _caseIndex.GetAsync().WaitAsync(cancellationToken);
        return index.Outcomes(forceId, category);
    }

    private async Task<CaseIndex> BuildCaseIndexAsync(CancellationToken cancellationToken)
    {
        var facts = await LoadAllCaseFactsAsync(cancellationToken);
        // Forces reached only through a unit are known by id in the facts; the index names them.
        var forceIds = facts.SelectMany(f => f.Subjects).SelectMany(s => s.Service).Select(r => r.ForceId).OfType<string>().Distinct();
        await using var connection = Open();
        var forces = (await LoadNodesAsync(connection, forceIds, cancellationToken)).ToDictionary(n => n.Key, n => NodeRef.Of(n.Value), StringComparer.Ordinal);
        return new CaseIndex(facts, forces);
    }

    /// <summary>
    /// Every case's facts and outcome, and the case → shared-entity inverted index (<see cref="CaseConnectionRule.EntitiesOf"/>):
    /// for each entity, the cases sharing it. Cases are numbered in id order, so each entity's case list is sorted and
    /// filters intersect by merging. Hubs keep their members ready in name order.
    /// </summary>
    private sealed class CaseIndex
    {
        private readonly CaseFacts[] _facts;
        private readonly CaseOutcome[] _outcomes;
        private readonly CaseHubMember[] _members;
        private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Entry> _entities = new(StringComparer.Ordinal);

        private sealed class Entry(NodeRef node)
        {
            public NodeRef Node { get; set; } = node;
            public List<int> Cases { get; } = [];
            public CaseHub? Hub { get; set; }
        }

        public CaseIndex(List<CaseFacts> facts, IReadOnlyDictionary<string, NodeRef> forces)
        {
            _facts = facts.OrderBy(f => f.Case.Id, StringComparer.Ordinal).ToArray();
            _outcomes = _facts.Select(OutcomeStatistics.OutcomeOf).ToArray();
            var byName = Enumerable.Range(0, _facts.Length)
                .OrderBy(i => _facts[i].Case.Name, StringComparer.Ordinal).ThenBy(i => _facts[i].Case.Id, StringComparer.Ordinal).ToArray();
            var order = new int[_facts.Length];
            for (var rank = 0; rank < byName.Length; rank++) order[byName[rank]] = rank;
            _members = new CaseHubMember[_facts.Length];
            for (var i = 0; i < _facts.Length; i++)
            {
                var f = _facts[i];
                _byId[f.Case.Id] = i;
                _members[i] = new CaseHubMember(f.Case, f.LegalStatus, CaseConnectionRule.CasePeriod(f), order[i]);
                foreach (var entity in CaseConnectionRule.EntitiesOf(f))
                {
                    var node = entity.Kind == CaseConnectionRule.Force ? forces.GetValueOrDefault(entity.Node.Id, entity.Node) : entity.Node;
                    if (!_entities.TryGetValue(entity.Key, out var entry)) _entities[entity.Key] = entry = new Entry(node);
                    if (entry.Cases.Count == 0 || entry.Cases[^1] != i) entry.Cases.Add(i);
                }
            }
            foreach (var (key, entry) in _entities)
            {
                entry.Cases.TrimExcess();
                var kind = key[..key.IndexOf('|')];
                if (CaseConnectionRule.CanBeHub(kind) && entry.Cases.Count > CaseConnectionRule.HubThreshold)
                    entry.Hub = new CaseHub(kind, entry.Node, entry.Cases.Select(c => _members[c]).OrderBy(m => m.Order).ToArray());
            }
        }

        public CaseConnectionFacts? ConnectionFacts(string caseId)
        {
            if (!_byId.TryGetValue(caseId, out var self)) return null;
            var subject = _facts[self];
            var hubs = new List<CaseHub>();
            var candidates = new HashSet<int>();
            foreach (var key in CaseConnectionRule.EntitiesOf(subject).Select(e => e.Key).Distinct(StringComparer.Ordinal))
            {
                var entry = _entities[key];
                if (entry.Hub is { } hub) hubs.Add(hub);
                else candidates.UnionWith(entry.Cases);
            }
            candidates.Remove(self);
            var ordered = candidates.Order().ToList();
            return new CaseConnectionFacts(subject, ordered.Select(c => _facts[c]).ToList(), hubs,
                ordered.Select(c => _members[c].Order).Append(_members[self].Order).ToList());
        }

        public IReadOnlyList<CaseOutcome> Outcomes(string? forceId, string? category)
        {
            if (forceId is null && category is null) return _outcomes;
            IReadOnlyList<int>? kept = null;
            if (forceId is not null) kept = CasesOf(CaseConnectionRule.Force, forceId);
            if (category is not null) kept = kept is null ? CasesOf(CaseConnectionRule.Category, category) : Intersect(kept, CasesOf(CaseConnectionRule.Category, category));
            return kept!.Select(i => _outcomes[i]).ToList();
        }

        private IReadOnlyList<int> CasesOf(string kind, string id) =>
            _entities.TryGetValue(new CaseEntity(kind, new NodeRef(id, "", "")).Key, out var entry) ? entry.Cases : [];

        private static List<int> Intersect(IReadOnlyList<int> a, IReadOnlyList<int> b)
        {
            var both = new List<int>();
            for (int i = 0, j = 0; i < a.Count && j < b.Count;)
            {
                if (a[i] == b[j]) { both.Add(a[i]); i++; j++; }
                else if (a[i] < b[j]) i++;
                else j++;
            }
            return both;
        }
    }
}
