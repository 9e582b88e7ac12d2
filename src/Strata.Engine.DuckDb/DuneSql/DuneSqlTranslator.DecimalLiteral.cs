namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>
    /// The type Trino gives a <c>DECIMAL '…'</c> literal: as many digits as it has, the fraction's as scale
    /// (<c>DECIMAL '123.45'</c> is decimal(5,2), <c>DECIMAL '0.1'</c> decimal(1,1), <c>DECIMAL '-10'</c> decimal(2,0)).
    /// Null when the text is not a plain decimal number or needs more than 38 digits; DuckDB then reports it.
    /// </summary>
    internal static string? DecimalLiteralType(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length > 0 && (span[0] == '+' || span[0] == '-'))
        {
            span = span[1..];
        }
        int point = span.IndexOf('.');
        var whole = point < 0 ? span : span[..point];
        var fraction = point < 0 ? [] : span[(point + 1)..];
        if (whole.Length + fraction.Length == 0 || !IsDigits(whole) || !IsDigits(fraction))
        {
            return null;
        }
        whole = whole.TrimStart('0');
        int precision = Math.Max(1, whole.Length + fraction.Length);
        return precision > 38 ? null : $"DECIMAL({precision},{fraction.Length})";
    }

    private static bool IsDigits(ReadOnlySpan<char> digits) => !digits.ContainsAnyExceptInRange('0', '9');
}
