using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Core.Queries;

/// <summary>A parameter value supplied for one execution: one value, or several for a multi-select.</summary>
public sealed record ParameterValue(IReadOnlyList<string> Values, bool IsList)
{
    public static ParameterValue Single(string value) => new([value], false);
}

/// <summary>A parameter problem the caller must fix: becomes a 400 naming the parameter.</summary>
public sealed class ParameterException(string message) : Exception(message);

/// <summary>
/// Textual <c>{{name}}</c> substitution, as Dune does it, after validating each value against its
/// type. Keeps a map of the replaced spans so that engine error positions in the substituted SQL
/// can be mapped back to the SQL the user wrote.
/// </summary>
public static partial class ParameterSubstitution
{
    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    /// <summary>The placeholder names used in a query text, in order of first use.</summary>
    public static IReadOnlyList<string> Names(string sql) =>
        Placeholder().Matches(sql).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>True when the text is a number as a number parameter accepts it.</summary>
    public static bool IsNumber(string text) => NumberPattern().IsMatch(text.Trim());

    /// <summary>A value as an error message shows it: at most 200 characters.</summary>
    public static string Shown(string value) => value.Length > 200 ? value[..200] + "..." : value;

    /// <summary>Validates a parameter definition (on create/update) and returns it with its default in
    /// canonical form (datetimes as <c>YYYY-MM-DD hh:mm:ss</c>).</summary>
    public static QueryParameter ValidateDefinition(QueryParameter p)
    {
        if (string.IsNullOrWhiteSpace(p.Key))
        {
            throw new ParameterException("parameters: every parameter needs a key");
        }
        if (p.Key.Length > MaxKeyLength)
        {
            throw new ParameterException($"parameter '{Shown(p.Key)}': a key has at most {MaxKeyLength.ToString(CultureInfo.InvariantCulture)} characters");
        }
        CheckLength(p.Key, "the default value", p.Value);
        CheckLength(p.Key, "the description", p.Description);
        foreach (string option in p.EnumOptions ?? [])
        {
            CheckLength(p.Key, "an enum option", option);
        }
        if (!QueryParameter.Types.Contains(p.Type))
        {
            throw new ParameterException($"parameter '{p.Key}': type must be one of text, number, datetime, enum; got '{p.Type}'");
        }
        if (p.Type == "enum" && (p.EnumOptions is null || p.EnumOptions.Count == 0))
        {
            throw new ParameterException($"parameter '{p.Key}': an enum needs enumOptions");
        }
        if (p.IsMultiselect && p.Type != "enum")
        {
            throw new ParameterException($"parameter '{p.Key}': only enum parameters can be multi-select");
        }
        if (p.IsMultiselect)
        {
            NormaliseAll(p, SplitDefaultList(p.Value));
            return p;
        }
        string normalised = Normalise(p, p.Value);
        return p.Type == "datetime" ? p with { Value = normalised } : p;
    }

    /// <summary>A multi-select default is stored as a JSON array text or a comma-separated list.</summary>
    public static IReadOnlyList<string> SplitDefaultList(string value)
    {
        string t = value.Trim();
        if (t.StartsWith('['))
        {
            try
            {
                return System.Text.Json.JsonSerializer.Deserialize<List<string>>(t) ?? [];
            }
            catch (System.Text.Json.JsonException)
            {
                throw new ParameterException($"multi-select default '{value}' is not a JSON list of strings");
            }
        }
        return t.Length == 0 ? [] : t.Split(',').Select(s => s.Trim()).ToArray();
    }

