using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Format strings in Trino's conventions rewritten for DuckDB's functions.</summary>
internal static class DuneFormats
{
    /// <summary>A Java <c>String.format</c> pattern (Trino's <c>format</c>) as a DuckDB <c>format</c> (fmt) pattern.</summary>
    public static string JavaToFmt(string java)
    {
        var fmt = new StringBuilder(java.Length + 8);
        for (int i = 0; i < java.Length; i++)
        {
            char c = java[i];
            if (c is '{' or '}')
            {
                fmt.Append(c).Append(c);
                continue;
            }
            if (c != '%')
            {
                fmt.Append(c);
                continue;
            }
            int j = i + 1;
            if (j < java.Length && java[j] == '%')
            {
                fmt.Append('%');
                i = j;
                continue;
            }
            if (j < java.Length && java[j] == 'n')
            {
                fmt.Append('\n');
                i = j;
                continue;
            }
            string flags = "";
            while (j < java.Length && "-+ 0,#".Contains(java[j], StringComparison.Ordinal))
            {
                flags += java[j++];
            }
            int widthStart = j;
            while (j < java.Length && char.IsAsciiDigit(java[j]))
            {
                j++;
            }
            string width = java[widthStart..j];
            string precision = "";
            if (j < java.Length && java[j] == '.')
            {
                int p = j++;
                while (j < java.Length && char.IsAsciiDigit(java[j]))
                {
                    j++;
                }
                precision = java[p..j];
            }
            if (j >= java.Length)
            {
                fmt.Append(java[i..]);
                break;
            }
            char conversion = java[j];
            string type = conversion switch
            {
                'd' => "d",
                'f' => "f",
                'e' => "e",
                'E' => "E",
                'x' => "x",
                'X' => "X",
                'o' => "o",
                'g' => "g",
                's' or 'S' or 'b' => "",
                _ => throw new FormatException($"format conversion %{conversion} is not supported"),
            };
            var spec = new StringBuilder();
            if (flags.Contains('-', StringComparison.Ordinal))
            {
                spec.Append('<');
            }
            if (flags.Contains('+', StringComparison.Ordinal))
            {
                spec.Append('+');
            }
            else if (flags.Contains(' ', StringComparison.Ordinal))
            {
                spec.Append(' ');
            }
            if (flags.Contains('#', StringComparison.Ordinal))
            {
                spec.Append('#');
            }
            if (flags.Contains('0', StringComparison.Ordinal))
            {
                spec.Append('0');
            }
            spec.Append(width);
            if (flags.Contains(',', StringComparison.Ordinal))
            {
                spec.Append(',');
            }
            spec.Append(precision).Append(type);
            fmt.Append(spec.Length == 0 ? "{}" : "{:" + spec + "}");
            i = j;
        }
        return fmt.ToString();
    }

    /// <summary>A MySQL date format (Trino's <c>date_format</c>/<c>date_parse</c>) as a strftime pattern.</summary>
    public static string MySqlToStrftime(string mysql)
    {
        var result = new StringBuilder(mysql.Length + 8);
        for (int i = 0; i < mysql.Length; i++)
        {
            if (mysql[i] != '%' || i + 1 >= mysql.Length)
            {
                result.Append(mysql[i]);
                continue;
            }
            char c = mysql[++i];
            result.Append(c switch
            {
                'Y' => "%Y", 'y' => "%y", 'm' => "%m", 'c' => "%-m", 'd' => "%d", 'e' => "%-d", 'H' => "%H", 'k' => "%-H",
                'h' or 'I' => "%I", 'l' => "%-I", 'i' => "%M", 's' or 'S' => "%S", 'f' => "%f", 'p' => "%p", 'M' => "%B",
                'b' => "%b", 'W' => "%A", 'a' => "%a", 'j' => "%j", 'T' => "%H:%M:%S", 'r' => "%I:%M:%S %p", 'v' => "%V",
                'x' => "%G", 'u' => "%W", '%' => "%%",
                _ => throw new FormatException($"date format %{c} is not supported"),
            });
        }
        return result.ToString();
    }
}
