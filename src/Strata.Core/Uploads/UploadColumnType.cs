using System.Globalization;
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
}

/// <summary>A declared column type: its kind, and for <c>decimal(p,s)</c> its precision and scale.</summary>
public sealed partial record UploadColumnType(UploadTypeKind Kind, int Precision = 0, int Scale = 0)
{
    /// <summary>The largest decimal precision the engine stores exactly.</summary>
    public const int MaxDecimalPrecision = 38;

    public static UploadColumnType Varchar { get; } = new(UploadTypeKind.Varchar);

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

    /// <summary>The type name queries report for a column of this type (a timestamp is <c>timestamp(3)</c>, as in results).</summary>
    public string QueryTypeName => Kind == UploadTypeKind.Timestamp ? "timestamp(3)" : ToString();

    /// <summary>The wire name, e.g. <c>bigint</c> or <c>decimal(10,2)</c>.</summary>
    public override string ToString() => Kind == UploadTypeKind.Decimal
        ? string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})")
        : Kind.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^decimal\s*\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();
}
