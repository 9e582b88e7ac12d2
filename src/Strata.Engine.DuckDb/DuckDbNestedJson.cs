using System.Globalization;
using Strata.Core.Results;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The JSON text of a nested value (array, map, row), with every value inside it written as the same type is at the
/// top level of a result (contract section 7): varbinary as lowercase <c>0x</c> hex, timestamps as
/// <c>2021-06-07 13:21:10.000 UTC</c>, uint256/int256 and wide decimals as exact decimal strings, integer aggregates as
/// numbers, real as its shortest text, json as a string of its text. DuckDB's own <c>to_json</c> writes bytes as <c>\x01</c> escapes, timestamps
/// with microseconds and no zone, and HUGEINT as a double; so each value whose JSON would differ is first turned,
/// inside DuckDB, into one whose JSON is the top-level text. Named rows are JSON objects; unnamed rows (Trino's
/// <c>row(1, 'a')</c>, whose fields have no names) are JSON arrays by position; maps are objects keyed by the key's
/// top-level text. Non-finite doubles are made JSON strings afterwards (<see cref="NonFiniteJson"/>).
/// </summary>
internal static class DuckDbNestedJson
{
    /// <summary>The expression giving the JSON text (VARCHAR) of the nested value <paramref name="column"/> of DuckDB type <paramref name="duckType"/>.</summary>
    public static string Plan(string duckType, string column) => Json(duckType.Trim(), column, 0);

    /// <summary>
    /// JSON text built in SQL for the types whose DuckDB JSON differs from the top level's, and DuckDB's own
    /// <c>to_json</c> for the rest. The text is built by concatenation rather than by rebuilding a value and calling
    /// <c>to_json</c> on it: DuckDB re-reads an embedded JSON value as a double, which would round wide decimals.
    /// </summary>
    private static string Json(string type, string expr, int depth) =>
        Converted(type, expr, depth) ?? $"CAST(to_json({expr}) AS VARCHAR)";

    /// <summary>The JSON text of a value of <paramref name="type"/>, or null where DuckDB's own JSON of it is already right.</summary>
    private static string? Converted(string type, string expr, int depth)
    {
        string upper = type.ToUpperInvariant();
        string variable = "_strata_j" + depth.ToString(CultureInfo.InvariantCulture);
        if (upper.EndsWith(']'))
        {
            int open = DuckDbTypes.FindArrayBracket(type);
            string element = type[..open].Trim();
            string? inner = Converted(element, variable, depth + 1);
            if (inner is null)
            {
                return null;
            }
            string list = upper[open..] == "[]" ? expr : $"CAST({expr} AS {element}[])";
            return $"('[' || array_to_string(list_transform({list}, {variable} -> coalesce({inner}, 'null')), ',') || ']')";
        }
        if (upper.StartsWith("STRUCT(", StringComparison.Ordinal) && upper.EndsWith(')'))
        {
            return Struct(type, expr, depth);
        }
        if (upper.StartsWith("MAP(", StringComparison.Ordinal) && upper.EndsWith(')'))
        {
            var kv = DuckDbTypes.SplitTopLevel(type[4..^1]);
            string? key = KeyText(kv[0].Trim(), variable + ".key", depth + 1);
            string? value = Converted(kv[1].Trim(), variable + ".value", depth + 1);
            if (key is null && value is null)
            {
                return null;
            }
            // A JSON object's keys are strings: a key is written as the text its type has at the top level.
            string entry = $"CAST(to_json({key ?? $"CAST({variable}.key AS VARCHAR)"}) AS VARCHAR) || ':' || "
                + $"coalesce({value ?? $"CAST(to_json({variable}.value) AS VARCHAR)"}, 'null')";
            return $"('{{' || array_to_string(list_transform(map_entries({expr}), {variable} -> {entry}), ',') || '}}')";
        }
        if (upper.StartsWith("UNION(", StringComparison.Ordinal))
        {
            return null;
        }
        var (text, json) = LeafText(type, upper, expr);
        return json switch
        {
            LeafJson.Same => null,
            LeafJson.Number => text,
            // Hex digits, digits, dates and timestamps need no escaping: quoted by concatenation, faster than to_json.
            LeafJson.PlainString => $"('\"' || {text} || '\"')",
            _ => $"CAST(to_json({text}) AS VARCHAR)",
        };
    }

