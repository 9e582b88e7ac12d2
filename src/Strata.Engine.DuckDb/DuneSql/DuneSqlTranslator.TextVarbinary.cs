using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The operands the text-against-number and text-against-varbinary checks (DuneSqlTranslator.TextNumbers.cs,
/// DuneSqlTranslator.TextNumberForms.cs) know to be a Trino varchar or varbinary beyond a lone literal (decision 323).
/// Trino's TypeCoercion gives varbinary and varchar no common super type whatever computes the string, so
/// <c>"to" = lower('0x…')</c>, <c>"from" = concat('0x', …)</c> and <c>x IN (lower('0x…'))</c> are refused as
/// <c>"to" = '0x…'</c> is; DuckDB cast the computed string's characters to a BLOB and answered no rows. The varchar's
/// length is Trino's where the text fixes it (a literal's code points; lower, upper and the trims keep their argument's,
/// concat and <c>||</c> add their operands', a cast names its own) and plain <c>varchar</c> otherwise (a column, a function
/// Trino types unbounded).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Functions of one varchar whose answer is a varchar of the argument's length (StringFunctions'
    /// <c>varchar(x)</c> → <c>varchar(x)</c>).</summary>
    private static readonly HashSet<string> SameLengthTextFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "lower", "upper", "trim", "ltrim", "rtrim",
    };

    /// <summary>Functions whose answer is always an unbounded varchar in Trino (not lpad and rpad, which have varbinary
    /// forms: <c>lpad(varbinary, bigint, varbinary)</c> is a varbinary, decision 330).</summary>
    private static readonly HashSet<string> UnboundedTextFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "to_hex", "format", "date_format", "format_datetime", "json_format", "json_extract_scalar", "to_base58",
        "to_base64", "to_base64url", "to_base32", "array_join", "typeof", "to_iso8601", "url_extract_host", "from_utf8",
    };

    /// <summary>Functions whose answer is always a varbinary in Trino.</summary>
    private static readonly HashSet<string> VarbinaryFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "from_hex", "to_utf8", "keccak", "sha256", "sha512", "sha1", "md5", "from_base58", "from_base64", "from_base64url",
        "from_base32", "varbinary_substring", "bytearray_substring", "varbinary_concat", "bytearray_concat", "varbinary_ltrim",
        "bytearray_ltrim", "varbinary_rtrim", "bytearray_rtrim", "varbinary_reverse", "bytearray_reverse",
    };

    private sealed partial class Pass
    {
        /// <summary>Trino's varchar type of tokens [from, to) when the text makes sure they are a varchar (see the type's
        /// summary), else null.</summary>
        private string? TextOperandType(int from, int to, int depth = 0)
        {
            int first = Next(from - 1, to), last = Previous(to);
            if (first >= to || last < first || depth > 32)
            {
                return null;
            }
            if (first == last)
            {
                return IsTerminatedString(first) ? Varchar(Unquote(first).EnumerateRunes().Count()) : ColumnTextType(first, last);
            }
            if (Is(first, "(") && Close(first, to) == last)
            {
                return TextOperandType(first + 1, last, depth + 1);
            }
            if (ResolveColumn(first, last) is not null)
            {
                return ColumnTextType(first, last);
            }
            if (ConcatenationParts(first, last + 1) is { Count: >= 2 } parts)
            {
                return SumOfTexts(parts, depth);
            }
            int open = Next(first, to);
            if (tokens[first].Kind != DuneTokenKind.Word || !Is(open, "(") || Close(open, to) != last || Is(Previous(first), "."))
            {
                return null;
            }
            string name = Text(first);
            var args = Arguments(open, last);
            if (name.Equals("cast", StringComparison.OrdinalIgnoreCase) || name.Equals("try_cast", StringComparison.OrdinalIgnoreCase))
            {
                return CastTextType(open, last);
            }
            if (SameLengthTextFunctions.Contains(name) && args.Count == 1)
            {
                return TextOperandType(args[0].From, args[0].To, depth + 1) ?? "varchar";
            }
            if (name.Equals("concat", StringComparison.OrdinalIgnoreCase) && args.Count >= 2)
            {
                return SumOfTexts(args, depth);
            }
            return UnboundedTextFunctions.Contains(name) ? "varchar" : null;
        }

        /// <summary>The varchar a concatenation of <paramref name="parts"/> gives: a varchar when one part is surely a text
        /// (Trino's concat then takes only texts, or refuses), its length the sum of the parts' when each is known.</summary>
        private string? SumOfTexts(List<(int From, int To)> parts, int depth)
        {
            long total = 0;
            bool text = false, bounded = true;
            foreach (var (from, to) in parts)
            {
                if (IsSurelyVarbinary(from, to, depth + 1))
                {
                    return null;
                }
                string? type = TextOperandType(from, to, depth + 1);
                text |= type is not null;
                bounded &= type is not null && type.StartsWith("varchar(", StringComparison.Ordinal);
                total += bounded ? long.Parse(type![8..^1], CultureInfo.InvariantCulture) : 0;
            }
            return !text ? null : bounded && total <= int.MaxValue ? Varchar((int)total) : "varchar";
        }

        /// <summary>The operands of a <c>||</c> chain that is all of tokens [from, to) (at its own depth), or null.</summary>
        private List<(int From, int To)>? ConcatenationParts(int from, int to)
        {
            var parts = new List<(int From, int To)>();
            int start = from;
            for (int k = from; k < to; k = Next(k, to))
            {
                if (IsOpening(k))
                {
                    k = Close(k, to);
                    if (k >= to)
                    {
                        return null;
                    }
                }
                else if (Is(k, "||"))
                {
                    parts.Add((start, k));
                    start = Next(k, to);
                }
                else if (tokens[k].Kind == DuneTokenKind.Symbol && !Is(k, ".") || IsBoundaryWord(k))
                {
                    return null; // another operator: the chain is not the whole operand
                }
            }
            parts.Add((start, to));
            return parts.Count >= 2 && parts.All(p => Next(p.From - 1, p.To) < p.To) ? parts : null;
        }

        /// <summary>The varchar type a cast between the parentheses at open and close names (<c>varchar</c>,
        /// <c>varchar(n)</c>), or null for any other type.</summary>
        private string? CastTextType(int open, int close)
        {
            int type = Previous(close), length = -1;
            if (Is(type, ")"))
            {
                int typeOpen = Opening(type);
                int number = Next(typeOpen, type);
                length = number < type && Next(number, type) >= type && tokens[number].Kind == DuneTokenKind.Number
                    && int.TryParse(Text(number), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : -2;
                type = Previous(typeOpen);
            }
            if (type <= open || !Is(Previous(type), "as") || !Is(type, "varchar") || length == -2)
            {
                return null;
            }
            return length >= 0 ? Varchar(length) : "varchar";
        }

        /// <summary>Whether tokens [from, to) are surely a Trino varbinary: a <c>0x…</c> literal, a column or cast the text
        /// types BLOB, or a call of a function that answers only a varbinary.</summary>
        private bool IsSurelyVarbinary(int from, int to, int depth = 0)
        {
            int first = Next(from - 1, to), last = Previous(to);
            if (first >= to || last < first || depth > 32)
            {
                return false;
            }
            if (first == last && tokens[first].Kind == DuneTokenKind.HexBinary)
            {
                return true;
            }
            if (Is(first, "(") && Close(first, to) == last)
            {
                return IsSurelyVarbinary(first + 1, last, depth + 1);
            }
            int open = Next(first, to);
            if (tokens[first].Kind == DuneTokenKind.Word && Is(open, "(") && Close(open, to) == last && !Is(Previous(first), ".")
                && VarbinaryFunctions.Contains(Text(first)))
            {
                return true;
            }
            return !HoldsParameter(from, to) && StaticType(from, to) == "BLOB";
        }

        private static string Varchar(int length) => "varchar(" + length.ToString(CultureInfo.InvariantCulture) + ")";
    }
}
