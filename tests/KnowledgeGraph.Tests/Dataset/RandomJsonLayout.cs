using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Tests.Dataset;

/// <summary>
/// Writes a token as JSON laid out at random: spaces, line breaks and comments between any two tokens, so a key and
/// its value, or a value and its elements, land on different lines. For checking lines and paths against Newtonsoft.
/// </summary>
public static class RandomJsonLayout
{
    public static string Write(JToken token, Random random)
    {
        var text = new System.Text.StringBuilder();
        Write(token, random, text);
        Gap(random, text);
        return text.ToString();
    }

    private static void Write(JToken token, Random random, System.Text.StringBuilder text)
    {
        Gap(random, text);
        switch (token)
        {
            case JObject json:
                text.Append('{');
                var first = true;
                foreach (var property in json.Properties())
                {
                    if (!first) text.Append(',');
                    first = false;
                    Gap(random, text);
                    text.Append(JsonConvert.ToString(property.Name));
                    text.Append(Spaces[random.Next(Spaces.Length)]); // Newtonsoft takes no comment before the colon
                    text.Append(':');
                    Write(property.Value, random, text);
                    Gap(random, text);
                }
                text.Append('}');
                break;
            case JArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(array[i], random, text);
                    Gap(random, text);
                }
                text.Append(']');
                break;
            // Strings with every character outside ASCII escaped, or as they are.
            case JValue { Type: JTokenType.String } value when random.Next(2) == 0:
                text.Append(JsonConvert.ToString((string)value.Value!, '"', StringEscapeHandling.EscapeNonAscii));
                break;
            default:
                text.Append(token.ToString(Formatting.None));
                break;
        }
    }

    private static readonly string[] Gaps = ["", "", "", " ", "\n", "\n  ", " /* note */ ", "\n// a line comment\n", "\r\n", "\r"];

    private static readonly string[] Spaces = ["", " ", "\n", "\n    "];

    private static void Gap(Random random, System.Text.StringBuilder text) => text.Append(Gaps[random.Next(Gaps.Length)]);
}
