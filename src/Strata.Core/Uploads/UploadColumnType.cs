using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Strata.Core.Uploads;

/// <summary>The column types an uploaded table may declare (contract section 5).</summary>
public enum UploadTypeKind
{
    Varchar,
    Integer,
    Bigint,
    Double,
    Boolean,
    Timestamp,
    Date,
    Varbinary,
    Uint256,
    Int256,
    Decimal,

    /// <summary>Chain tables only (not declarable by uploads): Dune's <c>timestamp(3) with time zone</c>.</summary>
    TimestampTz,

    /// <summary>Chain tables only: <c>array(bigint)</c> (a trace's address).</summary>
    BigintArray,

    /// <summary>Chain tables only: <c>array(varbinary)</c> (blob versioned hashes).</summary>
    VarbinaryArray,

    /// <summary>Chain tables only: an access list, <c>array(row(address varbinary, storagekeys array(varbinary)))</c>.</summary>
    AccessList,

    /// <summary>
    /// Materialized views only (not declarable by uploads): an array, map or row of the forms <see cref="NestedType"/>
    /// accepts, named by <see cref="UploadColumnType.NestedName"/>.
    /// </summary>
    Nested,

    /// <summary>Materialized views only (not declarable by uploads): Trino's <c>timestamp(9)</c>, nanoseconds (DuckDB's TIMESTAMP_NS).</summary>
    TimestampNanos,
}

/// <summary>
/// A declared column type: its kind, for <c>decimal(p,s)</c> its precision and scale, and for <see cref="UploadTypeKind.Nested"/>
/// its canonical Dune name (<see cref="NestedName"/>, made by <see cref="NestedOf"/>). Every part is a constructor
/// parameter so that the type survives serialization whole (the engine worker's pipe, <c>WorkerProtocol</c>): a nested
/// name held by a property without a public setter was dropped there (nested2).
/// </summary>
public sealed partial record UploadColumnType(UploadTypeKind Kind, int Precision = 0, int Scale = 0, string? NestedName = null)
{
    /// <summary>The largest decimal precision the engine stores exactly.</summary>
    public const int MaxDecimalPrecision = 38;

    public static UploadColumnType Varchar { get; } = new(UploadTypeKind.Varchar);

    /// <summary>The canonical Dune name of a <see cref="UploadTypeKind.Nested"/> type; null for every other kind.</summary>
    public string? NestedName { get; } = Kind == UploadTypeKind.Nested ? NestedName : null;

    /// <summary>The nested type's structure (<see cref="UploadTypeKind.Nested"/> and the chain-only array kinds); null for scalars.</summary>
    [JsonIgnore]
    public NestedType? Structure => Kind is UploadTypeKind.Nested or UploadTypeKind.BigintArray or UploadTypeKind.VarbinaryArray or UploadTypeKind.AccessList
        ? NestedType.Parse(ToString())
        : null;

    /// <summary>
    /// A table column type for a query's column of Dune type <paramref name="duneName"/> when it is an array, map or row
    /// a table can keep (<see cref="NestedType"/>): one of the chain kinds when it names one, else <see cref="UploadTypeKind.Nested"/>.
    /// Null when it is not such a type.
    /// </summary>
    public static UploadColumnType? NestedOf(string? duneName)
    {
        if (NestedType.Parse(duneName) is not { } structure)
        {
            return null;
        }
        string canonical = structure.ToString();
        foreach (var (kind, name) in StoredOnlyNames)
        {
            if (string.Equals(canonical, name, StringComparison.Ordinal))
            {
                return new UploadColumnType(kind);
            }
        }
        return new UploadColumnType(UploadTypeKind.Nested, NestedName: canonical);
    }

    /// <summary>Parses a wire type name, case-insensitively; null when it is not one of the supported types.</summary>
    public static UploadColumnType? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        string t = text.Trim().ToLowerInvariant();
        var simple = t switch
        {
            "varchar" => UploadTypeKind.Varchar,
            "integer" => UploadTypeKind.Integer,
            "bigint" => UploadTypeKind.Bigint,
            "double" => UploadTypeKind.Double,
            "boolean" => UploadTypeKind.Boolean,
            "timestamp" => UploadTypeKind.Timestamp,
            "date" => UploadTypeKind.Date,
            "varbinary" => UploadTypeKind.Varbinary,
            "uint256" => UploadTypeKind.Uint256,
            "int256" => UploadTypeKind.Int256,
            _ => (UploadTypeKind?)null,
        };
        if (simple is { } kind)
        {
            return new UploadColumnType(kind);
        }
        var m = DecimalPattern().Match(t);
        if (!m.Success)
        {
            return null;
        }
        if (!int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int p)
            || !int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int s)
            || p < 1 || p > MaxDecimalPrecision || s > p)
        {
            return null;
        }
        return new UploadColumnType(UploadTypeKind.Decimal, p, s);
    }

    /// <summary>The wire names of the kinds only chain tables and materialized views have (<see cref="ParseStored"/> reads them back).</summary>
    private static readonly Dictionary<UploadTypeKind, string> StoredOnlyNames = new()
    {
        [UploadTypeKind.TimestampTz] = "timestamp(3) with time zone",
        [UploadTypeKind.TimestampNanos] = "timestamp(9)",
        [UploadTypeKind.BigintArray] = "array(bigint)",
        [UploadTypeKind.VarbinaryArray] = "array(varbinary)",
        [UploadTypeKind.AccessList] = "array(row(address varbinary, storagekeys array(varbinary)))",
    };

    /// <summary>
    /// Like <see cref="Parse"/>, also reading the kinds only ingested chain tables and materialized views declare (what the
    /// metadata store holds).
    /// </summary>
    public static UploadColumnType? ParseStored(string? text)
    {
        if (Parse(text) is { } declared)
        {
            return declared;
        }
        foreach (var (kind, name) in StoredOnlyNames)
        {
            if (string.Equals(text, name, StringComparison.Ordinal))
            {
                return new UploadColumnType(kind);
            }
        }
        return NestedOf(text);
    }

    /// <summary>The type name queries report for a column of this type (a timestamp is <c>timestamp(3)</c>, as in results).</summary>
    public string QueryTypeName => Kind == UploadTypeKind.Timestamp ? "timestamp(3)" : ToString();

    /// <summary>The wire name, e.g. <c>bigint</c> or <c>decimal(10,2)</c>.</summary>
    public override string ToString() => Kind == UploadTypeKind.Decimal
        ? string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})")
        : Kind == UploadTypeKind.Nested ? NestedName ?? "" : StoredOnlyNames.TryGetValue(Kind, out var name) ? name : Kind.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^decimal\s*\(\s*([0-9]{1,3})\s*,\s*([0-9]{1,3})\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();
}
