using System.Text;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb;

/// <summary>Maps DuckDB type names to stored column kinds, Dune/Trino type names and the SQL that reads them exactly.</summary>
internal static class DuckDbTypes
{
    /// <summary>The stored kind of a DuckDB type, and the expression (over <paramref name="column"/>) that yields it.</summary>
    public static (ColumnKind Kind, string Expression) Plan(string duckType, string column)
    {
        string t = duckType.Trim().ToUpperInvariant();
        if (IsNested(t))
        {
            return (ColumnKind.Json, DuckDbNestedJson.Plan(duckType, column));
        }
        if (DuneSql.DuneZones.IsZoned(duckType))
        {
            // A timestamp with time zone in another zone than UTC: Trino's text, the zone's wall clock and name (DuneZones).
            return (ColumnKind.Text, $"{column}::VARCHAR");
        }
        if (t.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            int precision = DecimalPrecision(t);
            return (precision <= 18 ? ColumnKind.Number : ColumnKind.ExactNumber, $"{column}::VARCHAR");
        }
        if (t == "TIMESTAMP_NS")
        {
            // Trino's timestamp(9): every nanosecond kept (the other timestamps are held as microseconds).
            return (ColumnKind.TimestampNanos, ReadAs(ColumnKind.TimestampNanos, column));
        }
        if (t.StartsWith("TIMESTAMP", StringComparison.Ordinal))
        {
            return (ColumnKind.Timestamp, ReadAs(ColumnKind.Timestamp, column));
        }
        return t switch
        {
            "BOOLEAN" => (ColumnKind.Boolean, column),
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
                => (ColumnKind.Int64, $"{column}::BIGINT"),
            "UBIGINT" => (ColumnKind.UInt64, column),
            // DuneSQL has no 128-bit type: DuckDB's HUGEINT is what sum/sum-like aggregates of integers
            // give, which Trino types bigint; past bigint it is Trino's overflow error, not a wider value.
            "HUGEINT" => (ColumnKind.Int64, $"CASE WHEN {column} < -9223372036854775808 OR {column} > 9223372036854775807 "
                + $"THEN error('bigint addition overflow: the value does not fit in bigint') ELSE {column}::BIGINT END"),
            // uint256/int256: exact digits, and never a value outside both types (a sum of uint256 can pass 2^256-1).
            "BIGNUM" or "VARINT" => (ColumnKind.ExactNumber, $"CASE WHEN {column} < CAST('{DuneSql.DuneInt256.IntMinDigits}' AS BIGNUM) "
                + $"OR {column} > CAST('{DuneSql.DuneInt256.UintMaxDigits}' AS BIGNUM) THEN error('uint256 overflow: the value does not fit in uint256 or int256') "
                + $"ELSE {column}::VARCHAR END"),
            // A uint256 column can hold a negative value only where DuckDB unified int256 into it (DuneInt256Types).
            "UINT256" => (ColumnKind.ExactNumber, $"CASE WHEN {column} < 0 THEN error('uint256 overflow: a negative value in a uint256 column "
                + $"(an int256 unified with a uint256); cast it to int256') ELSE {column}::VARCHAR END"),
            "INT256" => (ColumnKind.ExactNumber, $"{column}::VARCHAR"),
            "UHUGEINT" => (ColumnKind.ExactNumber, $"{column}::VARCHAR"),
            "FLOAT" => (ColumnKind.Float, column),
            "DOUBLE" => (ColumnKind.Double, column),
            "BLOB" => (ColumnKind.Binary, column),
            "DATE" => (ColumnKind.Date, ReadAs(ColumnKind.Date, column)),
            "INTERVAL" => (ColumnKind.Text, IntervalText(column)),
            // Trino's time(3): HH:MM:SS.fff (DuckDB's text drops a zero fraction), truncated to milliseconds as timestamps are.
            "TIME" => (ColumnKind.Text, $"printf('%02d:%02d:%02d.%03d', hour({column}), minute({column}), second({column}), "
                + $"microsecond({column}) % 1000000 // 1000)"),
            "TIME WITH TIME ZONE" => (ColumnKind.Text, TimeWithZoneText(column)),
            "JSON" => (ColumnKind.Json, $"{column}::VARCHAR"),
            _ => (ColumnKind.Text, $"{column}::VARCHAR"),
        };
    }

