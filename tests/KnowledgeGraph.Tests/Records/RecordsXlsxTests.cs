using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Records;
using static KnowledgeGraph.Tests.Records.XlsxWorkbook;

namespace KnowledgeGraph.Tests.Records;

/// <summary>A records release as a real two-sheet .xlsx workbook: sheets chosen by name, date cells, and errors that name the sheet.</summary>
public class RecordsXlsxTests
{
    private const string Mapping = """
        source: { id: source:workbook-2024, name: Workbook release, kind: dataset, title: Workbook release, published: 2024-03 }
        tables:
          - file: release.xlsx
            sheet: Assignments
            nodes:
              - { as: unit, label: Unit, id: "unit:wb-{unit}", name: "Unit {unit}" }
            relationships:
              - { type: SERVED_IN, from: "officer:wb-{officer}", to: unit, properties: { from: "{start}", to: "{end}" } }
          - file: release.xlsx
            sheet: roster
            nodes:
              - { as: officer, label: Officer, id: "officer:wb-{id}", name: "{name}", properties: { identified: true, status: serving } }
        """;

    private static readonly object?[][] Roster =
    [
        ["id", "name"],
        [1, "Ada Example"],
        [2, "Ben Example"],
    ];

    private static string Release(object? secondStart)
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "release.records.yaml"), Mapping);
        // The roster is the first sheet, so only selecting by name reaches the assignments.
        Write(Path.Combine(dir, "release.xlsx"),
            ("Roster", Roster),
            ("Assignments",
            [
                ["officer", "unit", "start", "end"],
                [1, 7, Date.Of(new DateOnly(2019, 3, 4)), Date.Of(new DateOnly(2021, 11, 30))],
                [2, 7, secondStart, null],
            ]));
        return dir;
    }

    [Fact]
    public void Sheets_are_chosen_by_name_and_date_cells_read_as_dates()
    {
        var read = DatasetReader.Read(Release(secondStart: "2020-05"));

        Assert.True(read.IsValid, string.Join("\n", read.Result.Errors));
        var dataset = read.Result.Dataset!;
        Assert.Equal(["Ada Example", "Ben Example"], dataset.Nodes.Where(n => n.Label == Labels.Officer).Select(n => n.Name).Order());
        var first = dataset.Relationships.Single(r => r.From == "officer:wb-1");
        Assert.Equal(("unit:wb-7", "2019-03-04", "2021-11-30"), (first.To, first.Text("from"), first.Text("to")));
        var second = dataset.Relationships.Single(r => r.From == "officer:wb-2");
        Assert.Equal(("2020-05", null), (second.Text("from"), second.Text("to")));
        // Citations name the sheet as well as the row, since two sheets of one file have a row 2 each.
        Assert.Equal("source:workbook-2024#release.xlsx, sheet Assignments, row 3", Assert.Single(second.Sources));
        Assert.Equal("release.xlsx, sheet Roster, row 2",
            Citation.Parse(Assert.Single(dataset.Nodes.Single(n => n.Id == "officer:wb-1").Sources)).Locator);
        Assert.Contains(read.Tables, t => t.File == "release.xlsx, sheet Assignments" && t.Rows == 2);
    }

    [Fact]
    public void A_number_that_is_not_a_date_cell_is_an_error_naming_the_file_sheet_row_and_column()
    {
        // 45352 is 2024-03-01 as a serial number, but a cell without a date format is a plain number, not a date.
        var read = DatasetReader.Read(Release(secondStart: 45352));

        Assert.False(read.IsValid);
        var error = Assert.Single(read.Result.Errors);
        Assert.Equal(("release.xlsx, sheet Assignments", 3, "start"), (error.File, error.Row, error.Column));
        Assert.Contains("'45352'", error.Message);
        Assert.StartsWith("release.xlsx, sheet Assignments, row 3, column start: ", error.ToString());
    }

    [Fact]
    public void A_sheet_the_workbook_lacks_is_an_error_at_the_mapping_line_of_its_table()
    {
        var dir = Release(secondStart: "2020");
        File.WriteAllText(Path.Combine(dir, "release.records.yaml"), Mapping.Replace("sheet: roster", "sheet: Officers"));

        var read = DatasetReader.Read(dir);

        var error = Assert.Single(read.Result.Errors, e => e.Message.Contains("no sheet named 'Officers'"));
        Assert.Equal("release.records.yaml", error.File);
        Assert.Equal(9, error.Line); // the table's entry in the mapping
    }
}
