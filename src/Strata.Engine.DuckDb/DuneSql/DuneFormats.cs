using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Format strings in Trino's conventions rewritten for DuckDB's functions.</summary>
internal static partial class DuneFormats
{
    /// <summary>A Java <c>String.format</c> pattern (Trino's <c>format</c>) as a DuckDB <c>format</c> (fmt) pattern.</summary>
    public static string JavaToFmt(string java) => JavaToFmt(java, 0, []);

    /// <summary>Java's date/time conversions <c>%tX</c> as strftime patterns (<c>%tp</c> is lower-cased separately).</summary>
    private static readonly Dictionary<char, string> TimeConversions = new()
    {
        ['A'] = "%A", ['a'] = "%a", ['B'] = "%B", ['b'] = "%b", ['h'] = "%b", ['e'] = "%-d", ['d'] = "%d", ['Y'] = "%Y", ['y'] = "%y",
        ['m'] = "%m", ['H'] = "%H", ['I'] = "%I", ['k'] = "%-H", ['l'] = "%-I", ['M'] = "%M", ['S'] = "%S", ['L'] = "%g", ['j'] = "%j",
        ['F'] = "%Y-%m-%d", ['D'] = "%m/%d/%y", ['T'] = "%H:%M:%S", ['R'] = "%H:%M", ['r'] = "%I:%M:%S %p", ['p'] = "%p",
    };

    /// <summary>As <see cref="JavaToFmt(string)"/>, with every argument named by its index (Java's <c>%2$s</c> and
    /// <c>%&lt;s</c> as well as ordinary ones, which count on their own). A date/time conversion <c>%1$tA</c> becomes a
    /// reference to an extra argument, listed in dates (the user's argument index from 1, and its strftime pattern), which
    /// the caller appends after the user's <paramref name="arguments"/> arguments.</summary>
    public static string JavaToFmt(string java, int arguments, List<(int Argument, string Strftime)> dates)
    {
        var fmt = new StringBuilder(java.Length + 8);
        int ordinary = 0, last = -1;
        // The least bytes the answer holds: each literal character, each conversion's width, a number's digits after the
        // point. Past the value bound the call could never be returned: refused before DuckDB pads to it (hostile28:
        // '%2000000000s' held a slot past a minute on its way to the worker's memory limit).
        long least = 0;
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
                least++;
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
            // An explicit index (%2$s) or the previous one (%<s).
            int index = -1;
            int digits = j;
            while (digits < java.Length && char.IsAsciiDigit(java[digits]))
            {
                digits++;
            }
            if (digits > j && digits < java.Length && java[digits] == '$')
            {
                // An index past int's range is refused as one past the arguments is (int.Parse's OverflowException escaped the
                // translator as an internal error).
                if (!int.TryParse(java.AsSpan(j, digits - j), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index))
                {
                    throw new FormatException($"format: the argument index {java[j..digits]} is out of range");
                }
                index--;
                j = digits + 1;
                if (index < 0)
                {
                    throw new FormatException("format: an argument index starts at 1");
                }
            }
            else if (j < java.Length && java[j] == '<')
            {
                index = last >= 0 ? last : throw new FormatException("format: %< has no previous argument");
                j++;
            }
            int flagsStart = j;
            while (j < java.Length && "-+ 0,#".Contains(java[j], StringComparison.Ordinal))
            {
                j++;
            }
            string flags = java[flagsStart..j]; // one slice: appending each flag was quadratic in a run of them
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
            if (index < 0)
            {
                index = ordinary++;
            }
            last = index;
            string argument = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (conversion is 't' or 'T')
            {
                if (j + 1 >= java.Length || !TimeConversions.TryGetValue(java[j + 1], out var strftime))
                {
                    throw new FormatException($"format conversion %{conversion}{(j + 1 < java.Length ? java[j + 1] : ' ')} is not supported");
                }
                dates.Add((index + 1, conversion == 'T' ? "UPPER" + strftime : java[j + 1] == 'p' ? "LOWER" + strftime : strftime));
                argument = (arguments + dates.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                conversion = 's';
                j++;
            }
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
            else if (type.Length == 0 && width.Length > 0)
            {
                spec.Append('>'); // Java right-aligns every conversion; fmt left-aligns strings
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
            least += Math.Max(DigitsValue(width), type is "f" or "e" or "E" or "g" ? DigitsValue(precision.TrimStart('.')) : 0);
            if (least > DuneValueBound.MaxBytes)
            {
                throw new FormatException(DuneValueBound.Words("format", "the answer's least length (its widths, precisions and text)"));
            }
            fmt.Append(spec.Length == 0 ? "{" + argument + "}" : "{" + argument + ":" + spec + "}");
            i = j;
        }
        return fmt.ToString();
    }

    /// <summary>The number a run of ASCII digits writes (0 when empty), <see cref="long.MaxValue"/> past its range.</summary>
    private static long DigitsValue(string digits) =>
        digits.Length == 0 ? 0
        : long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) ? n : long.MaxValue;

