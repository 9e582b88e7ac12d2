namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>The most significant digits an integer literal may have: a decimal(38,0) holds it (see
    /// <see cref="BigIntegerLiteralType"/>); DuckDB would read a longer one as a DOUBLE.</summary>
    private const int MaxIntegerLiteralDigits = 38;

    private sealed partial class Pass
    {
        /// <summary>The text written for the number token at i: the typed literal of <see cref="DecimalLiteralCast"/>, or
        /// null to copy the token. An integer literal of more than 38 significant digits fails as Trino's parser fails an
        /// integer literal it cannot hold (LongLiteral: "Invalid numeric literal: …"); DuckDB would make it a double. The
        /// message gives the digit count and the position, not the literal (errors may be logged; literals never are).</summary>
        private string? NumberLiteral(int i)
        {
            string text = Text(i);
            var digits = text.AsSpan();
            if (digits.Length > MaxIntegerLiteralDigits && !digits.ContainsAnyExceptInRange('0', '9')
                && digits.TrimStart('0').Length > MaxIntegerLiteralDigits)
            {
                throw NotSupported(sql, tokens[i], $"Invalid numeric literal: {digits.Length} digits; an integer literal has at most "
                    + $"{MaxIntegerLiteralDigits} (write a double as 1e40, a big integer as uint256 '…' or int256 '…')");
            }
            return DecimalLiteralCast(text);
        }
    }
}