    private static string Struct(string type, string expr, int depth)
    {
        var fields = DuckDbTypes.StructFields(type).ToList();
        var values = fields.Select((f, i) =>
        {
            string field = f.Name is null
                ? $"struct_extract({expr}, {(i + 1).ToString(CultureInfo.InvariantCulture)})"
                : $"struct_extract({expr}, {SqlQuoting.QuoteString(f.Name)})";
            return $"coalesce({Json(f.Type.Trim(), field, depth + 1)}, 'null')";
        }).ToList();
        // An unnamed row (Trino's row(1, 'a')) has no names to key an object by (DuckDB writes every key as ""):
        // it is a JSON array by position.
        bool unnamed = fields.Count > 0 && fields.All(f => f.Name is null);
        var members = unnamed ? values : fields.Select((f, i) => SqlQuoting.QuoteString(JsonKey(f.Name ?? "") + ":") + " || " + values[i]);
        string body = string.Join(" || ',' || ", members);
        if (body.Length == 0)
        {
            body = "''";
        }
        return $"CASE WHEN {expr} IS NULL THEN NULL ELSE {(unnamed ? "'['" : "'{'")} || {body} || {(unnamed ? "']'" : "'}'")} END";
    }

    /// <summary>A map key's text: null where DuckDB's cast of it to VARCHAR is already the top level's text.</summary>
    private static string? KeyText(string type, string expr, int depth)
    {
        string upper = type.ToUpperInvariant();
        if (upper.EndsWith(']') || upper.StartsWith("STRUCT(", StringComparison.Ordinal) || upper.StartsWith("MAP(", StringComparison.Ordinal))
        {
            return Json(type, expr, depth);
        }
        return LeafText(type, upper, expr).Text;
    }

    /// <summary>How a leaf's text becomes JSON.</summary>
    private enum LeafJson
    {
        /// <summary>DuckDB's JSON of the value is already the top level's: no text.</summary>
        Same,

        /// <summary>The text is the JSON (a number).</summary>
        Number,

        /// <summary>A string whose text never needs escaping.</summary>
        PlainString,

        /// <summary>A string that may need escaping.</summary>
        String,
    }

    /// <summary>A leaf's text as the top level writes it, and how its JSON is made from that text.</summary>
    private static (string? Text, LeafJson Json) LeafText(string type, string upper, string expr)
    {
        if (upper == "VARCHAR")
        {
            return (null, LeafJson.Same);
        }
        if (upper == "JSON")
        {
            // A json value inside an array, map or row is a string of its JSON text, as at the top level (RowEncoder.JsonKind):
            // JSON null is "null", apart from SQL NULL's null.
            return ($"CAST({expr} AS VARCHAR)", LeafJson.String);
        }
        var (kind, planned) = DuckDbTypes.Plan(type, expr);
        return kind switch
        {
            ColumnKind.Binary => ($"('0x' || lower(hex({expr})))", LeafJson.PlainString),
            ColumnKind.Timestamp => (TimestampText(expr, 3, nanos: false), LeafJson.PlainString),
            ColumnKind.TimestampNanos => (TimestampText(expr, 9, nanos: true), LeafJson.PlainString),
            ColumnKind.Date => (DateText(expr), LeafJson.PlainString),
            // uint256/int256, UHUGEINT and wide decimals: the exact digits as a string, with the top level's range checks.
            ColumnKind.ExactNumber => (LeadingZero(planned), LeafJson.PlainString),
            // Narrow decimals keep their scale (12.50), as at the top level; DuckDB's JSON drops trailing zeros.
            ColumnKind.Number => (LeadingZero(planned), LeafJson.Number),
            // HUGEINT (an integer aggregate) is a bigint number, with the top level's overflow check; DuckDB's JSON of it is a double.
            ColumnKind.Int64 when upper == "HUGEINT" => ($"CAST({planned} AS VARCHAR)", LeafJson.Number),
            // real: its own shortest text (1.1), not the double nearest it (1.100000023841858); non-finite as the top level's strings.
            ColumnKind.Float => ($"CASE WHEN isfinite({expr}) THEN CAST({expr} AS VARCHAR) WHEN isnan({expr}) THEN '\"NaN\"' "
                + $"WHEN {expr} > 0 THEN '\"Infinity\"' ELSE '\"-Infinity\"' END", LeafJson.Number),
            // time, interval, uuid...: the text the top level gives.
            ColumnKind.Text => (planned, LeafJson.String),
            // Integers, booleans and doubles (non-finite doubles are quoted afterwards, by NonFiniteJson).
            _ => (null, LeafJson.Same),
        };
    }

