using System.Globalization;
using System.Text;
using System.Xml;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Core.Model;
using KnowledgeGraph.Core.Notes;

namespace KnowledgeGraph.Api.Features.Corrections;

/// <summary>
/// The corrections log as Atom 1.0 (RFC 4287): a stable URN per entry (from the entry's key), the entry's date as
/// <c>updated</c>, a plain-text title and summary, and <c>next</c> links for paging. A withholding names no fact.
/// </summary>
public static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    public const string FeedId = "urn:knowledge-graph:corrections";

    public static string EntryId(NoteEntry entry) => "urn:knowledge-graph:note:" + Uri.EscapeDataString(entry.Key);

    public static string Write(Page<NoteEntry> page, HttpRequest request, string? since, TimeProvider time)
    {
        var root = $"{request.Scheme}://{request.Host}";
        string Query(string? cursor)
        {
            var parts = new List<string>();
            if (since is not null) parts.Add("since=" + Uri.EscapeDataString(since));
            if (request.Query.ContainsKey("limit")) parts.Add("limit=" + Uri.EscapeDataString(request.Query["limit"].ToString()));
            if (cursor is not null) parts.Add("cursor=" + Uri.EscapeDataString(cursor));
            return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
        }

        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, FeedId);
            xml.WriteElementString("title", Atom, "Knowledge graph: corrections, replies and withheld facts");
            xml.WriteElementString("updated", Atom, Timestamp(page.Items.FirstOrDefault()?.Date) ?? time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "Knowledge graph editors");
            xml.WriteEndElement();
            Link(xml, "self", $"{root}/api/corrections.atom{Query(request.Query["cursor"].FirstOrDefault())}");
            Link(xml, "alternate", $"{root}/api/corrections{Query(null)}", "application/json");
            if (page.Next is not null) Link(xml, "next", $"{root}/api/corrections.atom{Query(page.Next)}");
            foreach (var entry in page.Items)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, EntryId(entry));
                xml.WriteElementString("title", Atom, Title(entry));
                xml.WriteElementString("updated", Atom, Timestamp(entry.Date));
                if (entry.Fact is { Kind: FactRef.NodeKind } fact) Link(xml, "related", $"{root}/api/nodes/{Uri.EscapeDataString(fact.Id)}");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", entry.Kind);
                xml.WriteEndElement();
                xml.WriteElementString("summary", Atom, Summary(entry));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        // XmlWriter over a StringBuilder declares utf-16; the response is sent as UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    public static string Title(NoteEntry entry) => entry switch
    {
        { Reply: { } r, Fact: { } f } => $"{r.By.Name} {Position(r.Position)}: {f.Description}",
        { Correction: { } c, Fact: { } f } => $"Corrected ({c.Field}): {f.Description}",
        { Withholding: { } w } => $"A fact was withheld: {w.Reason}",
        _ => entry.Kind,
    };

    private static string Summary(NoteEntry entry) => entry switch
    {
        { Reply: { } r } => $"{r.Summary} Sources: {string.Join("; ", r.Sources.Select(s => s.Title))}.",
        { Correction: { } c } => $"{c.Field} was '{c.Was}', now '{c.Now}'. {c.Reason} Sources: {string.Join("; ", c.Sources.Select(s => s.Title))}.",
        { Withholding: { } w } => $"Withheld since {w.Since}{(w.Until is null ? "" : $", review due {w.Until}")}: {w.Reason}.",
        _ => entry.Kind,
    };

    private static string Position(string position) => position switch
    {
        "denies" => "denies",
        "disputes" => "disputes",
        "accepts" => "accepts",
        "appealed" => "appealed",
        "no_comment" => "made no comment on",
        "declined_to_comment" => "declined to comment on",
        _ => position,
    };

    private static string? Timestamp(string? date) =>
        date is not null && PartialDate.TryParse(date, out var d, out _)
            ? d.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z"
            : null;

    private static void Link(XmlWriter xml, string rel, string href, string? type = null)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        if (type is not null) xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }
}
