using KnowledgeGraph.Core.Dataset;
using KnowledgeGraph.Records;

namespace KnowledgeGraph.Tests.Records;

/// <summary>Each mapping mistake and each rule for rows, with the place the error names.</summary>
public class RecordsMappingTests
{
    private const string Json = """
        { "nodes": [ { "id": "force:f", "label": "Force", "name": "F" },
                     { "id": "source:doc", "label": "Source", "name": "Doc", "kind": "report", "title": "Doc", "seedFile": "doc.txt" } ] }
        """;

    private static DatasetReadResult Read(string yaml, params (string Name, string Text)[] tables) => ReadWith(Json, yaml, tables);

    private static DatasetReadResult ReadWith(string json, string yaml, params (string Name, string Text)[] tables)
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "base.json"), json);
        File.WriteAllText(Path.Combine(dir, "r.records.yaml"), yaml);
        foreach (var (name, text) in tables) File.WriteAllText(Path.Combine(dir, name), text);
        return DatasetReader.Read(dir, today: new DateOnly(2025, 1, 1));
    }

    private static string Officers(string properties = "{ identified: true, status: serving }", string extra = "") => $$"""
        source: { id: source:r, name: R, kind: dataset, title: R }
        tables:
          - file: o.csv
        {{extra}}
            nodes:
              - { as: officer, label: Officer, id: "officer:r-{id}", name: "{name}", properties: {{properties}} }
            relationships:
              - { type: SERVED_IN, from: officer, to: "force:f", properties: { from: "{start}", to: "{end}" } }
        """;

    private static DatasetError Only(DatasetReadResult read) => Assert.Single(read.Result.Errors);

    [Fact]
    public void Bad_yaml_names_the_mapping_file_and_line()
    {
        var error = Read("source:\n  id: source:r\n   name: bad indent: x\ntables: []\n", ("o.csv", "id\n1\n")).Result.Errors.First();
        Assert.Equal("r.records.yaml", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("bad YAML", error.Message);
    }

    [Fact]
    public void An_unknown_label_names_the_line_and_key()
    {
        var read = Read(Officers().Replace("label: Officer", "label: Oficer"), ("o.csv", "id,name,start,end\n1,A,2001,\n"));
        var error = read.Result.Errors.First();
        Assert.Equal(("r.records.yaml", 6, "tables[0].nodes[0].label"), (error.File, error.Line, error.JsonPath));
        Assert.Contains("unknown label 'Oficer'", error.Message);
    }

    [Fact]
    public void An_unknown_column_in_a_placeholder_names_the_line_key_and_the_columns_there_are()
    {
        var error = Only(Read(Officers(), ("o.csv", "id,nom,start,end\n1,A,2001,\n")));
        Assert.Equal(("r.records.yaml", "tables[0].nodes[0].name"), (error.File, error.JsonPath));
        Assert.Contains("unknown column 'name'", error.Message);
        Assert.Contains("id, nom, start, end", error.Message);
    }

    [Fact]
    public void An_unknown_as_name_is_a_mapping_error()
    {
        var error = Read(Officers().Replace("from: officer", "from: oficer"), ("o.csv", "id,name,start,end\n1,A,2001,\n")).Result.Errors.First();
        Assert.Equal("tables[0].relationships[0].from", error.JsonPath);
        Assert.Contains("'oficer' is not the \"as\" name", error.Message);
    }

    [Fact]
    public void A_required_property_left_empty_names_file_row_and_column()
    {
        var read = Read(Officers("{ identified: true, status: \"{status}\" }"), ("o.csv", "id,name,status,start,end\n1,A,serving,2001,\n2,B,,2001,\n"));
        var error = Only(read);
        Assert.Equal(("o.csv", 3, "status"), (error.File, error.Row, error.Column));
        Assert.Contains("needs property 'status'", error.Message);
        Assert.StartsWith("o.csv, row 3, column status:", error.ToString());
    }

    [Fact]
    public void Rows_that_disagree_about_a_node_name_both_rows_unless_conflicts_first()
    {
        var csv = ("o.csv", "id,name,start,end\n1,Ann,2001,2002\n1,Anne,2003,\n");
        var error = Only(Read(Officers(), csv));
        Assert.Equal(("o.csv", 3, "name"), (error.File, error.Row, error.Column));
        Assert.Contains("'Anne' here but 'Ann' in o.csv, row 2", error.Message);

        var first = Read(Officers(extra: "    conflicts: first"), csv);
        Assert.True(first.IsValid, string.Join("\n", first.Result.Errors));
        Assert.Equal("Ann", first.Result.Dataset!.Nodes.Single(n => n.Id == "officer:r-1").Name);
        // Two stints in the same force: two relationships, told apart by row key.
        Assert.Equal(2, first.Result.Dataset.Relationships.Count(r => r.Type == "SERVED_IN"));
    }

    [Fact]
    public void Identical_relationships_from_many_rows_are_one_citing_the_first_row()
    {
        var read = Read(Officers(), ("o.csv", "id,name,start,end\n1,A,2001,\n1,A,2001,\n"));
        Assert.True(read.IsValid, string.Join("\n", read.Result.Errors));
        var rel = Assert.Single(read.Result.Dataset!.Relationships);
        Assert.Equal(["source:r#o.csv, row 2"], rel.Sources);
        Assert.Equal("SERVED_IN:officer:r-1->force:f", rel.Id);
        Assert.Contains(read.Warnings, w => w.Message.Contains("repeats") && w.FirstRows.SequenceEqual([3]));
    }

    [Fact]
    public void Values_map_vocabulary_columns_and_an_unmapped_legal_status_is_counted_with_its_first_rows()
    {
        var yaml = """
            source: { id: source:r, name: R, kind: dataset, title: R }
            tables:
              - file: c.csv
                key: "{cid}/{oid}"
                dates: { format: "MM/dd/yyyy" }
                values:
                  finding: { SU: proven, UN: unfounded, EX: exonerated }
                  category: { F: use_of_force, "*": other }
                nodes:
                  - { as: o, label: Officer, id: "officer:r-{oid}", name: "Officer {oid}", properties: { identified: false, status: unknown } }
                  - { as: c, label: Case, id: "case:r-{cid}", name: "C {cid}", properties: { date: "{date}", categories: ["{category}"], summary: "{category}", legalStatus: unknown } }
                relationships:
                  - { type: SUBJECT_OF, from: o, to: c, properties: { role: subject, legalStatus: "{finding}" } }
            """;
        var good = Read(yaml, ("c.csv", "cid,oid,date,category,finding\n1,7,03/14/2016,F,UN\n2,7,03/15/2016,Zz,EX\n"));
        Assert.True(good.IsValid, string.Join("\n", good.Result.Errors));
        var dataset = good.Result.Dataset!;
        Assert.Equal(["use_of_force"], (string[])dataset.Nodes.Single(n => n.Id == "case:r-1").Properties["categories"]!);
        Assert.Equal(["other"], (string[])dataset.Nodes.Single(n => n.Id == "case:r-2").Properties["categories"]!);
        Assert.Equal("Zz", dataset.Nodes.Single(n => n.Id == "case:r-2").Text("summary")); // not a vocabulary: the raw text
        Assert.Equal("2016-03-14", dataset.Nodes.Single(n => n.Id == "case:r-1").Text("date"));
        Assert.Equal(["unfounded", "exonerated"], dataset.Relationships.OrderBy(r => r.To).Select(r => r.Text("legalStatus")));

        var bad = Read(yaml, ("c.csv", "cid,oid,date,category,finding\n1,7,03/14/2016,F,QQ\n2,7,2016-13-01,F,QQ\n3,8,03/14/2016,F,QQ\n"));
        Assert.Contains(bad.Result.Errors, e => e is { Row: 3, Column: "date" } && e.Message.Contains("'2016-13-01'"));
        var unmapped = Assert.Single(bad.Result.Errors, e => e.Message.Contains("value 'QQ'"));
        Assert.Equal(("c.csv", 2, "finding"), (unmapped.File, unmapped.Row, unmapped.Column));
        Assert.Contains("3 row(s) have it, first: row 2, row 3, row 4", unmapped.Message);
    }

    [Fact]
    public void A_legal_status_read_from_a_column_without_a_values_map_is_refused_never_upgraded()
    {
        var yaml = """
            source: { id: source:r, name: R, kind: dataset, title: R }
            tables:
              - file: c.csv
                nodes:
                  - { as: o, label: Officer, id: "officer:r-{oid}", name: "O", properties: { identified: false, status: unknown } }
                  - { as: c, label: Case, id: "case:r-{cid}", name: "C", properties: { categories: [other], summary: s, legalStatus: unknown } }
                relationships:
                  - { type: SUBJECT_OF, from: o, to: c, properties: { role: subject, legalStatus: "{finding}" } }
            """;
        var error = Only(Read(yaml, ("c.csv", "cid,oid,finding\n1,7,proven\n")));
        Assert.Equal("tables[0].relationships[0].properties.legalStatus", error.JsonPath);
        Assert.Contains("needs a values map", error.Message);
    }

    [Fact]
    public void A_fallback_is_used_only_where_no_row_of_any_table_gives_the_property()
    {
        var yaml = """
            source: { id: source:r, name: R, kind: dataset, title: R }
            tables:
              - file: a.csv
                nodes:
                  - { as: u, label: Unit, id: "unit:r-{uid}", name: "{uname}", fallback: { name: "Unit {uid}" } }
                relationships:
                  - { type: PART_OF, from: u, to: "force:f" }
              - file: b.csv
                nodes:
                  - { as: u, label: Unit, id: "unit:r-{uid}", name: "{uname}" }
            """;
        var read = Read(yaml, ("a.csv", "uid,uname\n1,\n2,\n"), ("b.csv", "uid,uname\n1,North\n"));
        Assert.True(read.IsValid, string.Join("\n", read.Result.Errors));
        var names = read.Result.Dataset!.Nodes.Where(n => n.Label == "Unit").ToDictionary(n => n.Id, n => n.Name);
        Assert.Equal("North", names["unit:r-1"]);
        Assert.Equal("Unit 2", names["unit:r-2"]);
        // PART_OF from two rows of the same unit would be one; here two units, each cited to its own row.
        Assert.Equal(2, read.Result.Dataset.Relationships.Count);
    }

    [Fact]
    public void A_victim_role_from_a_table_may_not_carry_a_name_and_the_validator_says_where()
    {
        var yaml = """
            source: { id: source:r, name: R, kind: dataset, title: R }
            tables:
              - file: v.csv
                nodes:
                  - { as: c, label: Case, id: "case:r-{cid}", name: "C", properties: { categories: [other], summary: s, legalStatus: alleged } }
                  - { as: v, label: VictimRole, id: "victim:r-{cid}", name: "{victim}", properties: { role: complainant, descriptor: a member of the public, anonymity: protected } }
                relationships:
                  - { type: HAS_VICTIM, from: c, to: v }
            """;
        var error = Only(Read(yaml, ("v.csv", "cid,victim\n1,Jane Doe\n")));
        Assert.Equal(("v.csv", 2, "victim"), (error.File, error.Row, error.Column));
        Assert.Contains("victims are protected", error.Message);
    }

    [Fact]
    public void A_literal_id_must_be_a_node_of_the_dataset_and_ids_are_unique_across_json_and_tables()
    {
        var missing = Only(Read(Officers().Replace("force:f", "force:nowhere"), ("o.csv", "id,name,start,end\n1,A,2001,\n")));
        Assert.Equal(("o.csv", 2), (missing.File, missing.Row));
        Assert.Contains("'force:nowhere'", missing.Message);

        var json = Json.Replace("""{ "id": "force:f", "label": "Force", "name": "F" },""",
            """{ "id": "force:f", "label": "Force", "name": "F" }, { "id": "officer:r-1", "label": "Officer", "name": "X", "identified": true, "status": "serving" },""");
        var duplicate = Only(ReadWith(json, Officers(), ("o.csv", "id,name,start,end\n1,A,2001,\n")));
        Assert.Contains("duplicate id 'officer:r-1'", duplicate.Message);
    }

    [Fact]
    public void Json_citations_may_be_objects_with_a_locator()
    {
        var json = """
            { "nodes": [ { "id": "force:f", "label": "Force", "name": "F" }, { "id": "unit:u", "label": "Unit", "name": "U" },
                         { "id": "source:doc", "label": "Source", "name": "Doc", "kind": "report", "title": "Doc", "seedFile": "doc.txt" } ],
              "relationships": [ { "type": "PART_OF", "from": "unit:u", "to": "force:f", "sources": [ { "source": "source:doc", "locator": "p. 4" } ] } ] }
            """;
        var loaded = DatasetLoader.LoadDocuments([("a.json", json)]);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        Assert.Equal(["source:doc#p. 4"], loaded.Dataset!.Relationships.Single().Sources);

        var bad = DatasetLoader.LoadDocuments([("a.json", json.Replace("\"source\": \"source:doc\"", "\"source\": \"source:nope\""))]);
        Assert.Contains(bad.Errors, e => e.Message.Contains("cites 'source:nope'"));
    }

    [Fact]
    public void A_start_after_the_end_is_a_warning_and_the_end_is_left_unknown()
    {
        var read = Read(Officers(), ("o.csv", "id,name,start,end\n1,A,2010,2005\n"));
        Assert.True(read.IsValid, string.Join("\n", read.Result.Errors));
        Assert.Null(read.Result.Dataset!.Relationships.Single().Text("to"));
        Assert.Contains(read.Warnings, w => w.Message.Contains("starts") && w.FirstRows.SequenceEqual([2]));
    }

    [Theory]
    [InlineData("officer:exf-{x}", "12 A", "officer:exf-12-a")]
    [InlineData("unit:exf-{x}", "Nörth  Response!", "unit:exf-north-response")]
    [InlineData("unit:exf-{x}", "", null)]
    public void Ids_are_slugged_into_valid_ids(string template, string cell, string? expected)
    {
        var parsed = KnowledgeGraph.Records.Mapping.Template.Parse(template, new("m", 1, "id"), out _)!;
        parsed.Bind(new Dictionary<string, int> { ["x"] = 0 });
        Assert.Equal(expected, KnowledgeGraph.Records.Building.RecordsBuilder.Slug(parsed.Render([cell], new System.Text.StringBuilder())));
    }
}
