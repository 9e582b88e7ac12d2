using System.Globalization;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>
/// SQL that refuses a value larger than the per-value cap inside DuckDB, before it is turned into
/// JSON or copied into .NET. DuckDB's memory limit does not bound either copy: <c>to_json</c> of a
/// 320 MB list and the .NET string of a 400 MB text each cost the process gigabytes.
/// </summary>
internal static class DuckDbValueSize
{
    /// <summary>
    /// Wraps the planned read of a column so that a value past <paramref name="maxBytes"/> raises a
    /// clear error instead of being read. Fixed-width kinds need no check.
    /// </summary>
    public static string Guard(string duckType, string column, string planned, string columnName, long maxBytes)
    {
        string? size = Estimate(duckType.Trim(), column, 0);
        if (size is null)
        {
            return planned;
        }
        string limit = maxBytes.ToString(CultureInfo.InvariantCulture);
        string message = SqlQuoting.QuoteString(
            $"A value of column {(columnName.Length > 64 ? columnName[..64] + "..." : columnName)} is larger than the {Describe(maxBytes)} per-value limit (setting Strata__MaxValueBytes).");
        return $"CASE WHEN coalesce({size}, 0) > {limit} THEN error({message}) ELSE {planned} END";
    }

    /// <summary>A byte count as people read it: 16 MiB, 512 KiB, 100 bytes.</summary>
    public static string Describe(long bytes) =>
        bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB"
        : bytes % (1L << 10) == 0 ? $"{bytes >> 10} KiB"
        : $"{bytes} bytes";

    private const int MaxDepth = 16;

    /// <summary>
    /// An upper estimate of the JSON or text size of a value, computed without building that text;
    /// null for types whose text is small and bounded (numbers, dates, uuids...).
    /// </summary>
    internal static string? Estimate(string type, string expr, int depth)
    {
        string upper = type.ToUpperInvariant();
        if (depth > MaxDepth)
        {
            // Past this nesting the exact walk is not worth its SQL: the text is measured instead.
            return $"strlen(CAST({expr} AS VARCHAR))";
        }
        if (upper.EndsWith(']'))
        {
            int open = DuckDbTypes.FindArrayBracket(type);
            string element = type[..open];
            string list = upper[open..] == "[]" ? expr : $"CAST({expr} AS {element}[])";
            string? inner = Estimate(element, "_strata_e" + depth.ToString(CultureInfo.InvariantCulture), depth + 1);
            return inner is null
                ? $"(len({list}) * 41 + 2)"
                : $"(coalesce(list_sum(list_transform({list}, _strata_e{depth} -> coalesce({inner}, 4) + 1)), 0) + 2)";
        }
        if (upper.StartsWith("STRUCT(", StringComparison.Ordinal) && upper.EndsWith(')'))
        {
            var parts = new List<string>();
            int index = 1;
            foreach (var (fieldName, fieldType) in DuckDbTypes.StructFields(type))
            {
                string name = fieldName ?? "";
                string key = fieldName is null ? index.ToString(CultureInfo.InvariantCulture) : SqlQuoting.QuoteString(name);
                string? inner = Estimate(fieldType, $"struct_extract({expr}, {key})", depth + 1);
                parts.Add($"{(inner is null ? "41" : $"coalesce({inner}, 4)")} + {System.Text.Encoding.UTF8.GetByteCount(name) + 4}");
                index++;
            }
            return $"({string.Join(" + ", parts)} + 2)";
        }
        if (upper.StartsWith("MAP(", StringComparison.Ordinal) && upper.EndsWith(')'))
        {
            var kv = DuckDbTypes.SplitTopLevel(type[4..^1]);
            string keys = Estimate(kv[0] + "[]", $"map_keys({expr})", depth + 1)!;
            string values = Estimate(kv[1] + "[]", $"map_values({expr})", depth + 1)!;
            return $"({keys} + {values})";
        }
        return upper switch
        {
            "VARCHAR" or "JSON" => $"strlen({expr})",
            "BLOB" => $"(octet_length({expr}) * 4)",
            "BIT" or "BITSTRING" => $"bit_length({expr})",
            "BOOLEAN" or "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT"
                or "UINTEGER" or "UBIGINT" or "UHUGEINT" or "FLOAT" or "DOUBLE" or "DATE" or "TIME" or "TIMETZ"
                or "TIME WITH TIME ZONE" or "INTERVAL" or "UUID" or "TIME_NS" => null,
            _ when upper.StartsWith("DECIMAL", StringComparison.Ordinal) || upper.StartsWith("TIMESTAMP", StringComparison.Ordinal) => null,
            _ when upper.StartsWith("ENUM(", StringComparison.Ordinal) => null,
            // Variable-width or unknown (BIGNUM, UNION, ...): measured as text, which DuckDB bounds by the value itself.
            _ => $"strlen(CAST({expr} AS VARCHAR))",
        };
    }
}