    /// <summary>A JSON string literal of a field name (quotes and backslashes escaped, control characters as \u).</summary>
    private static string JsonKey(string name)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        RowEncoder.WriteJsonString(output, System.Text.Encoding.UTF8.GetBytes(name));
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>DuckDB writes DECIMAL(1,1) 0.5 as ".5" (see <see cref="DuckDbRows.LeadingZero"/>).</summary>
    private static string LeadingZero(string text) =>
        $"regexp_replace({text}, '^(-?)\\.', '\\10.')";

    /// <summary>The top level's text of a timestamp with <paramref name="digits"/> of the second's fraction
    /// (<see cref="TemporalFormat.WriteTimestamp(Span{byte}, long, int)"/>): the instant in UTC, the fraction truncated, zeros
    /// past the digits held (six of microseconds, nine of <paramref name="nanos"/>econds), then <c> UTC</c>; an infinity as
    /// its word. Top-level columns have 3 digits (9 for nanoseconds); a declared timestamp(p) array's elements p.</summary>
    private static string TimestampText(string expr, int digits, bool nanos)
    {
        // DuckDB's %n (nanoseconds) followed by more text writes six digits and three NUL bytes: the digits are taken from
        // the count of units instead, for both kinds.
        string utc = nanos ? expr : $"make_timestamp(epoch_us({expr}))";
        int held = nanos ? 9 : 6;
        string units = nanos ? $"((epoch_ns({expr}) % 1000000000) + 1000000000) % 1000000000" : $"((epoch_us({expr}) % 1000000) + 1000000) % 1000000";
        string fraction = TimestampFractionSql.Fraction(units, held, digits) is { } text ? " || " + text : "";
        return $"CASE WHEN {expr} IS NULL THEN NULL WHEN isinf({expr}) THEN {Infinity(expr)} "
            + $"ELSE {Year(utc)} || strftime({utc}, '-%m-%d %H:%M:%S'){fraction} || ' UTC' END";
    }

    /// <summary>The JSON text of an array of Trino's timestamp(p) (a declared type, DuckDbDeclaredTypes): each element as the
    /// top level writes a timestamp(p) (<see cref="TimestampText"/> with p digits).</summary>
    public static string TimestampArray(string column, int digits, bool nanos)
    {
        const string v = "_strata_jt";
        return $"('[' || array_to_string(list_transform({column}, {v} -> coalesce('\"' || {TimestampText(v, digits, nanos)} || '\"', 'null')), ',') || ']')";
    }

    /// <summary>The top level's text of a date (<see cref="TemporalFormat.WriteDate"/>).</summary>
    private static string DateText(string expr) =>
        $"CASE WHEN {expr} IS NULL THEN NULL WHEN isinf({expr}) THEN {Infinity(expr)} ELSE {Year(expr)} || strftime({expr}, '-%m-%d') END";

    /// <summary>The word of an infinite date or timestamp: the untyped literal takes the value's own type (DATE, TIMESTAMP,
    /// TIMESTAMP_NS or TIMESTAMPTZ).</summary>
    private static string Infinity(string expr) =>
        $"CASE WHEN {expr} > '1970-01-01' THEN 'infinity' ELSE '-infinity' END";

    /// <summary>At least four digits; a plus sign past 9999 and a minus sign before year 0 (astronomical years).</summary>
    private static string Year(string value) =>
        $"CASE WHEN year({value}) > 9999 THEN '+' || CAST(year({value}) AS VARCHAR) WHEN year({value}) < 0 THEN '-' || printf('%04d', -year({value})) "
        + $"ELSE printf('%04d', year({value})) END";
}
