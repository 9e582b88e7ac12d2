using System.Globalization;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>The window, frame bound, list and number texts of a user's expression, as Trino's ExpressionFormatter prints them.</summary>
internal sealed partial class TrinoExpressionText
{
    /// <summary>A window: a name, or its specification as Trino formats it.</summary>
    private string WindowText(List<TrinoExpression> children)
    {
        if (!Is("("))
        {
            string name = Text(i);
            i++;
            return name;
        }
        i++;
        var parts = new List<string>();
        if (tokens.Count > i && tokens[i].Kind == DuneTokenKind.Word && !Is("partition") && !Is("order") && !Is("rows") && !Is("range") && !Is("groups"))
        {
            parts.Add(Text(i++));
        }
        if (Is("partition"))
        {
            i++;
            Expect("by");
            parts.Add("PARTITION BY " + string.Join(", ", List(children).Select(e => e.Text)));
        }
        if (Is("order"))
        {
            i++;
            Expect("by");
            var keys = new List<string>();
            do
            {
                i += keys.Count == 0 ? 0 : 1;
                var key = Or() ?? throw new FormatException("order by");
                children.Add(key);
                string item = key.Text + (Is("desc") ? " DESC" : " ASC");
                i += Is("asc") || Is("desc") ? 1 : 0;
                if (Is("nulls"))
                {
                    i++;
                    item += Is("first") ? " NULLS FIRST" : " NULLS LAST";
                    i++;
                }
                keys.Add(item);
            }
            while (Is(","));
            parts.Add("ORDER BY " + string.Join(", ", keys));
        }
        if (Is("rows") || Is("range") || Is("groups"))
        {
            string frame = Text(i++).ToUpperInvariant() + " ";
            if (Is("between"))
            {
                i++;
                frame += "BETWEEN " + Bound(children);
                Expect("and");
                frame += " AND " + Bound(children);
            }
            else
            {
                frame += Bound(children);
            }
            parts.Add(frame);
        }
        Expect(")");
        return "(" + string.Join(' ', parts) + ")";
    }

    private string Bound(List<TrinoExpression> children)
    {
        if (Is("unbounded") || Is("current"))
        {
            string first = Text(i++).ToUpperInvariant(), second = Text(i++).ToUpperInvariant();
            return first + " " + second;
        }
        var value = Additive() ?? throw new FormatException("bound");
        children.Add(value);
        string direction = Text(i++).ToUpperInvariant();
        return value.Text + " " + direction;
    }

    private List<TrinoExpression> List(List<TrinoExpression> children)
    {
        var items = new List<TrinoExpression>();
        do
        {
            i += items.Count == 0 ? 0 : 1;
            items.Add(Or() ?? throw new FormatException("list"));
        }
        while (Is(","));
        children.AddRange(items);
        return items;
    }

    /// <summary>A number as Trino's formatter writes its literal: an integer as written, a decimal as <c>DECIMAL '1.5'</c>
    /// (Trino reads 1.5 as a decimal), a double as written.</summary>
    private static string NumberText(string text)
    {
        if (text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }
        if (text.Contains('.', StringComparison.Ordinal))
        {
            return $"DECIMAL '{text}'";
        }
        return long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value.ToString(CultureInfo.InvariantCulture) : text;
    }
}
