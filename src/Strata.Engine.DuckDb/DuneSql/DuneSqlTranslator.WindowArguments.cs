using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Window arguments Trino refuses where DuckDB answers (decision 233), each checked on every row as Trino checks it:
/// <list type="bullet">
/// <item>a frame offset (<c>ROWS|RANGE|GROUPS … x PRECEDING|FOLLOWING</c>) that is negative or NULL fails with
/// "Window frame offset value must not be negative or null" (QueryPlanner.planFrameOffset and planFrameBound put a filter
/// over the input rows that fails so, INVALID_WINDOW_FRAME); DuckDB read a negative ROWS offset as an empty frame and a
/// NULL one as unbounded;</item>
/// <item><c>lag(x, n)</c> and <c>lead(x, n)</c> with n below 0 fail with "Offset must be at least 0" (LagFunction,
/// LeadFunction; DuckDB's lag of -1 was a lead); <c>nth_value(x, n)</c> with n below 1 with "Offset must be at least 1"
/// (NthValueFunction; DuckDB answered NULL). A NULL offset gives NULL, in both.</item>
/// </list>
/// <c>ntile(n)</c> needs nothing here: DuckDB checks each row's n as NTileFunction does, and its message is read as
/// Trino's "Buckets must be greater than 0" (TrinoErrorMessages).
/// </summary>
public static partial class DuneSqlTranslator
{
    internal const string FrameOffsetMessage = "Window frame offset value must not be negative or null";

    private sealed partial class Pass
    {
        /// <summary>The frame clause starting at the ROWS, RANGE or GROUPS word at i, each offset bound checked (see the
        /// type's summary); returns the next index, or -1 where the word opens no frame of a window specification.</summary>
        private int TryEmitFrameOffsets(int i, int end)
        {
            if (!InWindowSpecification(i))
            {
                return -1;
            }
            int first = Next(i, end);
            bool between = Is(first, "between");
            int start = between ? Next(first, end) : first;
            if (FrameBoundKeyword(start, end) is not (>= 0 and int startKeyword))
            {
                return -1;
            }
            int and = between ? Next(startKeyword, end) : -1, last = startKeyword;
            if (between && (!Is(and, "and") || FrameBoundKeyword(Next(and, end), end) is not (>= 0 and int endKeyword)))
            {
                return -1;
            }
            else if (between)
            {
                last = FrameBoundKeyword(Next(and, end), end);
            }
            // An interval offset of a RANGE has no 0 to compare with in DuckDB: its check is DuckDB's, read as Trino's.
            bool range = Is(i, "range");
            if (!range)
            {
                CheckFrameOffsetLiteral(i, start, startKeyword, "start");
                if (between)
                {
                    CheckFrameOffsetLiteral(i, Next(and, end), last, "end");
                }
            }
            emitter.Copy(tokens[i]);
            Emit(i + 1, start);
            EmitFrameBound(start, startKeyword, range);
            if (between)
            {
                int endStart = Next(and, end);
                Emit(startKeyword, endStart);
                EmitFrameBound(endStart, last, range);
            }
            emitter.Copy(tokens[last]);
            return last + 1;
        }

        /// <summary>Writes the bound from start to its keyword (not included): an offset checked on each row, or
        /// UNBOUNDED / CURRENT as written.</summary>
        private void EmitFrameBound(int start, int keyword, bool range)
        {
            if (Is(start, "unbounded") || Is(start, "current") || (range && ContainsWord(start, keyword, "interval")))
            {
                Emit(start, keyword);
                return;
            }
            var anchor = tokens[start];
            emitter.Text("(CASE WHEN (", anchor);
            Emit(start, keyword);
            emitter.Text(") >= 0 THEN (", anchor);
            Emit(start, keyword);
            emitter.Text(") ELSE error('" + FrameOffsetMessage + "') END) ", anchor);
        }

        /// <summary>
        /// A ROWS or GROUPS offset written as a number with a fraction or an exponent (<c>ROWS 1.5 PRECEDING</c>) fails as
        /// Trino's analyzer fails it (StatementAnalyzer's frame checks, TYPE_MISMATCH): "Window frame ROWS start value type
        /// must be exact numeric type with scale 0 (actual decimal(2,1))" at the offset; DuckDB rounded it to a whole count.
        /// A decimal literal is decimal(p,s) of its digits, one with an exponent a double.
        /// </summary>
        private void CheckFrameOffsetLiteral(int unit, int start, int keyword, string side)
        {
            int value = Is(start, "-") || Is(start, "+") ? Next(start, keyword) : start;
            if (Next(value, keyword) != keyword || Tokens[value].Kind != DuneTokenKind.Number)
            {
                return;
            }
            string text = Text(value);
            string? type = text.Contains('e', StringComparison.OrdinalIgnoreCase) ? "double"
                : text.Contains('.', StringComparison.Ordinal) ? DecimalLiteralType(text)?.ToLowerInvariant() : null;
            if (type is not null && !type.EndsWith(",0)", StringComparison.Ordinal))
            {
                throw NotSupported(sql, tokens[start], $"Window frame {Text(unit).ToUpperInvariant()} {side} value type must be exact numeric type "
                    + $"with scale 0 (actual {type})", ExecutionError.ExecutionFailed);
            }
        }

