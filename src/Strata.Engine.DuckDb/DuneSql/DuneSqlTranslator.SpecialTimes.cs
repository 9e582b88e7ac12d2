namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// DuckDB reads the texts <c>infinity</c>, <c>-infinity</c> and <c>epoch</c> as dates and timestamps; Trino refuses them
/// ("Value cannot be cast to timestamp: infinity", hostile18). Refused here: a typed literal (<c>timestamp 'infinity'</c>,
/// <c>date 'epoch'</c>) and a cast of such a string literal when the text is translated (TRY_CAST gives NULL), and a cast of
/// a column (a plain name) when a row's text is one (DuckDB folds the VARCHAR test away for a column of another type, so
/// an infinite timestamp or date held in a table stays one).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>DuckDB's special date and timestamp texts, as RE2 reads them in a row's value: the same words and the same
    /// spaces as <see cref="DuneSpecialTimes.IsSpecial"/> (RE2's <c>\s</c> has no vertical tab, so the class is spelt out).</summary>
    private const string SpecialTimePattern = @"^[\t\n\v\f\r ]*[-+]?(infinity|epoch)[\t\n\v\f\r ]*$";

    /// <summary>A literal's text, read at translation by the native guard's own test (one definition of the words).</summary>
    private static bool IsSpecialTimeText(string text) => DuneSpecialTimes.IsSpecial(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Trino's name of a cast's target in its refusal.</summary>
    private static string SpecialTimeTarget(string type) => type switch
    {
        "DATE" => "date",
        "TIMESTAMPTZ" => "timestamp with time zone",
        _ => "timestamp",
    };

    /// <summary>Refuses <c>date '…'</c> and <c>timestamp '…'</c> literals of DuckDB's special texts, in the words of Trino's
    /// analyzer for a literal it cannot read ("'infinity' is not a valid timestamp literal", at the literal).</summary>
    private static void RefuseSpecialTimeLiterals(string sql, List<DuneToken> tokens)
    {
        int previous = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsTrivia)
            {
                continue;
            }
            if (previous >= 0 && tokens[previous].Kind == DuneTokenKind.Word && tokens[i].Kind == DuneTokenKind.String
                && sql.AsSpan(tokens[previous].Start, tokens[previous].Length) is var word
                && (word.Equals("date", StringComparison.OrdinalIgnoreCase) || word.Equals("timestamp", StringComparison.OrdinalIgnoreCase))
                && tokens[i].Length >= 2 && sql[tokens[i].Start] == '\'' && sql[tokens[i].End - 1] == '\'')
            {
                string text = sql.Substring(tokens[i].Start + 1, tokens[i].Length - 2).Replace("''", "'", StringComparison.Ordinal);
                if (IsSpecialTimeText(text))
                {
                    throw NotSupported(sql, tokens[previous], $"'{text}' is not a valid {word.ToString().ToLowerInvariant()} literal",
                        Strata.Core.Executions.ExecutionError.ExecutionFailed);
                }
            }
            previous = i;
        }
    }

    private sealed partial class Pass
    {
        /// <summary>Whether a cast's guard is being written (its inner cast is written plainly).</summary>
        private bool guardingSpecialTime;

        /// <summary>Texts to write inside <see cref="DuneSpecialTimes"/>'s guard: the end (exclusive) by the first token, and
        /// the refusal's target by the first token.</summary>
        private Dictionary<int, int>? specialTimeOperands;

        private Dictionary<int, string>? specialTimeTargets;

        /// <summary>The first token of the text being written inside the guard (it is not wrapped again).</summary>
        private int specialTimeOperandAt = -1;

        /// <summary>Functions whose value is surely a varchar (Trino's string functions that take no varbinary).</summary>
        private static readonly HashSet<string> TextFunctions = new(StringComparer.OrdinalIgnoreCase)
        {
            "concat", "lower", "upper", "trim", "ltrim", "rtrim", "replace", "format", "regexp_replace", "regexp_extract",
            "json_extract_scalar", "split_part", "translate", "concat_ws", "array_join", "normalize", "date_format", "format_datetime",
            "to_char", "chr", "json_format", "element_at_text",
        };

        /// <summary>Marks the text [from, to) to be read through the guard wherever it is written; a string literal that is one
        /// of the special texts is refused now (at its place), as the literal casts are.</summary>
        private void MarkSpecialTimeOperand(int from, int to, string target)
        {
            int first = Next(from - 1, to), last = Previous(to);
            if (first >= to || last < first)
            {
                return;
            }
            if (first == last && IsTerminatedString(first) && IsSpecialTimeText(Unquote(first)) && target.Length > 0)
            {
                throw NotSupported(Sql, Tokens[first], DuneSpecialTimes.Refusal(target, Unquote(first)), Strata.Core.Executions.ExecutionError.ExecutionFailed);
            }
            (specialTimeOperands ??= [])[first] = last + 1;
            (specialTimeTargets ??= [])[first] = target;
        }

        /// <summary>At the first token of a marked text: writes it inside the guard; returns the next index, or -1.</summary>
        private int TryEmitSpecialTimeOperand(int i, int to) =>
            specialTimeOperands is null || !specialTimeOperands.ContainsKey(i) ? -1
            : TryEmitOperand(i, to, specialTimeOperands, ref specialTimeOperandAt, (from, end) =>
            {
                Out.Text(DuneSpecialTimes.Function + "(", Tokens[from]);
                Emit(from, end);
                Out.Text($", '{specialTimeTargets![from]}')", Tokens[Previous(end)]);
            });

        /// <summary>Whether tokens [from, to) are surely a varchar: a string function's call, a cast to varchar, or a
        /// concatenation with a string literal, perhaps in parentheses.</summary>
        private bool IsSurelyText(int from, int to)
        {
            int first = Next(from - 1, to), last = Previous(to);
            if (first >= to || last < first)
            {
                return false;
            }
            int open = Next(first, to);
            if (Is(first, "(") && Close(first, to) == last)
            {
                return IsSurelyText(first + 1, last);
            }
            if (Tokens[first].Kind == DuneTokenKind.Word && Is(open, "(") && Close(open, to) == last)
            {
                return TextFunctions.Contains(Text(first))
                    || (Is(first, "cast") || Is(first, "try_cast")) && (Is(Previous(last), "varchar") || Is(Previous(last), ")") && Is(Previous(Opening(Previous(last))), "varchar"));
            }
            bool concatenated = false, literal = false;
            for (int k = first, piece = first; k <= last; k = Next(IsOpening(k) ? Close(k, to) : k, to))
            {
                bool bar = Is(k, "||");
                concatenated |= bar;
                literal |= (bar || k == last) && Tokens[piece].Kind == DuneTokenKind.String && Next(piece, to) == (bar ? k : last + 1);
                piece = bar ? Next(k, to) : piece;
            }
            return concatenated && literal;
        }

        /// <summary>Whether tokens [from, to) are a column's name, perhaps qualified (<c>t.s</c>): names joined by dots.</summary>
        private bool IsPlainName(int from, int to)
        {
            for (int i = from, k = 0; i < to; i++, k++)
            {
                bool name = Tokens[i].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName;
                if (k % 2 == 0 ? !name : !Is(i, "."))
                {
                    return false;
                }
                if (i + 1 == to)
                {
                    return name;
                }
            }
            return false;
        }

        /// <summary>A cast to a date or timestamp type of a special text: a string literal is refused (TRY_CAST: NULL), a
        /// plain name is guarded per row around the cast <paramref name="emitCast"/> writes. Returns the token after the
        /// cast, or -1 when nothing was written.</summary>
        private int TryEmitSpecialTimeCast(string type, int open, int asIndex, int close, bool isTry, DuneToken token, Func<int> emitCast)
        {
            if (guardingSpecialTime || type is not ("DATE" or "TIMESTAMP" or "TIMESTAMPTZ" or "TIMESTAMP_NS"))
            {
                return -1;
            }
            int operand = Next(open, asIndex);
            bool single = operand < asIndex && Next(operand, asIndex) == asIndex;
            if (single && IsTerminatedString(operand) && IsSpecialTimeText(Unquote(operand)))
            {
                if (!isTry)
                {
                    throw NotSupported(Sql, Tokens[operand], DuneSpecialTimes.Refusal(SpecialTimeTarget(type), Unquote(operand)),
                        Strata.Core.Executions.ExecutionError.ExecutionFailed);
                }
                Out.Text($"CAST(NULL AS {type})", token);
                return close + 1;
            }
            int end = Previous(asIndex) + 1;
            if (!IsPlainName(operand, end))
            {
                if (IsSurelyText(operand, end))
                {
                    // A computed text: read once, by the native guard (decision 208).
                    MarkSpecialTimeOperand(operand, end, isTry ? "" : SpecialTimeTarget(type));
                }
                return -1;
            }
            Out.Text("(CASE WHEN typeof(", token);
            Emit(operand, end);
            Out.Text(") = 'VARCHAR' AND regexp_matches(CAST(", token);
            Emit(operand, end);
            Out.Text($" AS VARCHAR), '{SpecialTimePattern}', 'i') THEN ", token);
            if (isTry)
            {
                Out.Text("NULL", token);
            }
            else
            {
                Out.Text($"error('Value cannot be cast to {SpecialTimeTarget(type)}: ' || trim(CAST(", token);
                Emit(operand, end);
                Out.Text(" AS VARCHAR))) ", token);
            }
            Out.Text(" ELSE ", token);
            guardingSpecialTime = true;
            try
            {
                emitCast();
            }
            finally
            {
                guardingSpecialTime = false;
            }
            Out.Text(" END)", token);
            return close + 1;
        }
    }
}