    /// <summary>Trino's JSONPath of json_extract and json_extract_scalar (<c>$.store.book[0]</c>, <c>$.store["book name"]</c>,
    /// <c>$.store[book]</c>) as DuckDB's path, every key quoted (<c>$."store"."book name"</c>). Wildcards and recursive
    /// descent, which Trino's path does not take either, are refused.</summary>
    public static string TrinoJsonPath(string path)
    {
        var result = new StringBuilder("$");
        int i = path.Length > 0 && path[0] == '$' ? 1 : throw new FormatException("a JSON path starts with $");
        while (i < path.Length)
        {
            string key;
            if (path[i] == '.')
            {
                int start = ++i;
                while (i < path.Length && path[i] is not ('.' or '['))
                {
                    i++;
                }
                key = path[start..i];
                if (key.Length == 0 || key == "*" || key.Contains(' ', StringComparison.Ordinal))
                {
                    throw new FormatException($"Invalid JSON path: '{path}'");
                }
            }
            else if (path[i] == '[')
            {
                int close;
                if (i + 1 < path.Length && path[i + 1] == '"')
                {
                    var quoted = new StringBuilder();
                    int k = i + 2;
                    while (k < path.Length && path[k] != '"')
                    {
                        if (path[k] == '\\' && k + 1 < path.Length)
                        {
                            k++;
                        }
                        quoted.Append(path[k++]);
                    }
                    close = k + 1;
                    if (k >= path.Length || close >= path.Length || path[close] != ']')
                    {
                        throw new FormatException($"Invalid JSON path: '{path}'");
                    }
                    key = quoted.ToString();
                }
                else
                {
                    close = path.IndexOf(']', i);
                    string inner = close < 0 ? "" : path[(i + 1)..close].Trim();
                    if (inner.Length == 0 || inner == "*")
                    {
                        throw new FormatException($"Invalid JSON path: '{path}'");
                    }
                    if (inner.All(char.IsAsciiDigit))
                    {
                        result.Append('[').Append(inner).Append(']');
                        i = close + 1;
                        continue;
                    }
                    key = inner;
                }
                i = close + 1;
            }
            else
            {
                throw new FormatException($"Invalid JSON path: '{path}'");
            }
            if (key.Contains('"', StringComparison.Ordinal))
            {
                throw new FormatException($"a JSON path key with a double quote is not supported: '{path}'");
            }
            result.Append(".\"").Append(key).Append('"');
        }
        return result.ToString();
    }

    /// <summary>A MySQL date format (Trino's <c>date_format</c>/<c>date_parse</c>) as a strftime pattern, as Trino's
    /// DateTimeFunctions.createDateTimeFormatter reads it: <c>%D %U %u %V %w %X</c> are Trino's "not supported in date
    /// format string" error (MySQL has them, Trino does not); any other letter after <c>%</c> is that letter, and a
    /// trailing <c>%</c> is dropped.</summary>
    public static string MySqlToStrftime(string mysql)
    {
        var result = new StringBuilder(mysql.Length + 8);
        for (int i = 0; i < mysql.Length; i++)
        {
            if (mysql[i] != '%')
            {
                result.Append(mysql[i]);
                continue;
            }
            if (++i >= mysql.Length)
            {
                break;
            }
            char c = mysql[i];
            result.Append(c switch
            {
                'Y' => "%Y", 'y' => "%y", 'm' => "%m", 'c' => "%-m", 'd' => "%d", 'e' => "%-d", 'H' => "%H", 'k' => "%-H",
                'h' or 'I' => "%I", 'l' => "%-I", 'i' => "%M", 's' or 'S' => "%S", 'f' => "%f", 'p' => "%p", 'M' => "%B",
                'b' => "%b", 'W' => "%A", 'a' => "%a", 'j' => "%j", 'T' => "%H:%M:%S", 'r' => "%I:%M:%S %p", 'v' => "%V",
                'x' => "%G", '%' => "%%",
                'D' or 'U' or 'u' or 'V' or 'w' or 'X' => throw new FormatException($"%{c} not supported in date format string"),
                _ => c.ToString(),
            });
        }
        return result.ToString();
    }

    /// <summary>Teradata's specifiers (Trino's teradata functions), longest first, and their strftime forms.</summary>
    private static readonly (string Specifier, string Strftime)[] TeradataSpecifiers =
        [("yyyy", "%Y"), ("yy", "%y"), ("hh24", "%H"), ("hh", "%I"), ("mi", "%M"), ("mm", "%m"), ("dd", "%d"), ("ss", "%S")];

    /// <summary>
    /// A Teradata format (Trino's <c>to_char</c>/<c>to_date</c>/<c>to_timestamp</c>, Dune's teradata.mdx) as a strftime
    /// pattern: <c>yyyy yy mm dd hh24 hh mi ss</c>, lower case only, and the punctuation <c>- / , . ; :</c> and spaces
    /// kept as written; anything else is Trino's "Failed to tokenize" error.
    /// </summary>
    public static string TeradataToStrftime(string format)
    {
        var result = new StringBuilder(format.Length + 8);
        for (int i = 0; i < format.Length;)
        {
            if ("-/,.;: ".Contains(format[i], StringComparison.Ordinal))
            {
                result.Append(format[i++]);
                continue;
            }
            var match = TeradataSpecifiers.FirstOrDefault(s => format.AsSpan(i).StartsWith(s.Specifier, StringComparison.Ordinal));
            if (match.Specifier is null)
            {
                throw new FormatException($"Failed to tokenize string [{format}] at offset [{i}]");
            }
            result.Append(match.Strftime);
            i += match.Specifier.Length;
        }
        return result.ToString();
    }
}
