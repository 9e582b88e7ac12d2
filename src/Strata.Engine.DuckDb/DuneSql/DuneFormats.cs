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

    /// <summary>A Joda-Time pattern (Trino's <c>format_datetime</c>/<c>parse_datetime</c>) as a strftime pattern.</summary>
    public static string JodaToStrftime(string joda)
    {
        var result = new StringBuilder(joda.Length + 8);
        for (int i = 0; i < joda.Length;)
        {
            char c = joda[i];
            if (c == '\'')
            {
                int close = joda.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    throw new FormatException("date time pattern has an unterminated quote");
                }
                result.Append(close == i + 1 ? "'" : joda[(i + 1)..close].Replace("%", "%%", StringComparison.Ordinal));
                i = close + 1;
                continue;
            }
            if (!char.IsAsciiLetter(c))
            {
                result.Append(c == '%' ? "%%" : c.ToString());
                i++;
                continue;
            }
            int n = 1;
            while (i + n < joda.Length && joda[i + n] == c)
            {
                n++;
            }
            i += n;
            result.Append(c switch
            {
                'y' or 'Y' => n == 2 ? "%y" : "%Y",
                'x' => "%G",
                'w' when n == 2 => "%V",
                'M' => n switch { 1 => "%-m", 2 => "%m", 3 => "%b", _ => "%B" },
                'd' => n == 1 ? "%-d" : "%d",
                'D' => "%j",
                'H' => n == 1 ? "%-H" : "%H",
                'h' => n == 1 ? "%-I" : "%I",
                'm' => n == 1 ? "%-M" : "%M",
                's' => n == 1 ? "%-S" : "%S",
                'S' => n switch { 3 => "%g", 6 => "%f", 9 => "%n", _ => throw new FormatException($"date time pattern {new string(c, n)} is not supported") },
                'a' => "%p",
                'E' => n <= 3 ? "%a" : "%A",
                'e' => "%u",
                _ => throw new FormatException($"date time pattern letter {c} is not supported"),
            });
        }
        return result.ToString();
    }
}