    /// <summary>
    /// An interval as Trino writes it: a day-to-second interval as <c>[-]D HH:MM:SS.fff</c> (milliseconds, rounded half away
    /// from zero), a year-to-month one as <c>[-]Y-M</c>. DuckDB's intervals mixing months with days or time (Trino has none)
    /// keep DuckDB's text.
    /// </summary>
    internal static string IntervalText(string column)
    {
        string months = $"(datepart('year', {column}) * 12 + datepart('month', {column}))";
        string micros = $"(datepart('day', {column})::BIGINT * 86400000000 + datepart('hour', {column})::BIGINT * 3600000000 "
            + $"+ datepart('minute', {column})::BIGINT * 60000000 + datepart('microseconds', {column})::BIGINT)";
        string ms = $"((abs({micros}) + 500) // 1000)";
        return $"CASE WHEN {column} IS NULL THEN NULL "
            + $"WHEN {months} <> 0 AND {micros} = 0 THEN printf('%s%d-%d', CASE WHEN {months} < 0 THEN '-' ELSE '' END, abs({months}) // 12, abs({months}) % 12) "
            + $"WHEN {months} = 0 THEN printf('%s%d %02d:%02d:%02d.%03d', CASE WHEN {micros} < 0 THEN '-' ELSE '' END, {ms} // 86400000, "
            + $"{ms} // 3600000 % 24, {ms} // 60000 % 60, {ms} // 1000 % 60, {ms} % 1000) "
            + $"ELSE {column}::VARCHAR END";
    }

    /// <summary>Trino's <c>time(3) with time zone</c> text, <c>22:08:00.211+00:00</c> (DuckDB's: <c>22:08:00.211065+00</c>):
    /// milliseconds, truncated as timestamps are, and the offset as <c>±hh:mm</c>, read from DuckDB's text (DuckDB has no
    /// field functions of the offset of a TIMETZ).</summary>
    internal static string TimeWithZoneText(string column) =>
        $"(regexp_extract(CAST({column} AS VARCHAR), '^[0-9]+:[0-9]{{2}}:[0-9]{{2}}') || '.' "
        + $"|| rpad(left(regexp_extract(CAST({column} AS VARCHAR), '[.]([0-9]+)', 1), 3), 3, '0') "
        + $"|| rpad(regexp_extract(CAST({column} AS VARCHAR), '[+-][0-9]{{2}}(:[0-9]{{2}})?'), 6, ':00'))";

    /// <summary>
    /// The expression that reads a column already holding its stored kind's values: timestamps as epoch
    /// microseconds, dates as days since the epoch, anything else as it is.
    /// </summary>
    public static string ReadAs(ColumnKind kind, string column) => kind switch
    {
        // epoch_us gives NULL for the infinities: they are stored as DuckDB encodes them (see TemporalFormat).
        ColumnKind.Timestamp => Epoch("epoch_us", column),
        ColumnKind.TimestampNanos => Epoch("epoch_ns", column),
        ColumnKind.Date => $"({column} - DATE '1970-01-01')::INTEGER",
        _ => column,
    };

    private static string Epoch(string function, string column) =>
        $"CASE WHEN {column} IS NULL THEN NULL WHEN NOT isinf({column}) THEN {function}({column}) "
        + $"WHEN {column} < TIMESTAMP '1970-01-01' THEN -9223372036854775807 ELSE 9223372036854775807 END";

    private static bool IsNested(string t) =>
        t.EndsWith(']') || t.StartsWith("STRUCT", StringComparison.Ordinal) || t.StartsWith("MAP", StringComparison.Ordinal)
        || t.StartsWith("UNION", StringComparison.Ordinal);

