using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Model;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Documents;

/// <summary>
/// Reads a document and proposes graph entries: the Source, mentions of nodes already in the dataset, candidate
/// officers, forces, organisations and quoted people, dated events, victim roles and the relationships between them.
/// Everything is a proposal for a person to review. Three rules shape it: a proposed legal status is never stronger
/// than the words; a victim or complainant is never proposed as a Person (a name near victim language is reported by
/// place and left out); the draft stores offsets and short labels, never the document's sentences.
/// </summary>
public sealed partial class DocumentDrafter(NameIndex index, Dataset? dataset)
{
    private sealed class OfficerFound
    {
        public required string Name { get; init; }
        public string? Rank { get; set; }
        public string? Role { get; set; }
        public bool Former { get; set; }
        public NameTarget? Existing { get; set; }
        public string? Match { get; set; }
        public string Id => Existing?.Id ?? $"officer:{Slug.Of(Name)}";
        public string Surname => Name.Split(' ')[^1];
        public List<(int Start, int End)> Ranges { get; } = [];
        public List<(int Start, int End)> RankRanges { get; } = [];
    }

    private sealed record Found(NameTarget Target, List<(int Start, int End)> Ranges, string Form);

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
        { "Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron", "Professor", "Prof", "Rev", "Cllr" };

