using System.IO.Compression;
using System.Security;
using System.Text;

namespace KnowledgeGraph.Tests.Records;

/// <summary>
/// Writes a minimal real .xlsx (a zip of SpreadsheetML parts, as Excel writes them) so the records reader is tested on
/// a workbook file rather than on a fake reader. A cell is text (an inline string), a number, or a <see cref="Date"/>:
/// a serial number with a date style, which is how Excel stores every date.
/// </summary>
public static class XlsxWorkbook
{
    /// <summary>A date cell: Excel's serial day number (1900 date system) shown with a date format.</summary>
    public readonly record struct Date(double Serial)
    {
        public static Date Of(DateOnly day) => new(day.DayNumber - new DateOnly(1899, 12, 30).DayNumber);
    }

    public static void Write(string path, params (string Name, object?[][] Rows)[] sheets)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
              <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
              {string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))}
            </Types>
            """);
        Part(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        Part(zip, "xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <sheets>{string.Concat(sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""))}</sheets>
            </workbook>
            """);
        Part(zip, "xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              {string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""))}
              <Relationship Id="rId{sheets.Length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            </Relationships>
            """);
        // Style 0 is the default; style 1 shows a number as a date (built-in format 14, m/d/yyyy).
        Part(zip, "xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
              <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
              <borders count="1"><border/></borders>
              <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
              <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
            </styleSheet>
            """);
        for (var i = 0; i < sheets.Length; i++)
        {
            var rows = new StringBuilder();
            for (var r = 0; r < sheets[i].Rows.Length; r++)
            {
                rows.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < sheets[i].Rows[r].Length; c++)
                    rows.Append(Cell($"{(char)('A' + c)}{r + 1}", sheets[i].Rows[r][c]));
                rows.Append("</row>");
            }
            Part(zip, $"xl/worksheets/sheet{i + 1}.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>
                """);
        }
    }

    private static string Cell(string reference, object? value) => value switch
    {
        null => "",
        Date date => $"<c r=\"{reference}\" s=\"1\"><v>{date.Serial.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
        int or double => $"<c r=\"{reference}\"><v>{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
        _ => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(value.ToString())}</t></is></c>",
    };

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml.TrimStart());
    }
}
