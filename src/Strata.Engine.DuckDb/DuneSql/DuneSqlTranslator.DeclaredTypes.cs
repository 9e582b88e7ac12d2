using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The declared types of the result's columns that DuckDB's types cannot name (decision 208): DuckDB has one TIMESTAMP, one
/// TIME and one VARCHAR, so <c>CAST(x AS timestamp(5))</c>, <c>time(1)</c>, <c>timestamp(6) with time zone</c>,
/// <c>varchar(5)</c> and <c>char(5)</c> all lost their parameter in the result's <c>column_types</c>, and
/// <c>from_unixtime_nanos</c> is held as a zoneless TIMESTAMP_NS. Where a column of the outermost select list is such a
/// cast (or that call), perhaps in parentheses and with an alias, its position is mapped to Trino's name of the type; the
/// engine takes the name when DuckDB's type of the column is the one the cast gives (<c>DuckDbDeclaredTypes</c>), and a
/// timestamp's or time's text then has the type's digits. Anything the text does not show statically (a column of a
/// subquery or CTE read by name, a set operation, a star before the column, a function of the cast) keeps DuckDB's name.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's names the engine takes from a cast: timestamp(p) [with time zone], time(p), varchar(n), char(n).</summary>
    [GeneratedRegex(@"^(timestamp\(([0-9]|1[0-2])\)( with time zone)?|time\(([0-9]|1[0-2])\)|varchar\([0-9]+\)|char\([0-9]+\))$", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredTypeName();

    /// <summary>An array of a bounded varchar (array_agg, ARRAY[…] of varchar(n) values) or of a timestamp(p) (ARRAY[TIMESTAMP '…'],
    /// decision 248: its elements written with p digits, DuckDbNestedJson.TimestampArray): the array types the engine takes (a
    /// char's padding inside an array is not written).</summary>
    [GeneratedRegex(@"^array\((varchar\([0-9]+\)|timestamp\(([0-9]|1[0-2])\))\)$", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredArrayName();

    /// <summary>Trino's name of from_unixtime_nanos' type (DuckDB holds it as a zoneless TIMESTAMP_NS in UTC).</summary>
    private const string NanosecondTimestampName = "timestamp(9) with time zone";

    private sealed partial class Pass
    {
        /// <summary>Position → Trino's type name, for the result's columns whose declared type DuckDB cannot name (see the
        /// class comment), carried through CTEs, subqueries, stars and set operations (DuneSqlTranslator.DeclaredScopes.cs).</summary>
        internal Dictionary<int, string> DeclaredColumnTypes()
        {
            var found = new Dictionary<int, string>();
            int n = Tokens.Count;
            var columns = QueryColumns(Next(-1, n), n, new Dictionary<string, ScopedColumns?>(StringComparer.OrdinalIgnoreCase), 0);
            for (int position = 0; position < columns.Columns.Count; position++)
            {
                if (columns.Columns[position].Type is { } type && (DeclaredTypeName().IsMatch(type) && type != "timestamp(9) with time zone"
                    || DeclaredArrayName().IsMatch(type))
                    || columns.Columns[position].Type == NanosecondTimestampName)
                {
                    found[position] = columns.Columns[position].Type!;
                }
            }
            return found;
        }

        /// <summary>The first and last tokens of [from, to) inside the parentheses around the whole (<c>((x))</c> → x).</summary>
        private (int From, int Last) Unparenthesized(int from, int to)
        {
            int last = Previous(to);
            while (Is(from, "(") && Close(from, to) == last)
            {
                from = Next(from, last);
                last = Previous(last);
            }
            return (from, last);
        }

        /// <summary>Trino's name of the type of the expression [from, last] when it is a cast to a type DuckDB cannot name,
        /// or from_unixtime_nanos; else null. Its alias (ItemAlias) and the parentheses around it (Unparenthesized) are off.</summary>
        private string? DeclaredType(int from, int last)
        {
            if (LiteralTimestampType(from, last) is { } literal)
            {
                return literal; // TIMESTAMP '…' typed by its digits (DuneSqlTranslator.LiteralTimestamps.cs)
            }
            int open = Next(from, last + 1);
            if (last < from || !Is(open, "(") || Close(open, last + 1) != last)
            {
                return null;
            }
            if (Is(from, "from_unixtime_nanos") || Is(from, "from_iso8601_timestamp_nanos"))
            {
                return NanosecondTimestampName;
            }
            if (!Is(from, "cast") && !Is(from, "try_cast"))
            {
                return null;
            }
            int asIndex = -1;
            for (int k = Next(open, last); k < last; k = Next(IsOpening(k) ? Close(k, last) : k, last))
            {
                asIndex = Is(k, "as") ? k : asIndex;
            }
            if (asIndex < 0)
            {
                return null;
            }
            string type = TypeText(Next(asIndex, last), last);
            return DeclaredTypeName().IsMatch(type) && type != "timestamp(9) with time zone" ? type : null;
        }

        /// <summary>Trino's name of the type written in tokens [first, end): lower case, one space between words,
        /// <c>without time zone</c> dropped, <c>char</c> as <c>char(1)</c>.</summary>
        private string TypeText(int first, int end)
        {
            var name = new StringBuilder();
            for (int k = first; k < end; k = Next(k, end))
            {
                string word = Text(k).ToLowerInvariant();
                bool attached = word is "(" or ")" or "," || name.Length == 0 || name[^1] == '(';
                name.Append(attached ? "" : " ").Append(word);
            }
            string type = name.ToString().Replace(" without time zone", "", StringComparison.Ordinal);
            return type == "char" ? "char(1)" : type;
        }
    }
}
