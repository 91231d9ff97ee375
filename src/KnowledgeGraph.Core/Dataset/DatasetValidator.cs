using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;
using KnowledgeGraph.Core.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Dataset;

/// <summary>
/// Checks dataset JSON against <see cref="GraphSchema"/> and the three rules (every fact cited, allegation is not
/// finding, victims protected). Per-item checks run as each file is read; cross-file checks (ids, references,
/// endpoint labels, victim links) run in <see cref="Finish"/>.
/// </summary>
internal sealed class DatasetValidator(List<DatasetError> errors)
{
    private static readonly HashSet<string> CommonNodeFields = ["id", "label", "name", "aliases", "sources", .. FactNoteReader.Fields];
    private static readonly HashSet<string> RelationshipFields = ["type", "from", "to", "sources", "key", "properties", .. FactNoteReader.Fields];

    private readonly List<(GraphNode Node, Place Place)> _nodes = [];
    private readonly List<(GraphRelationship Rel, Place Place, JObject Json)> _relationships = [];
    private readonly List<(FactNote Note, string File)> _notes = [];
    private readonly List<(NoteReference Reference, string File)> _noteReferences = [];

    private sealed record Place(string File, JToken Token)
    {
        public int? Line => ((IJsonLineInfo)Token).HasLineInfo() ? ((IJsonLineInfo)Token).LineNumber : null;
    }

    public void ReadFile(string file, JObject root)
    {
        foreach (var property in root.Properties())
            if (property.Name is not ("nodes" or "relationships" or "$schema" or "description"))
                Error(new Place(file, property), $"unknown top-level key '{property.Name}'; expected \"nodes\" and \"relationships\"");

        foreach (var item in ArrayOf(file, root, "nodes"))
            if (ReadNode(file, item) is { } node) _nodes.Add((node, new Place(file, item)));
        foreach (var item in ArrayOf(file, root, "relationships"))
            if (ReadRelationship(file, item) is { } rel) _relationships.Add((rel, new Place(file, item), item));
    }

    private IEnumerable<JObject> ArrayOf(string file, JObject root, string key)
    {
        var token = root[key];
        if (token is null) return [];
        if (token is not JArray array)
        {
            Error(new Place(file, token), $"\"{key}\" must be an array");
            return [];
        }
        var items = new List<JObject>();
        foreach (var element in array)
        {
            if (element is JObject o) items.Add(o);
            else Error(new Place(file, element), $"each entry of \"{key}\" must be an object");
        }
        return items;
    }

    private GraphNode? ReadNode(string file, JObject json)
    {
        var place = new Place(file, json);
        var id = RequiredString(place, json, "id");
        var label = RequiredString(place, json, "label");
        var spec = GraphSchema.FindLabel(label);
        if (label is not null && spec is null)
        {
            Error(At(place, json, "label"), $"unknown label '{label}'; known labels: {string.Join(", ", Labels.All)}");
            return null;
        }
        if (id is not null && label is not null && !IsValidId(id, Labels.IdPrefix[label]))
        {
            Error(At(place, json, "id"), $"id '{id}' must look like '{Labels.IdPrefix[label]}:lower-case-words' for a {label}");
        }
        if (spec is null) return null;

        var name = OptionalString(place, json, "name");
        var aliases = StringList(place, json, "aliases") ?? [];
        var sources = StringList(place, json, "sources") ?? [];
        if (spec.HasName && string.IsNullOrWhiteSpace(name))
        {
            Error(place, $"{label} '{id}' needs a \"name\"");
        }
        if (!spec.HasName && (json["name"] is not null || json["aliases"] is not null))
        {
            Error(At(place, json, json["name"] is not null ? "name" : "aliases"),
                $"a victim role carries no name or aliases (victims are protected); describe the role in \"descriptor\" and, only for a public role, link a Person with IDENTIFIED_AS");
        }
        if (spec.SourcesRequired && sources.Count == 0)
        {
            Error(place, $"{label} '{id}' must cite at least one source in \"sources\"");
        }

        var properties = ReadProperties(place, json, spec.Properties, CommonNodeFields, $"{label}");
        if (label == Labels.Event) CheckEventLegalStatus(place, json, properties);
        if (label == Labels.VictimRole) CheckPseudonym(place, json, properties);

        // An item with other mistakes still takes part in cross-file checks (the dataset is rejected anyway), so one
        // mistake gives one error rather than a cascade of "no node has this id".
        if (id is null || label is null) return null;
        ReadNotes(file, id, json);
        var displayName = spec.HasName ? name?.Trim() ?? id : VictimProtection.DisplayName(properties);
        return new GraphNode(id, label, displayName, aliases, properties, sources);
    }

