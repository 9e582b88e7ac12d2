namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A concatenation of texts or varbinaries as one call of the native <c>dune_concat</c> (<see cref="DuneConcat"/>), which
/// sums its operands' bytes and refuses an answer past 16 MiB before it builds it: a whole <c>||</c> chain
/// (<c>a || b || c</c>, Trino's operator, lowest of the value operators) and a <c>concat(…)</c> call, each operand written
/// once. 305's typed macro over DuckDB's operator was withdrawn in 308: it refused aggregate operands and bound a chain of
/// n links in 2^n steps. A chain is rewritten only when the text tells it is one of texts or varbinaries (a native has one
/// result type per overload, and DuckDB's list <c>||</c> must stay for arrays): no operand is an array the text shows, and
/// one is a string or binary literal, a cast to varchar, char or varbinary, a call of a function that answers only a text
/// or varbinary, or a column the caller knows to be VARCHAR or BLOB. Trino's concat takes texts, varbinaries and arrays
/// only, so the other operands of such a chain are texts or varbinaries too, or Trino refuses the call (and so does the
/// native, in Trino's words). A chain of literals alone stays DuckDB's (folded as it was); a chain whose extent the text
/// does not make sure of (next to an arithmetic operator, AT TIME ZONE, a window or filter clause) stays too.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Functions whose answer is always a text or a varbinary (never an array; from_hex's template is a lambda's
    /// one answer, which ArrayFunctions reads as a list).</summary>
    private static readonly HashSet<string> ConcatTextFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "lower", "upper", "trim", "ltrim", "rtrim", "lpad", "rpad", "replace", "substr", "substring", "to_hex", "format",
        "date_format", "format_datetime", "json_format", "to_base58", "from_base58", "chr", "from_hex", "to_utf8", "from_utf8",
        "keccak", "sha256", "sha1", "md5", "regexp_replace", "regexp_extract", "split_part", "to_char", "json_extract_scalar",
        "typeof", "translate", "normalize", "to_base", "to_base32", "from_base32", "to_iso8601", "array_join", "listagg",
        "bytearray_substring", "bytearray_concat", "varbinary_concat", "varbinary_substring", "url_extract_host",
    };

    /// <summary>Words before a chain's first operand or after its last that bind tighter than <c>||</c> or make its
    /// operand another extent than the primary read here.</summary>
    private static readonly HashSet<string> UnsureNeighbours = new(StringComparer.OrdinalIgnoreCase)
    {
        "at", "zone", "time", "over", "filter", "within", "ignore", "respect", "escape", "collate", "uescape",
        "with", "without", "precision", "varying", // the rest of a type after a postfix cast (timestamp(3) with time zone)
    };

    private sealed partial class Pass
    {
        /// <summary>Chains of texts, by their first token: their end, their operands and their first <c>||</c>.</summary>
        private Dictionary<int, (int End, List<(int From, int To)> Operands, int Operator)>? textChains;

        /// <summary>Records the link <paramref name="op"/> of a chain: the left operand (tokens from <paramref name="leftStart"/>
        /// to <paramref name="leftEnd"/>) continues the chain that ended there or starts one; the right operand
        /// (<paramref name="rightStart"/>..<paramref name="rightEnd"/>) is added. A postfix cast (<c>x::varchar</c>, which binds
        /// tighter than <c>||</c>) belongs to its operand: the left one starts before the casts that end at it, the right
        /// one ends after the casts that follow it (decision 314: a chain cut before <c>::</c> cast its last operand's call
        /// instead). The chains are read by <see cref="FinishTextChains"/>.</summary>
        private void AddChainLink(Dictionary<int, (int Operator, List<(int From, int To)> Operands)> open, int op, int leftStart,
            int leftEnd, int rightStart, int rightEnd)
        {
            if (!open.Remove(leftEnd, out var chain))
            {
                chain = (op, [(BeforePostfixCasts(leftStart) ?? leftStart, leftEnd + 1)]);
            }
            int end = AfterPostfixCasts(rightEnd);
            chain.Operands.Add((rightStart, end));
            open[end - 1] = chain;
        }

        /// <summary>The first token of the operand whose postfix casts end just before <paramref name="start"/> (itself when
        /// none does), or null when the operand is not a primary.</summary>
        private int? BeforePostfixCasts(int start)
        {
            while (Is(Previous(start), "::"))
            {
                int operandEnd = Previous(Previous(start));
                if (operandEnd < 0 || PrimaryStart(operandEnd) is not int operandStart)
                {
                    return null;
                }
                start = operandStart;
            }
            return start;
        }

        /// <summary>The index after the postfix casts (<c>::type</c>, <c>::type(…)</c>) that follow an operand ending before
        /// <paramref name="end"/> (end itself when none does; a cast of any other form is left outside, which makes the
        /// chain's neighbour <c>::</c> and keeps it DuckDB's).</summary>
        private int AfterPostfixCasts(int end)
        {
            while (Is(Next(end - 1, tokens.Count), "::"))
            {
                int type = Next(Next(end - 1, tokens.Count), tokens.Count);
                if (type >= tokens.Count || tokens[type].Kind != DuneTokenKind.Word)
                {
                    return end;
                }
                int open = Next(type, tokens.Count);
                end = Is(open, "(") ? Close(open, tokens.Count) + 1 : type + 1;
            }
            return end;
        }

        /// <summary>The chains of <paramref name="open"/> (by their last token) written as <c>dune_concat</c>: those of texts
        /// whose extent nothing next to them changes (an operator binding tighter, a cast, a member access, a subscript, a
        /// call, AT TIME ZONE, a window or filter clause), as the division rewrite checks its operands.</summary>
        private void FinishTextChains(Dictionary<int, (int Operator, List<(int From, int To)> Operands)> open)
        {
            textChains = [];
            foreach (var (last, (op, operands)) in open)
            {
                int start = operands[0].From, before = Previous(start), after = Next(last, tokens.Count);
                if (IsTextChain(operands) && SureNeighbour(before) && SureNeighbour(after) && !IsOperandEnd(before)
                    && !Is(before, "::") && !Is(before, ".") && !Is(after, "::")
                    && !Is(after, "[") && !Is(after, ".") && !Is(after, "("))
                {
                    textChains[start] = (last + 1, operands, op);
                }
            }
        }

        private bool SureNeighbour(int i) => i < 0 || i >= tokens.Count || !(IsArithmetic(i) || UnsureNeighbours.Contains(Text(i)));

        /// <summary>Whether operands are a concatenation of texts or varbinaries the text makes sure of and not of
        /// literals alone.</summary>
        private bool IsTextChain(List<(int From, int To)> operands) =>
            operands.All(o => IsKnownText(o.From, o.To) || TypedKindOf(o.From, o.To) != OperandKind.Array)
            && operands.Any(o => IsKnownText(o.From, o.To))
            && !operands.All(o => IsLiteralOperand(o.From, o.To));

        /// <summary>At the first token of a text chain: <c>dune_concat(</c> its operands <c>)</c>. Returns the next
        /// index, or -1.</summary>
        private int TryEmitTextChain(int i, int to)
        {
            if (textChains is null || !textChains.TryGetValue(i, out var chain) || chain.End > to)
            {
                return -1;
            }
            // Anchored at the first ||: a refusal (a number operand, "Unexpected parameters (…) for function concat") is
            // read at the operator, not at the first operand's call (decision 314 named lpad for such a chain).
            EmitDuneConcat(chain.Operands, tokens[chain.Operator]);
            return chain.End;
        }

        /// <summary>concat(a, b, …) of texts or varbinaries (as a chain of <c>||</c>) as one <c>dune_concat</c> call.</summary>
        private int TryEmitTextConcat(List<(int From, int To)> args, int close, int end, DuneToken token)
        {
            if (close >= end || args.Count < 2 || args.Count > DuneFunctions.ConcatMaxArguments || !IsTextChain(args))
            {
                return -1;
            }
            EmitDuneConcat(args, token);
            return close + 1;
        }

        /// <summary>concat_ws(separator, text, …) or concat_ws(separator, array) as <c>dune_concat_ws</c> (DuneConcatWs.cs:
        /// NULLs skipped, the joined length bounded); -1 (nothing written) without the parentheses' end.</summary>
        private int EmitConcatWs(List<(int From, int To)> args, int close, int end, DuneToken token)
        {
            if (close >= end || args.Count < 2)
            {
                return -1;
            }
            EmitDuneConcat(args, token, DuneConcatWs.Function);
            return close + 1;
        }

        private void EmitDuneConcat(List<(int From, int To)> operands, DuneToken anchor, string function = DuneConcat.Function)
        {
            emitter.Text(function + "(", anchor);
            for (int k = 0; k < operands.Count; k++)
            {
                if (k > 0)
                {
                    emitter.Text(", ", anchor);
                }
                // A string literal is Trino's varchar: typed here, DuckDB cannot cast it to the varbinary overload, so
                // 'tx ' || hash is refused as Trino refuses it (concat has no varchar-varbinary form), not read as bytes.
                int sole = SoleToken(operands[k].From, operands[k].To);
                bool literal = sole >= 0 && tokens[sole].Kind == DuneTokenKind.String;
                emitter.Text(literal ? "CAST(" : "", anchor);
                Emit(operands[k].From, operands[k].To);
                emitter.Text(literal ? " AS VARCHAR)" : "", anchor);
            }
            emitter.Text(")", anchor);
        }

        /// <summary>Whether tokens from..to are one string or binary literal, or a bare NULL.</summary>
        private bool IsLiteralOperand(int from, int to)
        {
            int sole = SoleToken(from, to);
            return sole >= 0 && (tokens[sole].Kind is DuneTokenKind.String or DuneTokenKind.HexBinary || Is(sole, "null"));
        }

        /// <summary>The index of the one token of from..to (comments aside), or -1 when there are none or several.</summary>
        private int SoleToken(int from, int to)
        {
            int first = Next(from - 1, to);
            return first < to && Next(first, to) >= to ? first : -1;
        }

        /// <summary>Whether tokens from..to are sure to be a text or a varbinary in Trino.</summary>
        private bool IsKnownText(int from, int to)
        {
            int first = Next(from - 1, to), last = Previous(to);
            if (first >= to || last < first)
            {
                return false;
            }
            if (first == last)
            {
                if (tokens[first].Kind is DuneTokenKind.String or DuneTokenKind.HexBinary)
                {
                    return true;
                }
            }
            int castType = Is(last, ")") ? Previous(Opening(last)) : last;
            if (castType > first && Is(Previous(castType), "::"))
            {
                // A postfix cast, the operand's last: its type tells.
                return Is(castType, "varchar") || Is(castType, "char") || Is(castType, "varbinary");
            }
            if (Is(last, ")") && tokens[first].Kind == DuneTokenKind.Word && Opening(last) == Next(first, to))
            {
                if (Is(first, "cast") || Is(first, "try_cast"))
                {
                    int type = Previous(last);
                    type = Is(type, ")") ? Previous(Opening(type)) : type;
                    return Is(Previous(type), "as") && (Is(type, "varchar") || Is(type, "char") || Is(type, "varbinary"));
                }
                return ConcatTextFunctions.Contains(Text(first));
            }
            return ColumnType(first, last) is "VARCHAR" or "BLOB";
        }
    }
}
