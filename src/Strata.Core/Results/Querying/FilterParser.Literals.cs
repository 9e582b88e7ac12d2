using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;

namespace Strata.Core.Results.Querying;

/// <summary>The literals of a filter: numbers, typed strings (TIMESTAMP, DATE, BLOB) and hex bytes.</summary>
public static partial class FilterParser
{
    private static FilterLiteral ParseNumber(Token token)
    {
        var text = token.Text;
        if (text.AsSpan().IndexOfAny('e', 'E') >= 0)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return new DoubleLiteral(value);
            }
            throw new FilterException(Parameter, "number out of range", token.Position);
        }
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? text : string.Concat(text.AsSpan(0, point), text.AsSpan(point + 1));
        if (!BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unscaled))
        {
            throw new FilterException(Parameter, "malformed number", token.Position);
        }
        return point < 0 ? new IntegerLiteral(unscaled) : new DecimalLiteral(unscaled, text.Length - point - 1);
    }

    private static FilterLiteral ParseTyped(string type, Token value)
    {
        switch (type)
        {
            // TIMESTAMP_NS is how a literal with nanoseconds is written back (TimestampLiteral.ToSql), so it reads back too.
            case "timestamp" or "timestamp_ns":
                if (TemporalText.TryParseTimestamp(value.Text, out var timestamp, out int nanoseconds))
                {
                    var literal = new TimestampLiteral(timestamp, nanoseconds);
                    return literal.Nanoseconds == 0 || literal.FitsNanoseconds ? literal
                        : throw new FilterException(Parameter, "TIMESTAMP value out of range: a value with more than six fractional digits "
                            + "(a timestamp(9)) lies between 1677-09-21 00:12:43.145224193 and 2262-04-11 23:47:16.854775806", value.Position);
                }
                throw new FilterException(Parameter,
                    "invalid TIMESTAMP value (expected 'YYYY-MM-DD HH:MM:SS[.fffffffff]', optionally followed by UTC, Z or +HH:MM)",
                    value.Position);
            case "date":
                if (TemporalText.TryParseDate(value.Text, out var date))
                {
                    return new DateLiteral(date);
                }
                throw new FilterException(Parameter, "invalid DATE value (expected 'YYYY-MM-DD')", value.Position);
            default:
                if (TryParseBlob(value.Text, out var bytes))
                {
                    return new BinaryLiteral(bytes);
                }
                throw new FilterException(Parameter, @"invalid BLOB value (expected \xHH escapes only, e.g. '\x0A\xFF')", value.Position);
        }
    }

    private static bool TryParseBlob(string text, out ImmutableArray<byte> bytes)
    {
        bytes = default;
        if (text.Length % 4 != 0)
        {
            return false;
        }
        var builder = ImmutableArray.CreateBuilder<byte>(text.Length / 4);
        for (var i = 0; i < text.Length; i += 4)
        {
            if (text[i] != '\\' || text[i + 1] is not ('x' or 'X')
                || !byte.TryParse(text.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                return false;
            }
            builder.Add(b);
        }
        bytes = builder.MoveToImmutable();
        return true;
    }
}