        private bool ContainsWord(int from, int to, string word)
        {
            for (int k = from; k < to; k++)
            {
                if (Is(k, word))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The PRECEDING, FOLLOWING or ROW word that ends the frame bound starting at start, or -1.</summary>
        private int FrameBoundKeyword(int start, int end)
        {
            if (Is(start, "unbounded"))
            {
                int k = Next(start, end);
                return Is(k, "preceding") || Is(k, "following") ? k : -1;
            }
            if (Is(start, "current"))
            {
                int k = Next(start, end);
                return Is(k, "row") ? k : -1;
            }
            for (int k = start; k < end; k = Next(k, end))
            {
                if (IsOpening(k))
                {
                    k = Close(k, end);
                    continue;
                }
                if (Is(k, ")") || Is(k, ",") || Is(k, "and") || Is(k, "row") || Is(k, "current") || Is(k, "unbounded"))
                {
                    return -1;
                }
                if (k > start && (Is(k, "preceding") || Is(k, "following")))
                {
                    return k;
                }
            }
            return -1;
        }

        /// <summary>Whether the word at i stands directly in a window specification: <c>OVER (…)</c>, or a WINDOW clause's
        /// <c>name AS (…)</c> that opens with PARTITION, ORDER or the frame itself (a WITH query's body opens otherwise).</summary>
        private bool InWindowSpecification(int i)
        {
            int open = Enclosing(i);
            if (open < 0)
            {
                return false;
            }
            int opener = Next(open, tokens.Count);
            return Is(Previous(open), "over") || (Is(Previous(open), "as") && (opener == i || Is(opener, "partition") || Is(opener, "order")));
        }

        /// <summary>
        /// <c>nth_value(x, n) [IGNORE|RESPECT NULLS] OVER spec</c> with n checked only where the row's frame holds rows:
        /// Trino's NthValueFunction answers NULL for an empty frame (frameStart &lt; 0) before it checks the offset, so
        /// <c>nth_value(x, 0)</c> over <c>ROWS BETWEEN 5 PRECEDING AND 3 PRECEDING</c> is NULL on the first rows and fails
        /// "Offset must be at least 1" on the others. Written <c>CASE WHEN count(*) OVER spec = 0 THEN NULL WHEN n &lt; 1 THEN
        /// error(…) ELSE nth_value(x, n) OVER spec END</c> (DuckDB's nth_value of n below 1 is NULL). -1 when no OVER follows.
        /// </summary>
        private int TryEmitNthValue(int nameIndex, List<(int From, int To)> args, int close, int end)
        {
            int treatment = Next(close, end), nulls = Next(treatment, end);
            bool treated = (Is(treatment, "ignore") || Is(treatment, "respect")) && Is(nulls, "nulls");
            int over = treated ? Next(nulls, end) : treatment, spec = Next(over, end);
            if (!Is(over, "over") || spec >= end)
            {
                return -1;
            }
            int specEnd = Is(spec, "(") ? Close(spec, end) + 1 : spec + 1;
            if (specEnd <= spec || specEnd > end)
            {
                return -1;
            }
            var anchor = tokens[nameIndex];
            emitter.Text("(CASE WHEN count(*) OVER ", anchor);
            Emit(spec, specEnd);
            emitter.Text(" = 0 THEN NULL WHEN (", anchor);
            Emit(args[1].From, args[1].To);
            emitter.Text(") < 1 THEN error('Offset must be at least 1') ELSE ", anchor);
            emitter.Copy(anchor);
            Emit(nameIndex + 1, close);
            if (treated)
            {
                emitter.Text(" " + Text(treatment).ToUpperInvariant() + " NULLS", tokens[treatment]); // inside the call, DuckDB's place
            }
            emitter.Copy(tokens[close]);
            emitter.Text(" OVER ", tokens[over]);
            Emit(spec, specEnd);
            emitter.Text(" END)", anchor);
            return specEnd;
        }

        /// <summary><c>lag</c>, <c>lead</c> or <c>nth_value</c> with its offset checked on each row (see the type's summary);
        /// returns the next index, or -1.</summary>
        private int TryEmitWindowOffset(string name, int nameIndex, List<(int From, int To)> args, int close, int end)
        {
            if (args.Count is < 2 or > 3 || (name is "nth_value" && args.Count != 2) || close >= end)
            {
                return -1;
            }
            int least = name is "nth_value" ? 1 : 0;
            var anchor = tokens[nameIndex];
            if (name is "nth_value" && TryEmitNthValue(nameIndex, args, close, end) is > 0 and int after)
            {
                return after;
            }
            emitter.Copy(anchor);
            Emit(nameIndex + 1, args[1].From);
            emitter.Text($"(CASE WHEN (", anchor);
            Emit(args[1].From, args[1].To);
            emitter.Text($") < {least} THEN error('Offset must be at least {least}') ELSE (", anchor);
            Emit(args[1].From, args[1].To);
            emitter.Text(") END)", anchor);
            int treatment = Next(close, end), nulls = Next(treatment, end);
            bool treated = (Is(treatment, "ignore") || Is(treatment, "respect")) && Is(nulls, "nulls");
            Emit(args[1].To, close);
            if (treated)
            {
                emitter.Text(" " + Text(treatment).ToUpperInvariant() + " NULLS", tokens[treatment]);
            }
            emitter.Copy(tokens[close]);
            return treated ? nulls + 1 : close + 1;
        }
    }
}
