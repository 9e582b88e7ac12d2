using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>The least bigint's digits: the one integer literal past bigint Trino takes, right after a sign minus.</summary>
    private const string LeastBigintDigits = "9223372036854775808";

    /// <summary>The least integer's digits: after a sign minus, an integer literal (see NegativeIntegerLiteral).</summary>
    private const string LeastIntegerDigits = "2147483648";

    /// <summary>Words after which a minus is a sign, not a subtraction (other words are names or values).</summary>
    private static readonly HashSet<string> WordsBeforeSign = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "where", "and", "or", "not", "when", "then", "else", "in", "between", "like", "by", "having", "on",
        "values", "case", "distinct", "all", "limit", "offset", "return", "escape", "if",
    };

    private sealed partial class Pass
    {
        /// <summary>The text written for the number token at i: the typed literal of <see cref="DecimalLiteralCast"/>, or
        /// null to copy the token. An integer literal is a bigint (Trino's LongLiteral parses it with Long.parseLong and
        /// fails the statement with "Invalid numeric literal" when it cannot; its grammar reads <c>MINUS? INTEGER_VALUE</c>
        /// as one number, so <c>-9223372036854775808</c> is the least bigint, which DuckDB's parser also folds to a
        /// BIGINT). The message gives the digit count and the position, not the literal (errors may be logged; literals
        /// never are).</summary>
        private string? NumberLiteral(int i)
        {
            string text = Text(i);
            if (!text.AsSpan().ContainsAnyExceptInRange('0', '9')
                && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && !(text.TrimStart('0') == LeastBigintDigits && IsSignMinus(Previous(i))))
            {
                throw NotSupported(sql, tokens[i], $"Invalid numeric literal: {text.TrimStart('0').Length} digits, past bigint "
                    + "(an integer literal is a bigint; write a double as 1e20, a decimal as DECIMAL '…', a big integer as "
                    + "uint256 '…' or int256 '…')");
            }
            return DecimalLiteralCast(text);
        }

        /// <summary>The number token after the sign minus at i when the two make the least integer, -2147483648, or -1.
        /// Trino's grammar reads <c>MINUS? INTEGER_VALUE</c> as one literal (a LongLiteral) and types it integer when its
        /// value fits (ExpressionAnalyzer's visitLongLiteral), so <c>-2147483648</c> is an integer; DuckDB reads the digits
        /// first, a BIGINT, and negates that. Only this value is at stake: any other negative integer literal has the
        /// same width either way.</summary>
        private int NegativeIntegerLiteral(int i, int end)
        {
            if (!IsSignMinus(i))
            {
                return -1;
            }
            int number = Next(i, end);
            return number < end && tokens[number].Kind == DuneTokenKind.Number && Text(number).TrimStart('0') == LeastIntegerDigits ? number : -1;
        }

        /// <summary>Whether the token at k is a minus sign (not a subtraction): nothing, an operator, an opening
        /// parenthesis, a comma or a keyword before it.</summary>
        private bool IsSignMinus(int k)
        {
            if (k < 0 || !Is(k, "-"))
            {
                return false;
            }
            int before = Previous(k);
            if (before < 0)
            {
                return true;
            }
            return tokens[before].Kind switch
            {
                DuneTokenKind.Number or DuneTokenKind.String or DuneTokenKind.QuotedName or DuneTokenKind.HexBinary => false,
                DuneTokenKind.Word => WordsBeforeSign.Contains(Text(before)),
                _ => !(Is(before, ")") || Is(before, "]")),
            };
        }
    }
}