    /// <summary>Checks a value against its definition; returns the text that is substituted.</summary>
    public static string Normalise(QueryParameter p, string value)
    {
        switch (p.Type)
        {
            case "number":
                if (!NumberPattern().IsMatch(value.Trim()))
                {
                    throw new ParameterException($"parameter '{p.Key}' must be a number (e.g. 42 or -1.5), got '{Shown(value)}'");
                }
                if (!double.IsFinite(double.Parse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture)))
                {
                    // 1e400 would be substituted as a double literal past double's range: DuckDB reads it as infinity.
                    throw new ParameterException($"parameter '{p.Key}' must be a number within double's range (about ±1.8e308), got '{Shown(value)}'");
                }
                return value.Trim();
            case "datetime":
                if (!DateTime.TryParseExact(value.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt))
                {
                    throw new ParameterException($"parameter '{p.Key}' must be a datetime as 'YYYY-MM-DD hh:mm:ss' (or a date 'YYYY-MM-DD'), got '{Shown(value)}'");
                }
                return dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            case "enum":
                if (p.EnumOptions is null || !p.EnumOptions.Contains(value, StringComparer.Ordinal))
                {
                    throw NotAnOption(p, value);
                }
                return value.Replace("'", "''", StringComparison.Ordinal);
            default:
                return value.Replace("'", "''", StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// <see cref="Normalise"/> for every value of one parameter. An enum's options go into a set once, so N values
    /// against M options cost N + M: checked one by one, a list of 20,000 values against 20,000 options took
    /// 9 s of a request thread, and a 4 MiB body could ask for hours (hostile3).
    /// </summary>
    public static string[] NormaliseAll(QueryParameter p, IReadOnlyList<string> values)
    {
        if (p.Type != "enum" || values.Count < 2 || p.EnumOptions is not { Count: > 0 } options)
        {
            return values.Select(v => Normalise(p, v)).ToArray();
        }
        var allowed = new HashSet<string>(options, StringComparer.Ordinal);
        return values.Select(v => allowed.Contains(v) ? v.Replace("'", "''", StringComparison.Ordinal) : throw NotAnOption(p, v)).ToArray();
    }

    /// <summary>Most options an error message lists; the rest are counted.</summary>
    private const int ListedOptions = 20;

    private static ParameterException NotAnOption(QueryParameter p, string value)
    {
        var options = p.EnumOptions ?? [];
        string listed = string.Join(", ", options.Take(ListedOptions))
            + (options.Count > ListedOptions ? $", ... ({options.Count.ToString(CultureInfo.InvariantCulture)} options)" : "");
        return new ParameterException($"parameter '{p.Key}' must be one of [{listed}], got '{Shown(value)}'");
    }

    // ASCII digits only: .NET's \d is every Unicode digit, and a full-width "１" is an identifier once substituted.
    [GeneratedRegex(@"^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    /// <summary>The default bound on a substituted text, in UTF-8 bytes: the default of <c>Strata:MaxSqlBytes</c>.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// Resolves the effective values (supplied over defaults), validates them, and substitutes them.
    /// Throws <see cref="ParameterException"/> for unknown names, bad values and undefined placeholders,
    /// and when the substituted text would be over <paramref name="maxBytes"/> UTF-8 bytes: a value used
    /// many times multiplies, so the text is bounded while it is built (a 1 MiB text of placeholders with a
    /// 3 MB value would otherwise build hundreds of gigabytes).
    /// With <paramref name="bareTextAsWritten"/> (a query view's values, which the caller wrote in their own SQL text), a
    /// supplied text or enum value (not a default) whose placeholder stands outside a string literal, quoted name or comment is substituted
    /// as written, as Dune's macro does (<c>where blockchain = {{blockchain}}</c> with <c>'ethereum'</c>); inside a literal
    /// (<c>'{{blockchain}}'</c>) its quotes are still doubled.
    /// </summary>
    public static Substituted Apply(string sql, IReadOnlyList<QueryParameter> definitions, IReadOnlyDictionary<string, ParameterValue> supplied, long maxBytes = DefaultMaxBytes, bool bareTextAsWritten = false)
    {
        // A query stored before its definitions were checked as a whole may name a key twice: a clear error, not a 500.
        CheckDefinitions(definitions);
        var byKey = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var unknown = supplied.Keys.Where(k => !byKey.ContainsKey(k)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new ParameterException($"unknown parameters ({Shown(string.Join(", ", unknown))})");
        }
        // The values are stored with every execution (its parameters), whether the text uses them or not: together they
        // are held to the bound of the text they would be substituted into.
        long valueChars = 0;
        foreach (var v in supplied.Values)
        {
            foreach (string x in v.Values)
            {
                valueChars += x.Length;
            }
        }
        if (valueChars > maxBytes)
        {
            throw new ParameterException($"the parameter values are over the limit of {maxBytes.ToString(CultureInfo.InvariantCulture)} characters together (Strata:MaxSqlBytes); use shorter values");
        }
        var effective = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var bare = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in definitions)
        {
            IReadOnlyList<string> values;
            if (supplied.TryGetValue(d.Key, out var v))
            {
                foreach (string x in v.Values)
                {
                    CheckLength(d.Key, "the value", x);
                }
                if (v.IsList && !d.IsMultiselect)
                {
                    throw new ParameterException($"parameter '{d.Key}' takes one value, got a list");
                }
                values = v.Values;
            }
            else
            {
                values = d.IsMultiselect ? SplitDefaultList(d.Value) : [d.Value];
            }
            var normalised = NormaliseAll(d, values);
            if (d.IsMultiselect)
            {
                if (normalised.Length == 0)
                {
                    throw new ParameterException($"parameter '{d.Key}' needs at least one value");
                }
                texts[d.Key] = string.Join(",", normalised.Select(x => $"'{x}'"));
            }
            else
            {
                texts[d.Key] = normalised[0];
                if (bareTextAsWritten && d.Type is "text" or "enum" && supplied.ContainsKey(d.Key))
                {
                    bare[d.Key] = values[0];
                }
            }
            effective[d.Key] = values;
        }
        bool[]? outside = bare.Count > 0 ? OutsideLiterals(sql) : null;

        var builder = new StringBuilder(sql.Length);
        var spans = new List<Span>();
        int last = 0;
        foreach (Match m in Placeholder().Matches(sql))
        {
            string name = m.Groups[1].Value;
            if (!texts.TryGetValue(name, out var text))
            {
                throw new ParameterException($"parameter '{name}' is used in the query but not defined and no value was given");
            }
            if (outside is not null && outside[m.Index] && bare.TryGetValue(name, out var written))
            {
                text = written;
            }
            // A character is at least one UTF-8 byte: past the limit in characters is past it in bytes.
            if ((long)builder.Length + (m.Index - last) + text.Length > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            builder.Append(sql, last, m.Index - last);
            spans.Add(new Span(builder.Length, text.Length, m.Index, m.Length));
            builder.Append(text);
            last = m.Index + m.Length;
        }
        builder.Append(sql, last, sql.Length - last);
        string result = builder.ToString();
        if (spans.Count > 0 && Encoding.UTF8.GetByteCount(result) > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        return new Substituted(result, effective, spans);
    }

    /// <summary>For each offset of <paramref name="sql"/>, whether it stands outside a single-quoted literal, a
    /// double-quoted name and a comment.</summary>
    private static bool[] OutsideLiterals(string sql)
    {
        var outside = new bool[sql.Length + 1];
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            char next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            int end;
            if (c is '\'' or '"')
            {
                end = i + 1;
                while (end < sql.Length && !(sql[end] == c && (end + 1 >= sql.Length || sql[end + 1] != c)))
                {
                    end += sql[end] == c ? 2 : 1;
                }
                end = Math.Min(end + 1, sql.Length);
            }
            else if (c == '-' && next == '-')
            {
                end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
            }
            else if (c == '/' && next == '*')
            {
                end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
            }
            else
            {
                outside[i++] = true;
                continue;
            }
            i = end;
        }
        outside[sql.Length] = true;
        return outside;
    }

    private static ParameterException TooLarge(long maxBytes) =>
        new($"the query text with its parameter values substituted is over the limit of {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes "
            + "(Strata:MaxSqlBytes); use shorter values or fewer placeholders");

    /// <summary>One replaced placeholder: where its value sits in the output and where it stood in the input.</summary>
    public sealed record Span(int OutputStart, int OutputLength, int InputStart, int InputLength);

    /// <summary>The substituted SQL, the effective values (by name, sorted), and the replaced spans.</summary>
    public sealed record Substituted(string Sql, IReadOnlyDictionary<string, IReadOnlyList<string>> Values, IReadOnlyList<Span> Spans)
    {
        /// <summary>Canonical JSON of the effective values (sorted names), for reuse keys and params.* selection.</summary>
        public string ParametersJson() => System.Text.Json.JsonSerializer.Serialize(
            new SortedDictionary<string, IReadOnlyList<string>>(Values.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal));

        /// <summary>Maps a character offset in the substituted SQL back to the original text (a position
        /// inside a substituted value maps to the start of its placeholder).</summary>
        public int MapBack(int offset)
        {
            int delta = 0;
            foreach (var s in Spans)
            {
                if (offset < s.OutputStart)
                {
                    break;
                }
                if (offset < s.OutputStart + s.OutputLength)
                {
                    return s.InputStart;
                }
                delta = s.InputStart + s.InputLength - (s.OutputStart + s.OutputLength);
            }
            return offset + delta;
        }
    }

    /// <summary>Character offset of a 1-based line and column in a text.</summary>
    public static int OffsetOf(string text, int line, int column)
    {
        int offset = 0;
        for (int l = 1; l < line; l++)
        {
            int nl = text.IndexOf('\n', offset);
            if (nl < 0)
            {
                return text.Length;
            }
            offset = nl + 1;
        }
        return Math.Min(text.Length, offset + column - 1);
    }

    /// <summary>1-based line and column of a character offset.</summary>
    public static (int Line, int Column) LineColumnOf(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int line = 1 + text.AsSpan(0, offset).Count('\n');
        int lastNewline = text.LastIndexOf('\n', Math.Max(0, offset - 1));
        if (offset == 0 || lastNewline < 0)
        {
            lastNewline = -1;
        }
        return (line, offset - lastNewline);
    }
}