    private GraphRelationship? ReadRelationship(string file, JObject json)
    {
        var place = new Place(file, json);
        foreach (var property in json.Properties())
            if (!RelationshipFields.Contains(property.Name))
            {
                Error(new Place(file, property), $"unknown field '{property.Name}' on a relationship; put values in \"properties\"");
            }
        var type = RequiredString(place, json, "type");
        var from = RequiredString(place, json, "from");
        var to = RequiredString(place, json, "to");
        var key = OptionalString(place, json, "key");
        var sources = StringList(place, json, "sources");
        var spec = GraphSchema.FindType(type);
        if (type is not null && spec is null)
        {
            Error(At(place, json, "type"), $"unknown relationship type '{type}'; known types: {string.Join(", ", GraphSchema.Relationships.Select(r => r.Type))}");
            return null;
        }
        if (sources is null || sources.Count == 0)
        {
            Error(place, $"{type} {from} -> {to} cites no source; every relationship needs at least one Source id in \"sources\"");
        }
        if (spec is null) return null;

        IReadOnlyDictionary<string, object?> properties = new Dictionary<string, object?>();
        if (json["properties"] is { } propsToken)
        {
            if (propsToken is JObject propsJson)
                properties = ReadProperties(new Place(file, propsJson), propsJson, spec.Properties, [], type!);
            else
            {
                Error(At(place, json, "properties"), "\"properties\" must be an object");
            }
        }
        else
        {
            foreach (var required in spec.Properties.Where(p => p.Required))
            {
                Error(place, $"{type} needs property '{required.Name}' ({required.Description})");
            }
        }

        if (from is null || to is null) return null;
        var relId = GraphRelationship.MakeId(type!, from, to, key);
        ReadNotes(file, relId, json);
        return new GraphRelationship(relId, type!, from, to, properties, sources ?? []);
    }

    private Dictionary<string, object?> ReadProperties(Place place, JObject json, IReadOnlyList<PropertySpec> specs,
        HashSet<string> commonFields, string owner)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var byName = specs.ToDictionary(s => s.Name);
        foreach (var property in json.Properties())
        {
            if (commonFields.Contains(property.Name) || property.Name == "label") continue;
            if (!byName.TryGetValue(property.Name, out var spec))
            {
                Error(new Place(place.File, property), $"unknown property '{property.Name}' for {owner}; allowed: {string.Join(", ", specs.Select(s => s.Name))}");
                continue;
            }
            var (valid, value) = ReadValue(new Place(place.File, property.Value), spec, property.Value, owner);
            if (valid && value is not null) result[spec.Name] = value;
        }
        foreach (var spec in specs.Where(s => s.Required && !result.ContainsKey(s.Name)))
        {
            if (json[spec.Name] is not null) continue; // already reported as invalid
            Error(place, $"{owner} needs property '{spec.Name}'" + (spec.Vocabulary is null ? "" : $" (one of: {spec.Vocabulary.Describe()})"));
        }

