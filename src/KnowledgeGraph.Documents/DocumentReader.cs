using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using UglyToad.PdfPig;
using PdfLetter = UglyToad.PdfPig.Content.Letter;

namespace KnowledgeGraph.Documents;

/// <summary>The text of a document and what the file itself says about it (title, date). Offsets in a draft count
/// characters of <see cref="Text"/>: the file's text for plain text, the main text for HTML, page text for PDF.</summary>
public sealed record DocumentText(string FileName, string Format, string Text, string? Title, string? Published);

/// <summary>Reads plain text, HTML saved from a browser (main text only) and PDF.</summary>
public static partial class DocumentReader
{
    public static DocumentText Read(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".pdf" => ReadPdf(name, File.ReadAllBytes(path)),
            ".html" or ".htm" or ".xhtml" => ReadHtml(name, File.ReadAllText(path)),
            _ => ReadText(name, File.ReadAllText(path)),
        };
    }

    public static DocumentText ReadText(string name, string text)
    {
        var firstLine = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return new DocumentText(name, "text", text, firstLine, null);
    }

    /// <summary>PDF pages joined by a blank line; the title from the document information when it has one.</summary>
    public static DocumentText ReadPdf(string name, byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            if (text.Length > 0) text.Append("\n\n");
            // Letters joined by position: page.Text runs words together where the PDF has no space characters, and
            // the word extractor costs far more than the text needs. A gap wider than a third of the letter's size is
            // a space; a new baseline is a new line.
            PdfLetter? last = null;
            foreach (var letter in page.Letters)
            {
                if (last is not null)
                {
                    if (Math.Abs(letter.StartBaseLine.Y - last.StartBaseLine.Y) > Math.Max(1, last.PointSize * 0.5)) text.Append('\n');
                    else if (letter.Value != " " && last.Value != " " && letter.StartBaseLine.X - last.EndBaseLine.X > last.PointSize * 0.3) text.Append(' ');
                }
                text.Append(letter.Value);
                last = letter;
            }
        }
        var body = text.ToString();
        var title = pdf.Information.Title is { Length: > 0 } t ? t : body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        string? published = null;
        if (pdf.Information.CreationDate is { Length: >= 10 } created && created.StartsWith("D:", StringComparison.Ordinal)
            && DateTime.TryParseExact(created[2..10], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            published = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DocumentText(name, "pdf", body, title, published);
    }

    /// <summary>
    /// The main text of a saved web page: the article (or main) element when there is one, without navigation,
    /// headers, footers, asides, scripts, forms and share bars; block elements become lines.
    /// </summary>
    public static DocumentText ReadHtml(string name, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        string? Meta(string key) => document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        var title = Meta("og:title") ?? document.QuerySelector("h1")?.TextContent.Trim() ?? document.Title;
        var published = Meta("article:published_time") ?? Meta("date") ?? Meta("dc.date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        if (published is { Length: >= 10 } && IsoDate().Match(published) is { Success: true } m) published = m.Value;
        else published = null;

        foreach (var noise in document.QuerySelectorAll("script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, [role=navigation], [aria-hidden=true], .share, .social, .cookie, .related, .newsletter").ToList())
            noise.Remove();
        var main = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.QuerySelector("[role=main]") ?? document.Body;
        var text = new StringBuilder();
        if (main is not null) AppendBlocks(main, text);
        var body = MultipleBlankLines().Replace(text.ToString(), "\n").Trim();
        return new DocumentText(name, "html", body, title?.Trim(), published);
    }

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
        { "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "SECTION", "ARTICLE", "TR", "BR", "FIGCAPTION", "PRE", "TABLE", "UL", "OL" };

    private static void AppendBlocks(AngleSharp.Dom.INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is AngleSharp.Dom.IText t) text.Append(WhiteSpace().Replace(t.Data, " "));
            else if (child is AngleSharp.Dom.IElement e)
            {
                var block = BlockElements.Contains(e.TagName);
                if (block) text.Append('\n');
                AppendBlocks(e, text);
                if (block) text.Append('\n');
            }
        }
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")] private static partial Regex IsoDate();
    [GeneratedRegex(@"[ \t]*\n[ \t\n]*")] private static partial Regex MultipleBlankLines();
    [GeneratedRegex(@"\s+")] private static partial Regex WhiteSpace();
}