    private static int DecimalPrecision(string t)
    {
        int open = t.IndexOf('(');
        int comma = t.IndexOf(',');
        if (open < 0 || comma < open)
        {
            return 18;
        }
        return int.Parse(t.AsSpan(open + 1, comma - open - 1), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The Dune (Trino) name of a DuckDB type, e.g. <c>INTEGER[]</c> to <c>array(integer)</c>.</summary>
    public static string DuneName(string duckType)
    {
        string t = duckType.Trim();
        string upper = t.ToUpperInvariant();
        if (upper.EndsWith(']'))
        {
            int open = FindArrayBracket(t);
            return $"array({DuneName(t[..open])})";
        }
        if (upper.StartsWith("STRUCT(", StringComparison.Ordinal) && upper.EndsWith(')'))
        {
            var fields = StructFields(t).Select(f => f.Name is null ? DuneName(f.Type) : $"{f.Name} {DuneName(f.Type)}");
            return $"row({string.Join(", ", fields)})";
        }
        if (upper.StartsWith("MAP(", StringComparison.Ordinal) && upper.EndsWith(')'))
        {
            var parts = SplitTopLevel(t[4..^1]);
            return $"map({string.Join(", ", parts.Select(DuneName))})";
        }
        if (DuneSql.DuneZones.IsZoned(t))
        {
            return DuneSql.DuneZones.IsPerValueNanos(t) ? "timestamp(9) with time zone" : "timestamp(3) with time zone";
        }
        if (upper.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            return upper.Replace("DECIMAL", "decimal", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        }
        return upper switch
        {
            "BOOLEAN" => "boolean",
            "TINYINT" => "tinyint",
            "SMALLINT" or "UTINYINT" => "smallint",
            "INTEGER" or "USMALLINT" => "integer",
            "BIGINT" or "UINTEGER" => "bigint",
            "UBIGINT" => "ubigint",
            // See Plan: HUGEINT is an integer aggregate (bigint in Trino). uint256 and int256 are registered
            // types (DuneInt256Types); a bare BIGNUM is what DuckDB's own BIGNUM functions give for them
            // (sum, list_sum): named uint256, the type of Dune's on-chain amounts.
            "HUGEINT" => "bigint",
            "UINT256" => "uint256",
            "INT256" => "int256",
            "BIGNUM" or "VARINT" or "UHUGEINT" => "uint256",
            "FLOAT" => "real",
            "DOUBLE" => "double",
            "VARCHAR" => "varchar",
            "BLOB" => "varbinary",
            "DATE" => "date",
            "TIMESTAMP WITH TIME ZONE" => "timestamp(3) with time zone",
            "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" => "timestamp(3)",
            "TIMESTAMP_NS" => "timestamp(9)",
            "TIME" => "time(3)",
            "TIME WITH TIME ZONE" => "time(3) with time zone",
            "INTERVAL" => "interval day to second",
            _ => upper.ToLowerInvariant(),
        };
    }

    /// <summary>
    /// The fields of a <c>STRUCT(...)</c> type: a name and type each, or a null name for the fields of an unnamed struct
    /// (Trino's <c>row(1, 'a')</c>), whose type lists bare types and whose fields are read by position.
    /// </summary>
    internal static IEnumerable<(string? Name, string Type)> StructFields(string structType)
    {
        string t = structType.Trim();
        foreach (var field in SplitTopLevel(t[7..^1]))
        {
            bool named = field.StartsWith('"') || field.Trim().Contains(' ', StringComparison.Ordinal) && !IsBareType(field);
            if (named)
            {
                var (name, type) = SplitNameType(field);
                yield return (name, type);
            }
            else
            {
                yield return (null, field);
            }
        }
    }

    private static bool IsBareType(string field)
    {
        string upper = field.Trim().ToUpperInvariant();
        return upper.StartsWith("STRUCT(", StringComparison.Ordinal) || upper.StartsWith("MAP(", StringComparison.Ordinal)
            || upper.StartsWith("UNION(", StringComparison.Ordinal) || upper.StartsWith("DECIMAL(", StringComparison.Ordinal)
            || upper.StartsWith("TIMESTAMP WITH", StringComparison.Ordinal) || upper.StartsWith("TIME WITH", StringComparison.Ordinal)
            || upper.StartsWith("ENUM(", StringComparison.Ordinal);
    }

    /// <summary>
    /// The fields of every row (and union) type inside a DuckDB type, at any depth: <c>STRUCT(a INTEGER, b STRUCT(c INTEGER,
    /// d INTEGER)[])</c> has 4. One pass over the text, no recursion (a type may be nested a thousand deep).
    /// </summary>
    internal static long NestedFieldCount(string type)
    {
        long fields = 0;
        var rows = new Stack<bool>();
        bool quoted = false;
        for (int i = 0; i < type.Length; i++)
        {
            char c = type[i];
            if (quoted)
            {
                // A doubled quote inside a quoted name closes and reopens it.
                quoted = c != '"';
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case '(':
                    bool row = WordBefore(type, i, "STRUCT") || WordBefore(type, i, "UNION");
                    rows.Push(row);
                    fields += row ? 1 : 0;
                    break;
                case ',':
                    fields += rows.Count > 0 && rows.Peek() ? 1 : 0;
                    break;
                case ')':
                    rows.TryPop(out _);
                    break;
            }
        }
        return fields;
    }

    /// <summary>True when <paramref name="word"/> (any case) ends just before <paramref name="at"/>, spaces aside, as a whole word.</summary>
    private static bool WordBefore(string text, int at, string word)
    {
        int end = at;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }
        int start = end - word.Length;
        return start >= 0 && text.AsSpan(start, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
            && (start == 0 || !(char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'));
    }

    internal static int FindArrayBracket(string t)
    {
        int depth = 0;
        for (int i = t.Length - 1; i >= 0; i--)
        {
            if (t[i] == ']')
            {
                depth++;
            }
            else if (t[i] == '[' && --depth == 0)
            {
                return i;
            }
        }
        return t.Length;
    }

    internal static (string Name, string Type) SplitNameType(string field)
    {
        field = field.Trim();
        if (field.StartsWith('"'))
        {
            int end = 1;
            var name = new StringBuilder();
            while (end < field.Length)
            {
                if (field[end] == '"')
                {
                    if (end + 1 < field.Length && field[end + 1] == '"')
                    {
                        name.Append('"');
                        end += 2;
                        continue;
                    }
                    break;
                }
                name.Append(field[end++]);
            }
            return (name.ToString(), field[(end + 1)..].Trim());
        }
        int space = field.IndexOf(' ');
        return space < 0 ? (field, "VARCHAR") : (field[..space], field[(space + 1)..]);
    }

    internal static List<string> SplitTopLevel(string s)
    {
        var parts = new List<string>();
        int depth = 0;
        bool quoted = false;
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '(' || c == '['))
            {
                depth++;
            }
            else if (!quoted && (c == ')' || c == ']'))
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',')
            {
                parts.Add(s[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(s[start..].Trim());
        return parts;
    }
}