        // "present" means still ongoing, so it can only close a period; and a period cannot end before it starts.
        if (result.ContainsKey("from") || result.ContainsKey("to"))
        {
            if (result.GetValueOrDefault("from") as string == PeriodEnd.PresentText)
            {
                Error(At(place, json, "from"), "\"present\" can only be the end of a period (\"to\")");
            }
            else if (Period.Parse(result.GetValueOrDefault("from") as string, result.GetValueOrDefault("to") as string).EndsBeforeItStarts)
            {
                Error(At(place, json, "to"), $"the period ends ({result["to"]}) before it starts ({result["from"]})");
            }
        }
        return result;
    }

    private (bool Valid, object? Value) ReadValue(Place place, PropertySpec spec, JToken token, string owner)
    {
        if (token.Type == JTokenType.Null)
        {
            if (spec.Kind == PropertyKind.PeriodEnd) return (true, null);
            Error(place, $"'{spec.Name}' may not be null; leave it out instead");
            return (false, null);
        }
        switch (spec.Kind)
        {
            case PropertyKind.Boolean:
                if (token.Type == JTokenType.Boolean) return (true, token.Value<bool>());
                Error(place, $"'{spec.Name}' must be true or false");
                return (false, null);
            case PropertyKind.VocabularyList:
                if (token is not JArray array || array.Count == 0 || array.Any(t => t.Type != JTokenType.String))
                {
                    Error(place, $"'{spec.Name}' must be a non-empty array of: {spec.Vocabulary!.Describe()}");
                    return (false, null);
                }
                var values = array.Select(t => t.Value<string>()!).ToArray();
                var unknown = values.Where(v => !spec.Vocabulary!.Contains(v)).ToList();
                if (unknown.Count == 0) return (true, values);
                Error(place, $"unknown {spec.Vocabulary!.Name} '{string.Join("', '", unknown)}'; allowed: {spec.Vocabulary.Describe()}");
                return (false, null);
        }
        if (token.Type != JTokenType.String || string.IsNullOrWhiteSpace(token.Value<string>()))
        {
            Error(place, $"'{spec.Name}' of {owner} must be a non-empty string");
            return (false, null);
        }
        var text = token.Value<string>()!;
        switch (spec.Kind)
        {
            case PropertyKind.Vocabulary when !spec.Vocabulary!.Contains(text):
                Error(place, $"unknown {spec.Vocabulary.Name} '{text}'; allowed: {spec.Vocabulary.Describe()}");
                return (false, null);
            case PropertyKind.PartialDate when !PartialDate.TryParse(text, out _, out var dateError):
                Error(place, $"'{spec.Name}': {dateError}");
                return (false, null);
            case PropertyKind.PeriodEnd when !PeriodEnd.TryParse(text, out _, out var endError):
                Error(place, $"'{spec.Name}': {endError} (or \"present\", or leave it out when unknown)");
                return (false, null);
        }
        return (true, text);
    }

    private void ReadNotes(string file, string id, JObject json)
    {
        var (note, references) = FactNoteReader.Read(id, json, (token, message) => Error(new Place(file, token), message));
        if (note is not null) _notes.Add((note, file));
        _noteReferences.AddRange(references.Select(r => (r, file)));
    }

    private void CheckNotes(Dictionary<string, GraphNode> nodesById)
    {
        var withheld = WithheldFacts.Ids(_notes.Select(n => n.Note));
        foreach (var (reference, file) in _noteReferences)
            FactNoteChecks.CheckReferences([reference], nodesById, withheld, (r, message) => Error(new Place(file, r.Token), message));
        if (withheld.Count == 0) return;
        // A shown fact whose every citation is a withheld document would be shown uncited: withhold it too, or cite another.
        foreach (var (node, place) in _nodes.Where(n => !withheld.Contains(n.Node.Id) && FactNoteChecks.RestsOnlyOnWithheld(n.Node.Sources, withheld)))
            Error(place, $"{node.Label} '{node.Id}' cites only withheld sources; withhold it too or cite a shown source");
        foreach (var (rel, place, _) in _relationships.Where(r => !withheld.Contains(r.Rel.Id) && !withheld.Contains(r.Rel.From)
                     && !withheld.Contains(r.Rel.To) && FactNoteChecks.RestsOnlyOnWithheld(r.Rel.Sources, withheld)))
            Error(place, $"{rel.Type} {rel.From} -> {rel.To} cites only withheld sources; withhold it too or cite a shown source");
        // An event or victim role is part of its case: once every case it belongs to is withheld, showing it would show
        // what the withholding holds back.
        foreach (var (label, type) in new[] { (Labels.Event, RelationshipTypes.HasEvent), (Labels.VictimRole, RelationshipTypes.HasVictim) })
        {
            var cases = _relationships.Where(r => r.Rel.Type == type).GroupBy(r => r.Rel.To)
                .ToDictionary(g => g.Key, g => g.Select(r => r.Rel.From).ToList(), StringComparer.Ordinal);
            foreach (var (node, place) in _nodes.Where(n => n.Node.Label == label && !withheld.Contains(n.Node.Id)
                         && cases.TryGetValue(n.Node.Id, out var owners) && owners.All(withheld.Contains)))
                Error(place, $"{label} '{node.Id}' belongs only to withheld case(s) ({string.Join(", ", cases[node.Id])}); withhold it too");
        }
    }

    private void CheckEventLegalStatus(Place place, JObject json, Dictionary<string, object?> properties)
    {
        if (properties.GetValueOrDefault("kind") is string kind
            && Vocabularies.EventKindsNeedingLegalStatus.Contains(kind) && !properties.ContainsKey("legalStatus")
            && json["legalStatus"] is null)
        {
            Error(place, $"an event of kind '{kind}' asserts or decides wrongdoing, so it needs a \"legalStatus\" ({Vocabularies.LegalStatus.Describe()})");
        }
    }

    private void CheckPseudonym(Place place, JObject json, Dictionary<string, object?> properties)
    {
        var anonymity = properties.GetValueOrDefault("anonymity") as string;
        var hasPseudonym = properties.ContainsKey("pseudonym");
        if (anonymity == "pseudonym" && !hasPseudonym)
        {
            Error(place, "a victim role with anonymity 'pseudonym' must give the \"pseudonym\" the source used");
        }
        else if (anonymity is "protected" or "public" && hasPseudonym)
        {
            Error(At(place, json, "pseudonym"), $"a {anonymity} victim role may not carry a pseudonym; use anonymity 'pseudonym'");
        }
    }

    /// <summary>Cross-file checks, then the dataset if nothing failed.</summary>
    public Model.Dataset Finish()
    {
        var nodesById = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var firstPlace = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var (node, place) in _nodes)
        {
            if (nodesById.TryAdd(node.Id, node)) firstPlace[node.Id] = place;
            else
            {
                var first = firstPlace[node.Id];
                Error(At(place, (JObject)place.Token, "id"), $"duplicate id '{node.Id}' (first defined in {first.File}:{first.Line})");
            }
        }

        foreach (var (node, place) in _nodes)
            CheckSources(place, node.Sources, nodesById, $"{node.Label} '{node.Id}'");

        var relationshipIds = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var (rel, place, json) in _relationships)
        {
            var spec = GraphSchema.FindType(rel.Type)!;
            if (!relationshipIds.TryAdd(rel.Id, place))
                Error(place, $"duplicate relationship {rel.Type} {rel.From} -> {rel.To} (first in {relationshipIds[rel.Id].File}:{relationshipIds[rel.Id].Line}); give each a distinct \"key\"");
            CheckEndpoint(place, json, "from", rel.From, spec.FromLabels, spec.Type, nodesById);
            CheckEndpoint(place, json, "to", rel.To, spec.ToLabels, spec.Type, nodesById);
            CheckSources(place, rel.Sources, nodesById, $"{rel.Type} {rel.From} -> {rel.To}");
            foreach (var idProperty in spec.Properties.Where(p => p.Kind == PropertyKind.NodeId))
                if (rel.Text(idProperty.Name) is { } target
                    && (!nodesById.TryGetValue(target, out var targetNode) || targetNode.Label != idProperty.NodeLabel))
                    Error(place, $"property '{idProperty.Name}' refers to '{target}', which is not a {idProperty.NodeLabel} in the dataset");
            if (rel.Type == RelationshipTypes.IdentifiedAs && nodesById.TryGetValue(rel.From, out var role)
                && role.Label == Labels.VictimRole && !VictimProtection.MayBeIdentified(role.Text("anonymity")))
                Error(place, $"victim role '{rel.From}' is {role.Text("anonymity")}; only a public role may be linked to a named person (victims are protected)");
        }

        CheckDescriptorsNameNoOne(nodesById);
        CheckBelongsToCase(nodesById, Labels.Event, RelationshipTypes.HasEvent);
        CheckBelongsToCase(nodesById, Labels.VictimRole, RelationshipTypes.HasVictim);
        CheckNotes(nodesById);

        // Withheld facts leave here, where every dataset is made, so nothing downstream is ever handed one.
        return WithheldFacts.Apply(new Model.Dataset(
            _nodes.Select(n => n.Node).DistinctBy(n => n.Id).ToList(),
            _relationships.Select(r => r.Rel).DistinctBy(r => r.Id).ToList(),
            _notes.Select(n => n.Note).DistinctBy(n => n.FactId).ToList()));
    }

    private void CheckEndpoint(Place place, JObject json, string end, string id, IReadOnlyList<string> allowed, string type,
        Dictionary<string, GraphNode> nodesById)
    {
        if (!nodesById.TryGetValue(id, out var node))
            Error(At(place, json, end), $"'{end}' refers to '{id}', which no node in the dataset has");
        else if (!allowed.Contains(node.Label))
            Error(At(place, json, end), $"{type} cannot {(end == "from" ? "start at" : "end at")} a {node.Label} ('{id}'); it joins {string.Join("/", GraphSchema.FindType(type)!.FromLabels)} -> {string.Join("/", GraphSchema.FindType(type)!.ToLabels)}");
    }

    private void CheckSources(Place place, IReadOnlyList<string> sources, Dictionary<string, GraphNode> nodesById, string what)
    {
        foreach (var source in sources)
            if (!nodesById.TryGetValue(source, out var node))
                Error(place, $"{what} cites '{source}', which no node in the dataset has");
            else if (node.Label != Labels.Source)
                Error(place, $"{what} cites '{source}', which is a {node.Label}, not a Source");
    }

    // A descriptor is free text; make sure no one slips a real name into it.
    private void CheckDescriptorsNameNoOne(Dictionary<string, GraphNode> nodesById)
    {
        var names = nodesById.Values.Where(n => n.Label == Labels.Person)
            .SelectMany(p => p.Aliases.Append(p.Name)).Where(n => n.Length > 3).Distinct().ToList();
        foreach (var (node, place) in _nodes.Where(n => n.Node.Label == Labels.VictimRole))
        {
            var text = $"{node.Text("descriptor")} {node.Text("pseudonym")}";
            foreach (var name in names.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                Error(At(place, (JObject)place.Token, "descriptor"), $"victim role '{node.Id}' names '{name}' in its descriptor; a descriptor must not identify anyone");
        }
    }

    private void CheckBelongsToCase(Dictionary<string, GraphNode> nodesById, string label, string type)
    {
        var linked = _relationships.Where(r => r.Rel.Type == type).Select(r => r.Rel.To).ToHashSet(StringComparer.Ordinal);
        foreach (var (node, place) in _nodes.Where(n => n.Node.Label == label && !linked.Contains(n.Node.Id)))
            Error(place, $"{label} '{node.Id}' belongs to no case; add a {type} relationship from its Case");
    }

    private static bool IsValidId(string id, string prefix) => Labels.IsWellFormedId(id) && id.StartsWith(prefix + ":", StringComparison.Ordinal);

    private string? RequiredString(Place place, JObject json, string key)
    {
        var token = json[key];
        if (token is { Type: JTokenType.String } && !string.IsNullOrWhiteSpace(token.Value<string>())) return token.Value<string>();
        Error(token is null ? place : new Place(place.File, token), token is null ? $"missing \"{key}\"" : $"\"{key}\" must be a non-empty string");
        return null;
    }

    private string? OptionalString(Place place, JObject json, string key)
    {
        var token = json[key];
        if (token is null) return null;
        if (token.Type == JTokenType.String) return token.Value<string>();
        Error(new Place(place.File, token), $"\"{key}\" must be a string");
        return null;
    }

    private List<string>? StringList(Place place, JObject json, string key)
    {
        var token = json[key];
        if (token is null) return null;
        if (token is JArray array && array.All(t => t.Type == JTokenType.String && !string.IsNullOrWhiteSpace(t.Value<string>())))
            return array.Select(t => t.Value<string>()!).ToList();
        Error(new Place(place.File, token), $"\"{key}\" must be an array of non-empty strings");
        return null;
    }

    private static Place At(Place place, JObject json, string key) => json[key] is { } token ? new Place(place.File, token) : place;

    private void Error(Place place, string message) =>
        errors.Add(new DatasetError(place.File, place.Line, place.Token.Path is { Length: > 0 } path ? "$." + path : "$", message));
}
