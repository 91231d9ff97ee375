using System.Globalization;
using System.Text;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Rules;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Scale;

/// <summary>
/// Search of the embedded store on a generated graph (shared surnames, accents, aliases, victim roles, many labels), each
/// answer compared with SearchRanking over every node that matches. The matches are found here by FTS5 itself (a table
/// of the shown names and aliases in memory, tokenized as the store's search always was, read without a cap), not by
/// the store's index.
/// </summary>
public sealed class SearchAtScaleTests(SearchAtScaleTests.Graph graph) : IClassFixture<SearchAtScaleTests.Graph>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_answer_and_its_truncated_flag_are_those_of_ranking_every_match()
    {
        var random = new Random(5);
        var queries = Graph.FixedQueries.Concat(Enumerable.Range(0, 2_000).Select(_ => graph.RandomQuery(random))).ToList();
        int truncated = 0, beyondFourTimesTheLimit = 0, empty = 0, lowerTiersOnly = 0;
        foreach (var query in queries)
        {
            var (expected, matches) = graph.BruteForce(query);
            var actual = await graph.Store.SearchAsync(query, None);
            var context = $"q \"{query.Text}\", label {query.Label ?? "-"}, limit {query.Limit}, {matches} matches";
            Assert.True(Show(expected) == Show(actual), $"{context}\nexpected {Show(expected)}\nactual   {Show(actual)}");

            if (expected.Truncated) truncated++;
            if (matches > 4 * query.Limit) beyondFourTimesTheLimit++;
            if (matches == 0) empty++;
            var q = query.Text.Trim();
            if (expected.Hits.Count > 0 && !expected.Hits[0].Name.StartsWith(q, StringComparison.OrdinalIgnoreCase)) lowerTiersOnly++;
        }
        // The answers compared must cover what makes the index work: pages cut short, far more matches than a page,
        // answers with no name starting with the query, and queries that match nothing.
        Assert.True(truncated > 400 && beyondFourTimesTheLimit > 200 && empty > 100 && lowerTiersOnly > 400,
            $"truncated {truncated}, over 4x the limit {beyondFourTimesTheLimit}, empty {empty}, lower tiers only {lowerTiersOnly}");
    }

    [Fact]
    public async Task A_victim_role_is_found_by_its_shown_name_and_never_by_the_name_its_row_holds()
    {
        var hidden = await graph.Store.SearchAsync(new SearchQuery("secretname", null, 50), None);
        var pseudonym = await graph.Store.SearchAsync(new SearchQuery("pseudonym", Labels.VictimRole, 50), None);

        Assert.Empty(hidden.Hits);
        Assert.NotEmpty(pseudonym.Hits);
        Assert.All(pseudonym.Hits, h => Assert.StartsWith("\"", h.Name, StringComparison.Ordinal));
    }

    private static string Show(SearchResult result) =>
        string.Join(" | ", result.Hits.Select(h => $"{h.Id} {h.Label} {h.Name} [{string.Join(", ", h.Aliases)}]")) + (result.Truncated ? " (truncated)" : "");

    public sealed class Graph : IAsyncLifetime, IDisposable
    {
        private static readonly string[] FirstNames =
            ["James", "Jamie", "Jo", "José", "Jose", "Zoë", "Zoe", "Søren", "Łukasz", "Renée", "André", "Ann", "Anna", "Anne-Marie",
             "Siobhán", "Émile", "Chloé", "Jürgen", "Ángel", "Ame\u0301lie", "Case", "Smith"];
        private static readonly string[] LastNames =
            ["Smith", "Smithson", "Smyth", "O'Brien", "Obrien", "Müller", "Muller", "Mueller", "García", "Garcia", "Ødegaard", "Strauß",
             "Jones", "Johnson", "Jonas", "Dubois", "Du Bois", "Nguyễn", "Case", "Casey", "Unit", "Straße"];
        private static readonly string[] Labelled =
            [Labels.Officer, Labels.Case, Labels.Unit, Labels.Force, Labels.Source, Labels.Event, Labels.VictimRole, Labels.Person, Labels.Organisation];

        /// <summary>Queries worth asking whatever the random ones pick.</summary>
        public static readonly SearchQuery[] FixedQueries =
        [
            new("case 12", null, 50), new("case 12", Labels.Case, 50), new("Case 12", null, 1), new("12 case", null, 10),
            new("smith", null, 50), new("smith", Labels.Force, 5), new("SMITH", Labels.Officer, 50), new("o brien", null, 20),
            new("o'brien", null, 20), new("müller", null, 20), new("muller", null, 20), new("jose", null, 50), new("josé", null, 50),
            new("strasse", null, 10), new("straße", null, 10), new("amelie", null, 10), new("zoe smith", null, 30), new("a", null, 50),
            new("1", null, 50), new("the", null, 50), new("victim", null, 50), new("complainant", Labels.VictimRole, 50),
            new("secretname", null, 50), new("  jo  ", null, 50), new("j s", null, 50), new("s j", null, 50), new("jo-smith", null, 25),
            new("nguyen", null, 10), new("Unit", null, 50), new("unit smith", null, 50), new("big", null, 50), new("met", Labels.Force, 3),
        ];

        private readonly SqliteConnection _fts = new("Data Source=:memory:");
        private readonly Dictionary<string, SearchHit> _shown = new(StringComparer.Ordinal);
        private readonly List<SearchHit> _all = [];

        public SqliteGraphStore Store { get; } = new(Path.Combine(TestPaths.NewTempDirectory(), "graph.db"));
        private Core.Model.Dataset Dataset { get; }

        public Graph()
        {
            var random = new Random(42);
            var nodes = new List<GraphNode>();
            void Add(string id, string label, string name, IReadOnlyList<string>? aliases = null, Dictionary<string, object?>? properties = null) =>
                nodes.Add(new GraphNode(id, label, name, aliases ?? [], properties ?? [], []));
            string First() => FirstNames[random.Next(FirstNames.Length)];
            string Last() => LastNames[random.Next(LastNames.Length)];

            for (var o = 0; o < 2_000; o++)
            {
                var name = $"{First()} {Last()}";
                // The same name in another case is a tie SearchRanking breaks by id.
                name = random.Next(20) switch { 0 => name.ToUpperInvariant(), 1 => name.ToLowerInvariant(), 2 => $"{name} {o}", _ => name };
                IReadOnlyList<string> aliases = random.Next(8) switch { 0 => [$"Big {First()}"], 1 => [$"PC {o}", $"{Last()}y"], _ => [] };
                Add($"officer:o{o}", Labels.Officer, name, aliases);
            }
            var numbers = new HashSet<int> { 12, 120, 1200, 12_000, 3 };
            while (numbers.Count < 600) numbers.Add(random.Next(1, 100_000));
            foreach (var n in numbers)
            {
                Add($"case:c{n}", Labels.Case, random.Next(3) == 0 ? $"Case {n}: use of force" : $"Case {n}");
                if (random.Next(2) == 0) Add($"event:c{n}", Labels.Event, $"hearing in case {n}");
            }
            for (var f = 0; f < 8; f++)
            {
                var county = $"{LastNames[f]}shire";
                Add($"force:f{f}", Labels.Force, $"{county} Police", [$"{county[0]}P", $"The {county} force", f == 0 ? "Met" : $"Met {f}"]);
                for (var u = 0; u < 8; u++) Add($"unit:f{f}-u{u}", Labels.Unit, $"Unit {u} of {county}");
            }
            for (var s = 0; s < 120; s++) Add($"source:s{s}", Labels.Source, $"Report on {Last()} {s}");
            for (var p = 0; p < 120; p++) Add($"person:p{p}", Labels.Person, $"{First()} {Last()}", random.Next(3) == 0 ? [$"{First()} the elder"] : []);
            for (var g = 0; g < 40; g++) Add($"org:g{g}", Labels.Organisation, $"{Last()} & Partners {g}");
            for (var v = 0; v < 300; v++)
            {
                var pseudonym = random.Next(4) == 0;
                // The name a row might hold must never be searched: only the shown name is.
                Add($"victim:v{v}", Labels.VictimRole, $"Secretname {Last()}", properties: new()
                {
                    ["role"] = new[] { "victim", "complainant", "bereaved_family" }[random.Next(3)],
                    ["descriptor"] = random.Next(2) == 0 ? $"a woman from {Last()}ton" : "the officer's neighbour",
                    ["anonymity"] = pseudonym ? "pseudonym" : "protected",
                    ["pseudonym"] = pseudonym ? First() : null,
                });
            }
            Dataset = new Core.Model.Dataset(nodes, []);

            _fts.Open();
            using (var create = _fts.CreateCommand())
            {
                create.CommandText = "CREATE VIRTUAL TABLE shown USING fts5 (id UNINDEXED, names, tokenize = 'unicode61 remove_diacritics 2')";
                create.ExecuteNonQuery();
            }
            foreach (var node in nodes)
            {
                var hit = node.Label == Labels.VictimRole
                    ? new SearchHit(node.Id, node.Label, VictimProtection.DisplayName(node.Properties), [])
                    : new SearchHit(node.Id, node.Label, node.Name, node.Aliases);
                _shown[hit.Id] = hit;
                _all.Add(hit);
                using var insert = _fts.CreateCommand();
                insert.CommandText = "INSERT INTO shown (id, names) VALUES ($id, $names)";
                insert.Parameters.AddWithValue("$id", hit.Id);
                insert.Parameters.AddWithValue("$names", string.Join(" \n ", hit.Aliases.Prepend(hit.Name)));
                insert.ExecuteNonQuery();
            }
        }

        public async Task InitializeAsync() => await Store.ImportAsync(Dataset, null, None);

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _fts.Dispose();

        /// <summary>SearchRanking over every node FTS5 matches (each word a prefix of a word of the name or an alias).</summary>
        public (SearchResult Result, int Matches) BruteForce(SearchQuery query)
        {
            var words = SearchRanking.Words(query.Text);
            if (words.Count == 0) return (new SearchResult([], false), 0);
            using var command = _fts.CreateCommand();
            command.CommandText = "SELECT id FROM shown WHERE shown MATCH $match";
            command.Parameters.AddWithValue("$match", string.Join(" AND ", words.Select(w => $"\"{w}\"*")));
            var matches = new List<SearchHit>();
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                    if (_shown[reader.GetString(0)] is var hit && (query.Label is null || hit.Label == query.Label)) matches.Add(hit);
            return (SearchRanking.Rank(matches, query.Text, query.Limit), matches.Count);
        }

        /// <summary>Words or prefixes of a node's shown name and aliases, the name itself or its start, with accents
        /// dropped or case changed, sometimes words of two nodes; a label now and then; limits 1 to 50.</summary>
        public SearchQuery RandomQuery(Random random)
        {
            var node = _all[random.Next(_all.Count)];
            var words = node.Aliases.Prepend(node.Name).SelectMany(SearchRanking.Words).ToList();
            string Word() => words[random.Next(words.Count)];
            string Prefix(string w) => w[..(1 + random.Next(w.Length))];
            var text = random.Next(9) switch
            {
                0 => Prefix(Word()),
                1 => $"{Prefix(Word())} {Prefix(Word())}",
                2 => node.Name,
                3 => node.Name[..(1 + random.Next(node.Name.Length))],
                4 => Unaccented(node.Name[..(1 + random.Next(node.Name.Length))]),
                5 => Unaccented(Word()).ToUpperInvariant(),
                6 => $"{Prefix(Word())} {Prefix(SearchRanking.Words(_all[random.Next(_all.Count)].Name).First())}",
                7 => "abcdefghijklmnopqrstuvwxyz0123456789"[random.Next(36)].ToString(),
                _ => $"{Word()} {Prefix(Word())}",
            };
            var label = random.Next(10) switch { < 6 => null, < 8 => node.Label, _ => Labelled[random.Next(Labelled.Length)] };
            var limit = random.Next(4) switch { 0 => 1, 1 => 50, _ => 1 + random.Next(50) };
            return new SearchQuery(text, label, limit);
        }

        private static string Unaccented(string text) =>
            new(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }
}