    // Capitalised words that begin sentences or name places, months and institutions rather than people.
    private static readonly HashSet<string> NotNameWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "When", "After", "Before", "But", "And", "Or", "If", "As", "He", "She", "They", "It",
        "His", "Her", "Their", "This", "That", "These", "Those", "We", "I", "You", "There", "Then", "Now", "However", "While",
        "Despite", "During", "Since", "Following", "Former", "Ex", "Police", "Officer", "Officers", "Detective", "Constable",
        "Sergeant", "Inspector", "Chief", "Superintendent", "Commissioner", "Commander", "Court", "Crown", "Magistrates",
        "High", "Tribunal", "Panel", "Office", "Independent", "Conduct", "Service", "Force", "Constabulary", "Met",
        "Metropolitan", "London", "England", "Wales", "Scotland", "Northern", "Ireland", "Britain", "British", "UK", "North",
        "South", "East", "West", "Street", "Road", "Bridge", "Cross", "House", "Station", "Park", "Square", "Hall", "Hospital",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December", "Christmas", "Covid", "Home",
        "Government", "Parliament", "Minister", "Secretary", "Mayor", "Council", "University", "Professional", "Standards",
        "Directorate", "Department", "Unit", "Team", "Command", "Branch", "Squad", "Gross", "Misconduct", "Hearing", "Report",
        "Read", "More", "Share", "Comments", "Director", "Deputy", "Assistant", "Regional", "Executive", "Spokesperson", "Chair", "Website", "Editor", "Reporter", "Correspondent", "Exclusive", "Update", "Updated", "Published", "Not",
    };

    private const string NameWord = @"(?:(?:O['’]|Mc|Mac|D['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)";

    public Draft Draft(DocumentText document, DraftOptions options)
    {
        var text = document.Text;
        var tokens = TextFolding.Tokenise(text);
        var sentences = Sentences(text);
        var documentDate = options.Published;
        var dateBasis = documentDate is null ? null : "given with --published";
        if (documentDate is null && document.Published is { } fromFile) (documentDate, dateBasis) = (fromFile, "from the file's metadata");
        var dates = DateFinder.Find(text, documentDate);
        if (documentDate is null && dates.FirstOrDefault(d => d.Start < 400 && d.Date is { Length: 10 } && !d.Relative) is { } dateline)
        {
            (documentDate, dateBasis) = (dateline.Date, $"the first full date in the document (characters {dateline.Start}–{dateline.End})");
            dates = DateFinder.Find(text, documentDate);
        }

        var checks = new List<DraftCheck>();
        var occupied = new List<(int Start, int End)>();
        bool Occupied(int start, int end) => occupied.Any(o => start < o.End && o.Start < end);

        // 1. Officers named with a rank or role.
        var officers = new List<OfficerFound>();
        OfficerFound OfficerNamed(string name)
        {
            var folded = TextFolding.Fold(name);
            var existing = officers.FirstOrDefault(o => TextFolding.Fold(o.Name) == folded)
                ?? (name.Contains(' ') ? null : officers.FirstOrDefault(o => TextFolding.Fold(o.Surname) == folded));
            if (existing is not null) return existing;
            // A full name absorbs an officer met earlier by surname only ("PC Gage", then "PC James Gage").
            if (name.Contains(' ') && officers.FirstOrDefault(o => !o.Name.Contains(' ') && TextFolding.Fold(o.Name) == TextFolding.Fold(name.Split(' ')[^1])) is { } bySurname)
            {
                var merged = new OfficerFound { Name = name, Rank = bySurname.Rank, Role = bySurname.Role, Former = bySurname.Former };
                merged.Ranges.AddRange(bySurname.Ranges); merged.RankRanges.AddRange(bySurname.RankRanges);
                officers.Remove(bySurname);
                officers.Add(merged);
                return merged;
            }
            var created = new OfficerFound { Name = name };
            officers.Add(created);
            return created;
        }

        foreach (Match m in RankedName().Matches(text))
        {
            var name = CleanName(m.Groups["name"].Value, out var nameOffset);
            if (name is null) continue;
            var rankText = m.Groups["rank"].Value.TrimEnd('.');
            var rank = RankOf(rankText);
            if (rank is null) continue;
            var nameStart = m.Groups["name"].Index + nameOffset;
            if (index.Find(name) is { Label: not (Labels.Officer or Labels.Person) }) continue;
            var officer = OfficerNamed(name);
            officer.Rank ??= rank.FullForm;
            officer.Former |= m.Groups["former"].Success;
            officer.Ranges.Add((nameStart, nameStart + name.Length));
            officer.RankRanges.Add((m.Index, nameStart + name.Length));
            occupied.Add((m.Groups["rank"].Index, nameStart + name.Length));
        }
        foreach (Match m in NameThenRank().Matches(text))
        {
            var name = CleanName(m.Groups["name"].Value, out var nameOffset);
            if (name is null || !name.Contains(' ')) continue;
            var rank = RankOf(m.Groups["rank"].Value);
            if (rank is null) continue;
            var nameStart = m.Groups["name"].Index + nameOffset;
            if (Occupied(nameStart, nameStart + name.Length) && !officers.Any(o => o.Ranges.Contains((nameStart, nameStart + name.Length)))) continue;
            if (index.Find(name) is { Label: not (Labels.Officer or Labels.Person) }) continue;
            var officer = OfficerNamed(name);
            officer.Rank ??= rank.FullForm;
            officer.Former |= m.Groups["former"].Success;
            if (!officer.Ranges.Contains((nameStart, nameStart + name.Length))) officer.Ranges.Add((nameStart, nameStart + name.Length));
            officer.RankRanges.Add((m.Index, m.Index + m.Length));
            occupied.Add((nameStart, nameStart + name.Length));
        }
        foreach (Match m in OfficerRole().Matches(text))
        {
            var name = CleanName(m.Groups["name"].Value, out var nameOffset);
            if (name is null || !name.Contains(' ')) continue;
            var nameStart = m.Groups["name"].Index + nameOffset;
            if (Occupied(nameStart, nameStart + name.Length)) continue;
            var officer = OfficerNamed(name);
            officer.Role ??= "police officer";
            officer.Former |= m.Groups["former"].Success;
            officer.Ranges.Add((nameStart, nameStart + name.Length));
            officer.RankRanges.Add((m.Index, nameStart + name.Length));
            occupied.Add((nameStart, nameStart + name.Length));
        }

        foreach (Match m in OfficerAppositive().Matches(text))
        {
            var name = CleanName(m.Groups["name"].Value, out var nameOffset);
            if (name is null || !name.Contains(' ')) continue;
            var nameStart = m.Groups["name"].Index + nameOffset;
            if (Occupied(nameStart, nameStart + name.Length)) continue;
            if (index.Find(name) is { Label: not (Labels.Officer or Labels.Person) }) continue;
            var officer = OfficerNamed(name);
            officer.Role ??= "police officer";
            officer.Former |= m.Groups["former"].Success;
            officer.Ranges.Add((nameStart, nameStart + name.Length));
            officer.RankRanges.Add((m.Index, m.Index + m.Length));
            occupied.Add((nameStart, nameStart + name.Length));
        }

        // Officers already in the dataset, named without a rank ("Mark Connor"), count too.
        var hits = index.Scan(tokens);
        foreach (var hit in hits.Where(h => h.Target is { Label: Labels.Officer, InDataset: true }))
        {
            if (Occupied(hit.Start, hit.End)) continue;
            var officer = officers.FirstOrDefault(o => o.Existing?.Id == hit.Target.Id) ?? OfficerNamed(hit.Target.Name);
            officer.Existing ??= hit.Target;
            officer.Match ??= $"name or alias '{hit.Form}'";
            officer.Ranges.Add((hit.Start, hit.End));
            occupied.Add((hit.Start, hit.End));
        }
        foreach (var officer in officers)
        {
            if (officer.Existing is not null) continue;
            if (index.Find(officer.Name, Labels.Officer) is { InDataset: true } exact) (officer.Existing, officer.Match) = (exact, "name");
            else if (officer.Rank is not null && index.Find($"{RankAbbreviation(officer.Rank)} {officer.Name}", Labels.Officer) is { InDataset: true } alias)
                (officer.Existing, officer.Match) = (alias, "alias with rank");
            else if (index.FindFuzzy(officer.Name, Labels.Officer) is { } fuzzy) (officer.Existing, officer.Match) = (fuzzy.Target, $"fuzzy ({fuzzy.Score})");
        }
        // Later mentions by surname alone ("Connor resigned"), when no other officer shares the surname.
        foreach (var officer in officers)
        {
            var surname = officer.Surname;
            if (officers.Count(o => o.Surname == surname) > 1 || surname.Length < 3) continue;
            foreach (var token in tokens.Where(t => t.Text == surname || t.Text == surname + "’s" || t.Text == surname + "'s"))
            {
                if (Occupied(token.Start, token.Start + surname.Length)) continue;
                officer.Ranges.Add((token.Start, token.Start + surname.Length));
                occupied.Add((token.Start, token.Start + surname.Length));
            }
        }

        // 2. Forces and organisations the dataset or the gazetteer knows by name, and organisations found by pattern.
        var found = new Dictionary<string, Found>(StringComparer.Ordinal);
        void AddFound(NameTarget target, int start, int end, string form)
        {
            if (!found.TryGetValue(target.Id, out var f)) found[target.Id] = f = new Found(target, [], form);
            f.Ranges.Add((start, end));
            occupied.Add((start, end));
        }
        foreach (var hit in hits.Where(h => h.Target.Label is Labels.Force or Labels.Organisation or Labels.Unit))
            if (!Occupied(hit.Start, hit.End)) AddFound(hit.Target, hit.Start, hit.End, hit.Form);
        foreach (var (pattern, kind) in OrganisationPatterns)
            foreach (Match m in pattern.Matches(text))
            {
                var g = m.Groups["org"];
                var name = g.Value.Trim();
                if (Occupied(g.Index, g.Index + g.Length) || name.Split(' ').Length < 2) continue;
                var target = index.Find(name, Labels.Organisation) ?? new NameTarget($"org:{Slug.Of(name)}", Labels.Organisation, name, kind, false);
                AddFound(target, g.Index, g.Index + g.Length, name);
            }

        // 3. Victims: pseudonyms the document marks, and names in sentences that speak of a victim or complainant.
        var pseudonyms = new Dictionary<string, List<(int Start, int End)>>(StringComparer.Ordinal);
        var pseudonymGender = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in PseudonymMarker().Matches(text))
        {
            var g = m.Groups["name"].Success ? m.Groups["name"] : m.Groups["name2"];
            if (!pseudonyms.TryGetValue(g.Value, out var list)) pseudonyms[g.Value] = list = [];
            if (m.Groups["pronoun"].Success) pseudonymGender[g.Value] = m.Groups["pronoun"].Value switch { "her" => "woman", "his" => "man", _ => "person" };
            list.Add((g.Index, g.Index + g.Length));
        }
        foreach (var (pseudonym, ranges) in pseudonyms)
            foreach (var token in tokens.Where(t => t.Text == pseudonym || t.Text == pseudonym + "’s" || t.Text == pseudonym + "'s"))
                if (!ranges.Any(r => r.Start == token.Start)) ranges.Add((token.Start, token.Start + pseudonym.Length));
        var pseudonymWords = pseudonyms.Keys.ToHashSet(StringComparer.Ordinal);

        var victimNames = new List<(string Folded, int Start, int End, string Name)>();
        var victimSentences = sentences.Where(s => VictimLanguage().IsMatch(text.AsSpan(s.Start, s.End - s.Start))).ToList();
        foreach (var s in victimSentences)
        {
            var sentence = text[s.Start..s.End];
            foreach (Match m in PersonName().Matches(sentence))
            {
                var name = CleanName(m.Groups["name"].Value, out var offset);
                if (name is null) continue;
                var start = s.Start + m.Groups["name"].Index + offset;
                var end = start + name.Length;
                var honorific = m.Groups["title"].Success;
                if (!name.Contains(' ') && !honorific) continue;
                if (pseudonymWords.Contains(name)) continue;
                if (Occupied(start, end)) continue;
                if (index.Find(name) is { Label: not Labels.Person }) continue;
                if (HasCapacity(text, end) || CapacityBefore().IsMatch(text.AsSpan(Math.Max(0, start - 60), start - Math.Max(0, start - 60))))
                    continue; // "Jane Roe, director of …" and "said director Jane Roe" speak for an organisation
                if (Perpetrator().IsMatch(text.AsSpan(end, Math.Min(60, text.Length - end)))) continue; // the one who harmed, not the harmed
                if (PlaceBeforeInstitution().IsMatch(text.AsSpan(end, Math.Min(30, text.Length - end)))) continue; // "Thames Valley officer"
                victimNames.Add((TextFolding.Fold(name), start, end, name));
            }
        }
        // People the dataset already knows as victims (a public role's IDENTIFIED_AS) are victims here too.
        var knownVictims = KnownVictimIds();
        foreach (var hit in hits.Where(h => h.Target.Label == Labels.Person && knownVictims.Contains(h.Target.Id)))
            if (!victimNames.Any(v => v.Start == hit.Start)) victimNames.Add((TextFolding.Fold(hit.Target.Name), hit.Start, hit.End, hit.Target.Name));
        var victimFolded = victimNames.Select(v => v.Folded).ToHashSet(StringComparer.Ordinal);
        foreach (var id in knownVictims)
            if (dataset!.Nodes.FirstOrDefault(n => n.Id == id) is { } victimPerson)
                foreach (var form in victimPerson.Aliases.Prepend(victimPerson.Name)) victimFolded.Add(TextFolding.Fold(form));
        // A name flagged once is left out wherever it appears, as is the same name with a title ("Ms Roe").
        foreach (Match m in PersonName().Matches(text))
        {
            var name = CleanName(m.Groups["name"].Value, out var offset);
            if (name is null || !victimFolded.Contains(TextFolding.Fold(name))) continue;
            var start = m.Groups["name"].Index + offset;
            if (!victimNames.Any(v => v.Start == start)) victimNames.Add((TextFolding.Fold(name), start, start + name.Length, name));
        }
        foreach (var v in victimNames.OrderBy(v => v.Start))
        {
            checks.Add(new DraftCheck("possible victim name — check anonymity", v.Start, v.End, $"{Initials(v.Name)} at characters {v.Start}–{v.End}"));
            occupied.Add((v.Start, v.End));
        }

        // 4. People: quoted ("X said"), titled ("Dr X"), or already in the dataset. Never a victim name.
        var people = new Dictionary<string, (string Name, NameTarget? Existing, List<(int Start, int End)> Ranges, bool Quoted, string Why)>(StringComparer.Ordinal);
        var authors = new HashSet<string>(StringComparer.Ordinal);
        void AddPerson(string name, int start, int end, bool quoted, string why)
        {
            var folded = TextFolding.Fold(name);
            if (victimFolded.Contains(folded) || pseudonymWords.Contains(name)) return;
            if (officers.Any(o => TextFolding.Fold(o.Name) == folded)) return;
            var existing = index.Find(name, Labels.Person) is { InDataset: true } e ? e : index.FindFuzzy(name, Labels.Person)?.Target;
            if (!people.TryGetValue(folded, out var p)) people[folded] = p = (name, existing, [], quoted, why);
            p.Ranges.Add((start, end));
            if (quoted && !p.Quoted) people[folded] = p with { Quoted = true, Why = why };
            occupied.Add((start, end));
        }
        foreach (var hit in hits.Where(h => h.Target is { Label: Labels.Person, InDataset: true }))
            if (!Occupied(hit.Start, hit.End)) AddPerson(hit.Target.Name, hit.Start, hit.End, false, "named in the document");
        foreach (var regex in new[] { QuotedBefore(), QuotedAfter() })
            foreach (Match m in regex.Matches(text))
            {
                var name = CleanName(m.Groups["name"].Value, out var offset);
                if (name is null || !name.Contains(' ')) continue;
                var start = m.Groups["name"].Index + offset;
                if (Occupied(start, start + name.Length) && !people.ContainsKey(TextFolding.Fold(name))) continue;
                if (index.Find(name) is { Label: not Labels.Person }) continue;
                AddPerson(name, start, start + name.Length, true, "quoted in the document");
            }
        foreach (Match m in Byline().Matches(text))
        {
            var name = CleanName(m.Groups["name"].Value, out var offset);
            if (name is null || !name.Contains(' ')) continue;
            var start = m.Groups["name"].Index + offset;
            if (Occupied(start, start + name.Length) || index.Find(name) is { Label: not Labels.Person }) continue;
            AddPerson(name, start, start + name.Length, false, "the document's author");
            authors.Add(TextFolding.Fold(name));
        }
        foreach (Match m in PersonName().Matches(text))
        {
            if (!m.Groups["title"].Success) continue;
            var name = CleanName(m.Groups["name"].Value, out var offset);
            if (name is null || !name.Contains(' ')) continue;
            var start = m.Groups["name"].Index + offset;
            if (Occupied(start, start + name.Length)) continue;
            if (index.Find(name) is { Label: not Labels.Person }) continue;
            AddPerson(name, start, start + name.Length, false, "named with a title");
        }
        // Later mentions of a quoted person by full name count as evidence too.
        foreach (var (folded, p) in people.ToList())
            foreach (Match m in PersonName().Matches(text))
            {
                var name = CleanName(m.Groups["name"].Value, out var offset);
                var start = m.Groups["name"].Index + offset;
                if (name is not null && TextFolding.Fold(name) == folded && !p.Ranges.Any(r => r.Start == start)) p.Ranges.Add((start, start + name.Length));
            }

        // 5. The Source.
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var title = ShortTitle(document.Format == "text" ? TitleLine(text) ?? document.FileName : document.Title ?? Path.GetFileNameWithoutExtension(document.FileName), victimNames.Select(v => v.Name));
        var sourceId = $"source:{Slug.Of(Path.GetFileNameWithoutExtension(document.FileName), 50)}";
        var nodes = new List<Proposal>();
        var relationships = new List<Proposal>();
        var source = new JObject
        {
            ["id"] = sourceId, ["label"] = Labels.Source, ["name"] = title, ["kind"] = options.Kind ?? GuessKind(text, document),
            ["title"] = title,
        };
        if (documentDate is not null) source["published"] = documentDate;
        if (options.Url is not null) source["url"] = options.Url;
        source["seedFile"] = document.FileName;
        nodes.Add(new Proposal(source, "the document itself (check title, kind and date)", []));
        JArray Cite() => [sourceId];
        void Relate(string type, string from, string to, string why, IReadOnlyList<(int, int)> evidence, JObject? properties = null)
        {
            if (relationships.Any(r => (string?)r.Item["type"] == type && (string?)r.Item["from"] == from && (string?)r.Item["to"] == to)) return;
            var rel = new JObject { ["type"] = type, ["from"] = from, ["to"] = to, ["sources"] = Cite() };
            if (properties is { Count: > 0 }) rel["properties"] = properties;
            relationships.Add(new Proposal(rel, why, evidence));
        }
        if (options.Publisher is { } publisher) Relate(RelationshipTypes.PublishedBy, sourceId, publisher, "given with --publisher", []);

        // 6. Mentions of what the dataset has, and candidates for what it lacks.
        var mentions = new List<Mention>();
        foreach (var officer in officers.Where(o => o.Ranges.Count > 0))
        {
            var ranges = officer.Ranges.Distinct().OrderBy(r => r.Start).ToList();
            if (officer.Existing is { } existing)
            {
                mentions.Add(new Mention(existing.Id, Labels.Officer, existing.Name, officer.Match ?? "name", ranges));
                continue;
            }
            var node = new JObject
            {
                ["id"] = officer.Id, ["label"] = Labels.Officer, ["name"] = officer.Name, ["identified"] = true,
                ["status"] = officer.Former ? "former" : "unknown",
            };
            if (officer.Rank is not null) node["rank"] = officer.Rank;
            var aliases = new JArray();
            if (officer.Rank is not null) aliases.Add($"{RankAbbreviation(officer.Rank)} {officer.Name}");
            if (aliases.Count > 0) node["aliases"] = aliases;
            nodes.Add(new Proposal(node, officer.Rank is not null ? $"officer named with a rank ({officer.Rank})" : "named as a police officer", ranges));
        }
        foreach (var f in found.Values)
        {
            var ranges = f.Ranges.Distinct().OrderBy(r => r.Start).ToList();
            if (f.Target.InDataset) { mentions.Add(new Mention(f.Target.Id, f.Target.Label, f.Target.Name, $"name or alias '{f.Form}'", ranges)); continue; }
            var node = new JObject { ["id"] = f.Target.Id, ["label"] = f.Target.Label, ["name"] = f.Target.Name };
            if (f.Target.Label == Labels.Organisation) node["kind"] = f.Target.Kind ?? "ngo";
            if (!string.Equals(f.Form, f.Target.Name, StringComparison.Ordinal)) node["aliases"] = new JArray(f.Form);
            nodes.Add(new Proposal(node, f.Target.Kind is null && f.Target.Label == Labels.Force ? "a UK police force" : $"named in the document ({f.Target.Kind ?? f.Target.Label.ToLowerInvariant()})", ranges));
        }
        foreach (var p in people.Values)
        {
            var ranges = p.Ranges.Distinct().OrderBy(r => r.Start).ToList();
            var id = p.Existing?.Id ?? $"person:{Slug.Of(p.Name)}";
            if (p.Existing is not null) mentions.Add(new Mention(p.Existing.Id, Labels.Person, p.Existing.Name, "name", ranges));
            else nodes.Add(new Proposal(new JObject { ["id"] = id, ["label"] = Labels.Person, ["name"] = p.Name, ["description"] = "" }, p.Why, ranges));
            if (authors.Contains(TextFolding.Fold(p.Name))) Relate(RelationshipTypes.WrittenBy, sourceId, id, "named as the author", ranges.Take(1).ToList());
            if (p.Quoted) Relate(RelationshipTypes.QuotedIn, id, sourceId, "quoted in the document", ranges.Take(1).ToList(), new JObject { ["capacity"] = "" });
        }

        // 7. Events: a sentence with a date and a step the vocabulary knows.
        var forceIds = found.Values.Where(f => f.Target.Label == Labels.Force).OrderByDescending(f => f.Ranges.Count).Select(f => f.Target.Id).ToList();
        var actors = found.Values.Where(f => f.Target.Label == Labels.Organisation).ToList();
        var cases = new Dictionary<string, (string CaseId, bool Existing, List<string> Events, List<(string Date, string Status)> Statuses)>(StringComparer.Ordinal);
        (string CaseId, bool Existing, List<string> Events, List<(string Date, string Status)> Statuses) CaseOf(OfficerFound? officer, string? force)
        {
            var key = officer?.Id ?? force ?? "";
            if (cases.TryGetValue(key, out var c)) return c;
            var existingCase = officer?.Existing is { } e && dataset is not null
                ? dataset.Relationships.Where(r => r.Type == RelationshipTypes.SubjectOf && r.From == e.Id).Select(r => r.To).Distinct().ToList() : [];
            c = existingCase.Count == 1
                ? (existingCase[0], true, [], [])
                : ($"case:{(officer is not null ? Slug.Of(officer.Name) : force is not null ? Slug.Of(force) + "-" + Slug.Of(Path.GetFileNameWithoutExtension(document.FileName), 30) : Slug.Of(Path.GetFileNameWithoutExtension(document.FileName), 40))}-draft", false, [], []);
            cases[key] = c;
            return c;
        }
        var forceNames = found.Values.Where(f => f.Target.Label == Labels.Force).OrderByDescending(f => f.Ranges.Count).Select(f => f.Target.Name).ToList();
        IEnumerable<string> forcesIn((int Start, int End) s) => found.Values.Where(f => f.Target.Label == Labels.Force && f.Ranges.Any(r => r.Start >= s.Start && r.End <= s.End)).Select(f => f.Target.Name);
        OfficerFound? lastOfficer = null;
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        var panels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var sentenceIndex = 0; sentenceIndex < sentences.Count; sentenceIndex++)
        {
            var s = sentences[sentenceIndex];
            var inSentence = officers.Where(o => o.Ranges.Any(r => r.Start >= s.Start && r.End <= s.End)).OrderBy(o => o.Ranges.Where(r => r.Start >= s.Start).Min(r => r.Start)).ToList();
            if (inSentence.Count > 0) lastOfficer = inSentence[0];
            var sentence = text[s.Start..s.End];
            var reading = EventVocabulary.Read(sentence);
            if (reading is null) continue;
            var date = dates.Where(d => d.Start >= s.Start && d.End <= s.End).OrderBy(d => d.Relative).FirstOrDefault();
            var dateFromLineBefore = false;
            if (date is null && sentenceIndex > 0)
            {
                // A listing puts the date on the headline line just before ("… use of force18/07/2024"); take it from there.
                var before = sentences[sentenceIndex - 1];
                date = dates.Where(d => d.Start >= before.Start && d.End <= before.End && !d.Relative
                    && text.AsSpan(d.End, s.Start - d.End).Count('\n') <= 1 && !text.AsSpan(d.End, s.Start - d.End).Trim().ContainsAny(".!?"))
                    .LastOrDefault();
                dateFromLineBefore = date is not null;
            }
            // An unnamed subject is the officer of the sentence before, within the same paragraph only.
            // A sentence without a named officer is about the officer named just before (within 400 characters) or, in a
            // document that names one officer, about that officer — unless it names another force (a listing of other news).
            var otherForce = forcesIn(s).Any(f => f != forceNames.FirstOrDefault());
            var subject = inSentence.FirstOrDefault()
                ?? (otherForce ? null
                    : lastOfficer is not null && lastOfficer.Ranges.Any(r => r.Start < s.Start && s.Start - r.Start < 400) ? lastOfficer
                    : officers.Count(o => o.Ranges.Count > 0) == 1 ? officers.First(o => o.Ranges.Count > 0) : null);
            var dateText = date?.Date;

            // The panel that decided a misconduct case (panels are unnamed: "a disciplinary panel"). Its year is the
            // year it decided, so a sentence that only sends a case to a hearing does not make one.
            string? panelId = null;
            var panelSubject = subject?.Name ?? forcesIn(s).FirstOrDefault();
            if (Panel().Match(sentence) is { Success: true } panelWords && panelSubject is not null
                && reading.Kind is "finding" or "sanction" or "dismissal" or "barred_list" or "hearing" && !SentToHearing().IsMatch(sentence))
            {
                var year = dateText?[..4];
                var word = panelSubject.Split(' ')[subject is null ? 0 : ^1];
                var key = $"org:misconduct-panel-{Slug.Of(word)}-{year ?? "year-not-given"}";
                if (!panels.TryGetValue(key, out panelId))
                {
                    var range = (s.Start + panelWords.Index, s.Start + panelWords.Index + panelWords.Length);
                    var existingPanel = year is null ? null : dataset?.Nodes.FirstOrDefault(n => n.Label == Labels.Organisation && n.Text("kind") == "misconduct_panel"
                        && n.Name.Contains(word, StringComparison.OrdinalIgnoreCase) && n.Name.Contains(year, StringComparison.Ordinal));
                    if (existingPanel is not null)
                    {
                        mentions.Add(new Mention(existingPanel.Id, Labels.Organisation, existingPanel.Name, $"'{panelWords.Value}' with {panelSubject} and {year}", [range]));
                        panelId = existingPanel.Id;
                    }
                    else
                    {
                        panelId = key;
                        nodes.Add(new Proposal(
                            new JObject { ["id"] = key, ["label"] = Labels.Organisation, ["name"] = $"Misconduct panel, {panelSubject} case ({year ?? "year not given"})", ["kind"] = "misconduct_panel" },
                            $"'{panelWords.Value}' in a sentence about {panelSubject}" + (year is null ? " (no date: give the year)" : $" dated {year}"), [range]));
                    }
                    panels[key] = panelId;
                }
            }

            if (date is null) continue;
            var theCase = CaseOf(subject, subject is null ? forcesIn(s).FirstOrDefault() : null);
            var idDate = dateText ?? "undated";
            var baseId = $"event:{Slug.Of(subject?.Name ?? "case", 30)}-{idDate}-{reading.Kind.Replace('_', '-')}";
            var eventId = baseId;
            for (var n = 2; !eventIds.Add(eventId); n++) eventId = $"{baseId}-{n}";
            var ev = new JObject
            {
                ["id"] = eventId, ["label"] = Labels.Event,
                ["name"] = subject is null ? $"{reading.Label} ({idDate})" : $"{reading.Label}: {subject.Name} ({idDate})",
                ["kind"] = reading.Kind,
            };
            if (dateText is not null) ev["date"] = dateText;
            else checks.Add(new DraftCheck("relative date: give the document date with --published", date.Start, date.End, $"characters {date.Start}–{date.End}: {date.Basis}"));
            ev["summary"] = "";
            if (reading.LegalStatus is not null) ev["legalStatus"] = reading.LegalStatus;
            if (reading.MisconductLevel is not null && reading.Kind is "finding" or "sanction" or "dismissal") ev["misconductLevel"] = reading.MisconductLevel;
            if (reading.Sanction is not null && reading.Kind is "sanction" or "dismissal" or "barred_list" or "sentence" or "compensation") ev["sanction"] = reading.Sanction;
            ev["sources"] = Cite();
            var why = $"'{reading.Words}' with a date" + (date.Relative ? $" ({date.Basis})" : "") + (dateFromLineBefore ? " (date from the line before)" : "") + (reading.LegalStatus is null ? "" : $"; legal status from the words: {reading.LegalStatus}");
            nodes.Add(new Proposal(ev, why, [(s.Start, s.End)]));
            theCase.Events.Add(eventId);
            if (reading.LegalStatus is not null) theCase.Statuses.Add((dateText ?? "", reading.LegalStatus));
            Relate(RelationshipTypes.HasEvent, theCase.CaseId, eventId, "the event is a step of the case", [(s.Start, s.End)]);

            // Who acted: organisations named in the sentence, and the panel that heard a misconduct case.
            foreach (var actor in actors.Where(a => a.Ranges.Any(r => r.Start >= s.Start && r.End <= s.End)))
                Relate(RelationshipTypes.By, eventId, actor.Target.Id, $"{actor.Target.Name} is named in the event's sentence",
                    actor.Ranges.Where(r => r.Start >= s.Start && r.End <= s.End).ToList(), new JObject { ["role"] = RoleOf(reading.Kind, actor.Target.Kind) });
            if (panelId is not null && reading.Kind is "hearing" or "finding" or "sanction" or "dismissal" or "barred_list")
                Relate(RelationshipTypes.By, eventId, panelId, "the panel that heard the case", [(s.Start, s.End)], new JObject { ["role"] = "decided" });
        }

        // A panel a dated sentence places in a year replaces the same officer's panel with no year.
        nodes.RemoveAll(n => (string?)n.Item["kind"] == "misconduct_panel" && ((string)n.Item["id"]!).EndsWith("-year-not-given", StringComparison.Ordinal)
            && nodes.Any(o => o != n && (string?)o.Item["kind"] == "misconduct_panel"
                && ((string)o.Item["id"]!).StartsWith(((string)n.Item["id"]!)[..^"year-not-given".Length], StringComparison.Ordinal)));

        // 8. Cases, officers' service and victims.
        foreach (var (key, c) in cases)
        {
            var officer = officers.FirstOrDefault(o => o.Id == key);
            if (!c.Existing)
            {
                var caseNode = new JObject
                {
                    ["id"] = c.CaseId, ["label"] = Labels.Case,
                    ["name"] = officer is not null ? $"{officer.Name}: case to be named by the reviewer"
                        : key.Length > 0 ? $"{key} officer(s): case to be named by the reviewer" : $"Case reported in {document.FileName}",
                    ["categories"] = new JArray(CategoryOf(text)),
                    // The case's present status: the latest step's, and never more than its words.
                    ["legalStatus"] = LatestStatus(c.Statuses.Where(st => st.Status is not "unknown")) ?? "unknown",
                    ["summary"] = "",
                    ["sources"] = Cite(),
                };
                nodes.Add(new Proposal(caseNode, $"{c.Events.Count} dated step(s) in the document", []));
            }
            else mentions.Add(new Mention(c.CaseId, Labels.Case, dataset!.Nodes.First(n => n.Id == c.CaseId).Name, $"the only case {officer!.Existing!.Name} is subject of", []));
            Relate(RelationshipTypes.ReportsOn, sourceId, c.CaseId, "the document reports on the case", []);
            if (officer is not null)
                Relate(RelationshipTypes.SubjectOf, officer.Id, c.CaseId, "the officer is named in the case's dated steps", officer.Ranges.Take(3).ToList(),
                    new JObject { ["role"] = "subject", ["legalStatus"] = LatestStatus(c.Statuses.Where(st => st.Status is not "unknown")) ?? "alleged" });
        }
        foreach (var officer in officers.Where(o => o.Ranges.Count > 0))
        {
            // The force named nearest the officer's rank and name, else the force the document names most.
            var near = found.Values.Where(f => f.Target.Label == Labels.Force)
                .Select(f => (f.Target.Id, Distance: f.Ranges.Min(r => officer.RankRanges.Concat(officer.Ranges).Min(o => Math.Abs(r.Start - o.Start)))))
                .OrderBy(x => x.Distance).FirstOrDefault();
            var force = near.Id is not null && near.Distance < 200 ? near.Id : forceIds.FirstOrDefault();
            if (force is null) continue;
            var props = new JObject();
            if (officer.Rank is not null) props["rank"] = officer.Rank;
            Relate(RelationshipTypes.ServedIn, officer.Id, force, near.Distance < 200 ? "force named near the officer" : "the force the document names most", officer.RankRanges.Take(2).ToList(), props);
        }
        var mainCase = cases.Values.FirstOrDefault();
        var victimIndex = 0;
        foreach (var (pseudonym, ranges) in pseudonyms)
        {
            var id = $"victim:{Slug.Of(Path.GetFileNameWithoutExtension(document.FileName), 40)}-{++victimIndex}";
            // The marker itself says whose name it is not ("not her real name").
            var gender = pseudonymGender.GetValueOrDefault(pseudonym) ?? GenderNear(text, ranges[0].Start);
            nodes.Add(new Proposal(new JObject
            {
                ["id"] = id, ["label"] = Labels.VictimRole, ["role"] = "victim",
                ["descriptor"] = $"{gender} the document calls by a pseudonym (write a non-identifying descriptor)",
                ["anonymity"] = "pseudonym", ["pseudonym"] = pseudonym, ["sources"] = Cite(),
            }, "the document marks this name as not the person's real name", ranges.OrderBy(r => r.Start).ToList()));
            if (mainCase.CaseId is not null) Relate(RelationshipTypes.HasVictim, mainCase.CaseId, id, "victim in the case", ranges.Take(1).ToList());
        }
        foreach (var group in victimNames.GroupBy(v => v.Folded))
        {
            var id = $"victim:{Slug.Of(Path.GetFileNameWithoutExtension(document.FileName), 40)}-{++victimIndex}";
            var first = group.OrderBy(v => v.Start).First();
            var role = Complainant().IsMatch(text[SentenceAround(sentences, first.Start)]) ? "complainant" : "victim";
            nodes.Add(new Proposal(new JObject
            {
                ["id"] = id, ["label"] = Labels.VictimRole, ["role"] = role,
                ["descriptor"] = $"{GenderNear(text, first.Start)} described as a {role} (write a non-identifying descriptor)",
                ["anonymity"] = "protected", ["sources"] = Cite(),
            }, "a name near victim language: left out of the draft; if the person waived anonymity, set anonymity to public and link a Person with IDENTIFIED_AS",
                group.Select(v => (v.Start, v.End)).ToList()));
            if (mainCase.CaseId is not null) Relate(RelationshipTypes.HasVictim, mainCase.CaseId, id, "victim in the case", [(first.Start, first.End)]);
        }
        if (victimIndex == 0 && victimSentences.Count > 0 && mainCase.CaseId is not null)
        {
            var id = $"victim:{Slug.Of(Path.GetFileNameWithoutExtension(document.FileName), 40)}-1";
            var s = victimSentences[0];
            nodes.Add(new Proposal(new JObject
            {
                ["id"] = id, ["label"] = Labels.VictimRole, ["role"] = "victim",
                ["descriptor"] = "person the document describes as harmed (write a non-identifying descriptor)",
                ["anonymity"] = "protected", ["sources"] = Cite(),
            }, "victim language without a name", [(s.Start, s.End)]));
            Relate(RelationshipTypes.HasVictim, mainCase.CaseId, id, "victim in the case", [(s.Start, s.End)]);
        }

        return new Draft(document, sha, documentDate, dateBasis, sourceId, mentions, nodes, relationships, checks);
    }

    /// <summary>The status of the latest dated step (the case's present status), never a stronger one from earlier.</summary>
    private static string? LatestStatus(IEnumerable<(string Date, string Status)> statuses) =>
        statuses.Select((x, i) => (x.Date, x.Status, i)).OrderBy(x => x.Date, StringComparer.Ordinal).ThenBy(x => x.i).LastOrDefault().Status;

    private HashSet<string> KnownVictimIds() => dataset is null ? []
        : dataset.Relationships.Where(r => r.Type == RelationshipTypes.IdentifiedAs).Select(r => r.To).ToHashSet(StringComparer.Ordinal);

    private static Range SentenceAround(IReadOnlyList<(int Start, int End)> sentences, int at)
    {
        var s = sentences.FirstOrDefault(x => x.Start <= at && at < x.End);
        return s == default ? new Range(at, at) : new Range(s.Start, s.End);
    }

    private static string GenderNear(string text, int at)
    {
        var window = text[Math.Max(0, at - 150)..Math.Min(text.Length, at + 200)];
        var female = FemaleWords().Matches(window).Count;
        var male = MaleWords().Matches(window).Count;
        return female > male ? "woman" : male > female ? "man" : "person";
    }

    private static bool HasCapacity(string text, int end) => Capacity().IsMatch(text.AsSpan(end, Math.Min(80, text.Length - end)));

    private static string Initials(string name) => string.Join(" ", name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => $"{w.TrimStart('O', '’', '\'')[..1]}."));

    private static string RoleOf(string kind, string? organisationKind) => organisationKind switch
    {
        "watchdog" => kind == "referral" ? "referred" : "investigated",
        "misconduct_panel" or "tribunal" => "decided",
        "court" => "ruled",
        _ => RoleByKind(kind, organisationKind),
    };

    private static string RoleByKind(string kind, string? organisationKind) => kind switch
    {
        "investigation_opened" or "investigation_completed" => "investigated",
        "referral" => "referred",
        "charge" => "prosecuted",
        "verdict" or "sentence" or "ruling" or "judicial_review" => "ruled",
        "compensation" => "paid",
        "complaint" => "complained",
        "hearing" or "finding" or "sanction" or "dismissal" or "barred_list" => organisationKind is "watchdog" ? "investigated" : "decided",
        _ => "said",
    };

    private static string CategoryOf(string text)
    {
        if (SexualWords().IsMatch(text)) return OnDuty().IsMatch(text) ? "abuse_of_position_sexual" : "sexual_offence";
        if (ForceWords().IsMatch(text)) return "use_of_force";
        if (CorruptionWords().IsMatch(text)) return "corruption";
        if (PublicOffice().IsMatch(text)) return "misconduct_in_public_office";
        if (DeathWords().IsMatch(text)) return "death_or_serious_injury";
        if (DiscriminationWords().IsMatch(text)) return "discriminatory_conduct";
        return "other";
    }

    private static string GuessKind(string text, DocumentText document)
    {
        var head = text[..Math.Min(text.Length, 1500)];
        if (PressReleaseWords().IsMatch(head)) return "press_release";
        if (HearingNoticeWords().IsMatch(head)) return "report";
        if (JudgmentWords().IsMatch(head)) return "judgment";
        return "news_report";
    }

    /// <summary>The headline of a plain-text document: the first line of five words or more that is not a date or menu line.</summary>
    private static string? TitleLine(string text) => text.Split('\n').Select(l => l.Trim())
        .FirstOrDefault(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 5 && !l.Contains('|') && !DateLine().IsMatch(l))
        ?? text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    [GeneratedRegex(@"^(?:date\b|\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}$)", RegexOptions.IgnoreCase)] private static partial Regex DateLine();

    /// <summary>A title short enough to be a label (eight words at most, so no sentence of the document is copied),
    /// with any possible victim name withheld.</summary>
    private static string ShortTitle(string title, IEnumerable<string> withheld)
    {
        foreach (var name in withheld) title = title.Replace(name, "[name withheld]", StringComparison.Ordinal);
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 8 ? string.Join(' ', words) : string.Join(' ', words[..8]).TrimEnd(',', ':', ';', '–', '-') + " …";
    }

    /// <summary>Strips titles and trailing non-name words; null when nothing that looks like a name is left.</summary>
    private static string? CleanName(string raw, out int offset)
    {
        offset = 0;
        var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var position = 0;
        while (words.Count > 0 && (Honorifics.Contains(words[0].TrimEnd('.')) || NotNameWords.Contains(words[0])))
        {
            position += words[0].Length + 1;
            words.RemoveAt(0);
        }
        if (position > 0 && words.Count == 1 && raw.Split(' ')[0] is "Baroness" or "Lord" or "Lady" or "Sir" or "Dame" && !NotNameWords.Contains(words[0]))
        {
            offset = 0;
            return $"{raw.Split(' ')[0]} {words[0].TrimEnd('’', '\'')}";
        }
        var kept = new List<string>();
        foreach (var w in words)
        {
            if (NotNameWords.Contains(w) || Honorifics.Contains(w)) break;
            kept.Add(w);
        }
        if (kept.Count == 0) return null;
        // A possessive belongs to the sentence, not the name ("Connor’s supervisor").
        var last = kept[^1];
        if (last.EndsWith("’s", StringComparison.Ordinal) || last.EndsWith("'s", StringComparison.Ordinal)) kept[^1] = last[..^2];
        offset = raw.IndexOf(kept[0], position, StringComparison.Ordinal);
        var name = string.Join(' ', kept);
        return name.Length < 2 ? null : name;
    }

    private static Rank? RankOf(string text)
    {
        var folded = TextFolding.Fold(text);
        return Gazetteer.Ranks.FirstOrDefault(r => r.Forms.Any(f => TextFolding.Fold(f) == folded && (f.Any(char.IsLower) || f == text.TrimEnd('.'))));
    }

    private static string RankAbbreviation(string fullForm) =>
        Gazetteer.Ranks.First(r => r.FullForm == fullForm).Forms.Skip(1).FirstOrDefault(f => f.All(c => char.IsUpper(c) || c == '/')) ?? fullForm;

    /// <summary>Sentences as character ranges: split after . ! ? (and closing quotes) before a capital, and at line ends.</summary>
    public static IReadOnlyList<(int Start, int End)> Sentences(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        foreach (Match m in SentenceBreak().Matches(text))
        {
            if (m.Index > start && text[start..m.Index].Trim().Length > 0) result.Add((start, m.Index));
            start = m.Index + m.Length;
        }
        if (start < text.Length && text[start..].Trim().Length > 0) result.Add((start, text.Length));
        return result;
    }

    private static readonly (Regex Pattern, string Kind)[] OrganisationPatterns =
    [
        (new(@"(?<org>(?:\p{Lu}\p{Ll}+\s){1,3}(?:Crown|Magistrates['’]?|County|Coroner['’]s|Youth|Family)\s+Court)\b"), "court"),
        (new(@"(?<org>(?:\p{Lu}\p{Ll}+\s){1,3}(?:Employment\s+)?Tribunal)\b"), "tribunal"),
        (new(@"(?<org>(?:\p{Lu}[\p{L}'’]+\s(?:(?:of|for|and|the|on)\s)?){1,4}(?:Coalition|Project|Trust|Foundation|Campaign|Alliance|Network|Association|Union|Partnership|Charity))\b"), "ngo"),
        (new(@"(?<org>(?:\p{Lu}[\p{L}'’]+\s(?:(?:and|&)\s)?){1,3}(?:Solicitors|LLP|Chambers))\b"), "law_firm"),
        (new(@"\blaw firm\s+(?<org>\p{Lu}[\p{L}'’]+(?:\s(?:and|&)\s\p{Lu}[\p{L}'’]+|\s\p{Lu}[\p{L}'’]+){0,3})"), "law_firm"),
        (new(@"\b(?:campaign group|campaigners|pressure group|charity)\s+(?<org>\p{Lu}[\p{L}'’]+(?:\s\p{Lu}[\p{L}'’]+){1,3})"), "campaign"),
        (new(@"\bjournal\s+(?<org>\p{Lu}[\p{L}'’]+(?:\s(?:and|of|&)\s\p{Lu}[\p{L}'’]+|\s\p{Lu}[\p{L}'’]+){0,4})"), "journal"),
        (new(@"(?<org>University of \p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+ University)\b"), "academic"),
    ];

    // Rank forms, longest first; forms in capitals (PC, DCI) match as written, full forms in any case.
    private static readonly string RankAlternation = string.Join("|", Gazetteer.Ranks.SelectMany(r => r.Forms).Distinct()
        .OrderByDescending(f => f.Length)
        .Select(f => f.Any(char.IsLower) ? $"(?i:{Regex.Escape(f).Replace("\\ ", "\\s+")})" : Regex.Escape(f)));
    private static readonly string FullRankAlternation = string.Join("|", Gazetteer.Ranks.SelectMany(r => r.Forms).Where(f => f.Any(char.IsLower) && f.Length > 4).Distinct()
        .OrderByDescending(f => f.Length).Select(f => $"(?i:{Regex.Escape(f).Replace("\\ ", "\\s+")})"));
    private static readonly string ForceWord = @"(?:Met|MPS|Metropolitan Police|(?:\p{Lu}\p{Ll}+\s){1,3}(?:Police|Constabulary)|[A-Z]{2,5})";

    private static readonly Regex RankedNameRegex = new(
        $@"(?<![\p{{L}}])(?:(?<former>(?i:former|ex-|retired|then-)\s*))?(?:{ForceWord}\s+)?(?<rank>{RankAlternation})\.?\s+(?<name>(?:(?:Dr|Sir|Dame)\s+)?{NameWord}(?:[ ]{NameWord}){{0,2}})(?![\p{{L}}])",
        RegexOptions.CultureInvariant);
    private static Regex RankedName() => RankedNameRegex;

    private static readonly Regex NameThenRankRegex = new(
        $@"(?<name>{NameWord}(?:[ ]{NameWord}){{1,2}}),\s+(?:aged\s+)?(?:\d{{1,2}},\s+)?(?:(?:the|a|an|then|now|(?<former>former|retired|ex-))\s+){{0,3}}(?:{ForceWord}['’]?s?\s+)?(?<rank>{FullRankAlternation})\b",
        RegexOptions.CultureInvariant);
    private static Regex NameThenRank() => NameThenRankRegex;

    private static readonly Regex OfficerRoleRegex = new(
        $@"(?:(?<former>(?i:former|ex-|retired))\s+)?(?:{ForceWord}|police)\s+(?:officer|detective|response driver)\s+(?<name>{NameWord}(?:[ ]{NameWord}){{1,2}})",
        RegexOptions.CultureInvariant);
    private static Regex OfficerRole() => OfficerRoleRegex;

    private static readonly Regex OfficerAppositiveRegex = new(
        $@"(?<name>{NameWord}(?:[ ]{NameWord}){{1,2}})\s*[–—,-]+\s*(?:(?:a|an|the|then|now|(?<former>former|retired|ex-)|serving)\s+){{0,3}}(?:(?:{ForceWord}|police)\s+){{0,2}}(?:officer|detective|constable|response driver)\b|(?<name>{NameWord}(?:[ ]{NameWord}){{1,2}})\s*[–—,-]+\s*who (?:was|is|had been|served) (?:in|with) [^.;]{{0,40}}\b(?:unit|team|squad|command)\b",
        RegexOptions.CultureInvariant);
    private static Regex OfficerAppositive() => OfficerAppositiveRegex;

    private static readonly Regex PersonNameRegex = new(
        $@"(?<![\p{{L}}'’])(?:(?<title>Dr|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|Baroness|Professor|Prof|Cllr)\.?\s+)?(?<name>{NameWord}(?:[ ]{NameWord}){{0,3}})(?![\p{{L}}])",
        RegexOptions.CultureInvariant);
    private static Regex PersonName() => PersonNameRegex;

    private static readonly Regex QuotedBeforeRegex = new(
        $@"(?<name>{NameWord}(?:[ ]{NameWord}){{1,3}})(?:,[^.;“”""]{{3,120}}?)?,?\s+(?:said|says|told|added|explained|commented|wrote|warned|stated)\b",
        RegexOptions.CultureInvariant);
    private static Regex QuotedBefore() => QuotedBeforeRegex;

    private static readonly Regex QuotedAfterRegex = new(
        $@"\b(?:said|says|added|according to)\s+(?:(?:Dr|Mr|Mrs|Ms|Sir|Dame|Lord|Lady|Baroness|Professor)\.?\s+|(?:[\p{{L}}’']+\s){{0,4}}?(?:director|chief executive|head|spokes(?:person|woman|man)|lawyer|solicitor|chair|commissioner|minister|officer|manager|editor|campaigner|founder)\s+)?(?<name>{NameWord}(?:[ ]{NameWord}){{1,3}})",
        RegexOptions.CultureInvariant);
    private static Regex QuotedAfter() => QuotedAfterRegex;

    private static readonly Regex BylineRegex = new(
        $@"\bwrites[ ](?<name>{NameWord}(?:[ ]{NameWord}){{1,2}})|(?m:^[ \t]*By[ ](?<name>{NameWord}(?:[ ]{NameWord}){{1,2}})[ \t]*$)",
        RegexOptions.CultureInvariant);
    private static Regex Byline() => BylineRegex;

    [GeneratedRegex(@"(?<name>\p{Lu}\p{Ll}+)\s*\((?:not (?<pronoun>her|his|their) real name|a pseudonym|name changed|names? (?:has|have) been changed)\)|(?:whom|who) we (?:are calling|have called|will call|call)\s+(?<name2>\p{Lu}\p{Ll}+)")]
    private static partial Regex PseudonymMarker();

    [GeneratedRegex(@"\bvictims?\b|\bcomplainants?\b|\bsurvivors?\b|\bnot (?:her|his|their) real name\b|\bpseudonym\b|\brap(?:e|ed|ist)\b|\bsexual(?:ly)? assault|\bassaulted\b|\babused\b|\battacked\b|\bmurder(?:ed)?\b|\bkilled\b|\bharass(?:ed|ment)\b|\bstalk(?:ed|ing)\b|\bgroomed\b|\bstrip-?searched\b|\bpropositioned\b|\b(?:the|a|young|vulnerable) (?:woman|girl|teenager)\b|\bdomestic (?:abuse|violence)\b|\bmugg(?:ed|ing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VictimLanguage();

    [GeneratedRegex(@"\bcomplain(?:ant|ed|t)\b|\breported\b", RegexOptions.IgnoreCase)] private static partial Regex Complainant();
    [GeneratedRegex(@"\b(?:director|chief executive|head|spokes(?:person|woman|man)|lawyer|solicitor|barrister|chair|commissioner|minister|MP|professor|manager|editor|reporter|author|founder|campaigner|coroner|judge)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex CapacityBefore();
    [GeneratedRegex(@"^['’]?s?\s*(?:[–—,-]+\s*)?(?:who\s+)?(?:abducted|raped|murdered|killed|assaulted|attacked|abused|stalked|harassed|was jailed|was convicted|was sentenced|pleaded guilty|admitted|was found guilty|a serving|a former|the former|an officer|a police officer|who was in|was in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Perpetrator();
    [GeneratedRegex(@"^\s+(?:officers?|police|constables?|force|detectives?|constabulary|council|court|area|county)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceBeforeInstitution();
    [GeneratedRegex(@"^,\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}(?:director|chief executive|chief|head|spokes(?:person|woman|man)|lawyer|solicitor|barrister|MP|chair|chairman|chairwoman|founder|co-founder|campaigner|professor|minister|mayor|commissioner|deputy|assistant|executive|author|journalist|reporter|editor|officer|manager|secretary|president|lead|researcher|academic)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Capacity();
    [GeneratedRegex(@"\b(?:she|her|woman|women|girl|mother|daughter|wife|Ms|Mrs|Miss)\b", RegexOptions.IgnoreCase)] private static partial Regex FemaleWords();
    [GeneratedRegex(@"\b(?:he|him|his|man|men|boy|father|son|husband|Mr)\b", RegexOptions.IgnoreCase)] private static partial Regex MaleWords();
    [GeneratedRegex(@"(?:gross\s+)?misconduct\s+(?:hearing|panel|meeting)|disciplinary\s+(?:hearing|panel)|accelerated\s+(?:misconduct\s+)?hearing|\bthe panel\b|\ba panel\b|\bat a (?:misconduct )?hearing\b|\bthe hearing\b", RegexOptions.IgnoreCase)]
    private static partial Regex Panel();
    [GeneratedRegex(@"\b(?:sent|referred|passed)\b[^.]{0,60}\bto (?:a |the )?(?:gross )?(?:misconduct )?hearing\b|\b(?:will|would|should|to|must) face\b", RegexOptions.IgnoreCase)]
    private static partial Regex SentToHearing();
    [GeneratedRegex(@"\bsexual|\brelationship\b|\brape\b|\bindecent|\bvoyeur", RegexOptions.IgnoreCase)] private static partial Regex SexualWords();
    [GeneratedRegex(@"\bon duty\b|\babuse of (?:position|power)\b|\bvulnerable\b|\bwhile serving\b|\bmet (?:her|him|them) (?:while|on|through)", RegexOptions.IgnoreCase)] private static partial Regex OnDuty();
    [GeneratedRegex(@"\buse of force\b|\btaser\b|\brestrain|\bpunch|\bkick|\bexcessive force\b", RegexOptions.IgnoreCase)] private static partial Regex ForceWords();
    [GeneratedRegex(@"\bcorrupt|\bbrib|\bdata breach|\bunauthorised (?:access|disclosure)\b", RegexOptions.IgnoreCase)] private static partial Regex CorruptionWords();
    [GeneratedRegex(@"\bmisconduct in (?:a )?public office\b", RegexOptions.IgnoreCase)] private static partial Regex PublicOffice();
    [GeneratedRegex(@"\bdied\b|\bdeath\b|\bfatal\b|\bserious injur", RegexOptions.IgnoreCase)] private static partial Regex DeathWords();
    [GeneratedRegex(@"\bracis|\bdiscriminat|\bhomophob|\bmisogyn", RegexOptions.IgnoreCase)] private static partial Regex DiscriminationWords();
    [GeneratedRegex(@"\bpress release\b|\bIOPC\b.*\b(?:said|found|investigation)\b|\bfor immediate release\b|\bnotes to editors\b", RegexOptions.IgnoreCase)] private static partial Regex PressReleaseWords();
    [GeneratedRegex(@"\boutcome of (?:a |the )?(?:gross )?misconduct hearing\b|\bhearing outcome\b|\bmisconduct hearing outcome\b", RegexOptions.IgnoreCase)] private static partial Regex HearingNoticeWords();
    [GeneratedRegex(@"\bjudgment\b|\bneutral citation\b|\bEWHC\b|\bEWCA\b", RegexOptions.IgnoreCase)] private static partial Regex JudgmentWords();
    [GeneratedRegex(@"(?<=[.!?…])[”’""']?\s+(?=[“‘""'(\[]?[\p{Lu}\d])|\n\s*")] private static partial Regex SentenceBreak();
}
