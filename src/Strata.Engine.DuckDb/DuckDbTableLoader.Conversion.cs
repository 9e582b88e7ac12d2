using System.Globalization;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>The strict text-to-type conversions of each column and the types parts are stored as.</summary>
public sealed partial class DuckDbTableLoader
{
    /// <summary>The strict conversion of one column's text to its stored type; bad values fail through error().</summary>
    private static string Convert(UploadColumn column, int index, string? value)
    {
        if (value is null)
        {
            return $"CAST(NULL AS {StoredType(column.Type)})";
        }
        string v = value;
        string fail = $"error({SqlQuoting.QuoteString($"{Marker}{index}:bad:")} || {v})";
        string converted = column.Type.Kind switch
        {
            UploadTypeKind.Varchar => v,
            UploadTypeKind.Integer or UploadTypeKind.Bigint =>
                $"COALESCE(CASE WHEN regexp_full_match({v}, '[+-]?[0-9]+') THEN TRY_CAST({v} AS {StoredType(column.Type)}) END, {fail})",
            UploadTypeKind.Date => $"COALESCE({DateOf(v)}, {fail})",
            UploadTypeKind.Double or UploadTypeKind.Boolean or UploadTypeKind.Decimal =>
                $"COALESCE(TRY_CAST({v} AS {StoredType(column.Type)}), {fail})",
            UploadTypeKind.Timestamp => $"COALESCE({TimestampOf(v)}, {fail})",
            UploadTypeKind.Varbinary => $"COALESCE({BinaryOf(v)}, {fail})",
            // Stored as the digits given (the view reads them as BIGNUM, which also drops a sign or leading zeros).
            UploadTypeKind.Uint256 or UploadTypeKind.Int256 =>
                $"COALESCE(CASE WHEN {BigIntegerTest(column.Type.Kind, v)} THEN {v} END, {fail})",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        string nullCase = column.Nullable
            ? "NULL"
            : $"error({SqlQuoting.QuoteString($"{Marker}{index}:null:")})";
        return $"CASE WHEN {v} IS NULL THEN {nullCase} ELSE {converted} END";
    }

    /// <summary>
    /// Timestamps with or without an offset (or " UTC"), stored as UTC; a date alone is midnight.
    /// Without an offset the plain cast is taken (several times cheaper); a value with one (a sign
    /// after the date) goes through TIMESTAMPTZ, because the plain cast would drop the offset.
    /// </summary>
    private static string TimestampOf(string v) =>
        InRange($"COALESCE(CASE WHEN NOT (contains(substr({v}, 11), '+') OR contains(substr({v}, 11), '-')) THEN TRY_CAST({v} AS TIMESTAMP) END, "
        + $"TRY_CAST(TRY_CAST({v} AS TIMESTAMPTZ) AS TIMESTAMP))", "TIMESTAMP '0001-01-01 00:00:00'", "TIMESTAMP '9999-12-31 23:59:59.999999'");

    /// <summary>A date within years 1 to 9999; NULL otherwise.</summary>
    private static string DateOf(string v) => InRange($"TRY_CAST({v} AS DATE)", "DATE '0001-01-01'", "DATE '9999-12-31'");

    /// <summary>
    /// The value when it lies within years 1 to 9999 (what every client and format renders: DuckDB
    /// also takes 'infinity', year 20000 or BC dates, which other owners' reads then choke on).
    /// Infinities fall outside the range. The repeated expression is computed once by DuckDB's
    /// common subexpression elimination.
    /// </summary>
    private static string InRange(string value, string min, string max) =>
        $"CASE WHEN {value} BETWEEN {min} AND {max} THEN {value} END";

    /// <summary><c>0x</c> and an even number of hex digits; NULL otherwise.</summary>
    private static string BinaryOf(string v) =>
        $"CASE WHEN starts_with({v}, '0x') AND length({v}) % 2 = 0 THEN TRY(unhex(substr({v}, 3))) END";

    /// <summary>
    /// Decimal digits within range. Up to 77 digits (76 signed) always fits 256 bits, so only longer
    /// values pay for the exact BIGNUM comparison. A CASE, not an OR: DuckDB evaluates the second
    /// branch only for the rows the first did not take (an OR evaluated both regexes on every row).
    /// </summary>
    private static string BigIntegerTest(UploadTypeKind kind, string v) => kind == UploadTypeKind.Uint256
        ? $"CASE WHEN regexp_full_match({v}, '\\+?[0-9]{{1,77}}') THEN true "
            + $"WHEN regexp_full_match({v}, '\\+?[0-9]{{78,200}}') THEN TRY_CAST({v} AS BIGNUM) <= CAST('{Uint256Max}' AS BIGNUM) ELSE false END"
        : $"CASE WHEN regexp_full_match({v}, '[+-]?[0-9]{{1,76}}') THEN true "
            + $"WHEN regexp_full_match({v}, '[+-]?[0-9]{{77,200}}') THEN TRY_CAST({v} AS BIGNUM) BETWEEN CAST('{Int256Min}' AS BIGNUM) AND CAST('{Int256Max}' AS BIGNUM) ELSE false END";

    /// <summary>The Parquet (DuckDB) type a column is stored as; 256-bit integers are stored as their exact digits.</summary>
    internal static string StoredType(UploadColumnType type) => type.Kind switch
    {
        UploadTypeKind.Varchar or UploadTypeKind.Uint256 or UploadTypeKind.Int256 => "VARCHAR",
        UploadTypeKind.Integer => "INTEGER",
        UploadTypeKind.Bigint => "BIGINT",
        UploadTypeKind.Double => "DOUBLE",
        UploadTypeKind.Boolean => "BOOLEAN",
        UploadTypeKind.Timestamp => "TIMESTAMP",
        UploadTypeKind.Date => "DATE",
        UploadTypeKind.Varbinary => "BLOB",
        UploadTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.Precision},{type.Scale})"),
        UploadTypeKind.TimestampTz => "TIMESTAMPTZ",
        UploadTypeKind.TimestampNanos => "TIMESTAMP_NS",
        UploadTypeKind.BigintArray => "BIGINT[]",
        UploadTypeKind.VarbinaryArray => "BLOB[]",
        UploadTypeKind.AccessList => "STRUCT(address BLOB, storageKeys BLOB[])[]",
        UploadTypeKind.Nested => NestedValues.DuckType(type.Structure ?? throw new ArgumentOutOfRangeException(nameof(type))),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
