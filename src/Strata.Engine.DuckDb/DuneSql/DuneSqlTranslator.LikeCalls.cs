namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>v [NOT] LIKE p</c> with a pattern computed at run time, where both operands' extents are clear, written as the
/// native matcher's call <c>[NOT] dune_like(v, p)</c> (<see cref="DuneLike"/>, decision 362): linear per row as the RE2
/// form of decision 356, without compiling a regular expression for each row (10.3 s over 10^6 rows of
/// <c>name LIKE '%' || symbol || '%'</c> against DuckDB's LIKE's 0.33 s, hostile43). Where an extent is unclear the LIKE
/// keeps that RE2 form (<see cref="Pass.TryEmitRuntimeLike"/>).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>A runtime LIKE's parts: its end (exclusive), the value's last token, NOT's presence, the pattern's
        /// first and last tokens.</summary>
        private sealed record LikeCall(int End, int ValueLast, bool Negated, int Pattern, int PatternLast);

        /// <summary>The runtime LIKEs by their value's first token, and their ends.</summary>
        private Dictionary<int, LikeCall>? likeCalls;

        private Dictionary<int, int>? likeCallEnds;

        private int likeCallAt = -1;

        private int TryEmitLikeCall(int i, int to)
        {
            if (likeCalls is null)
            {
                likeCalls = FindLikeCalls();
                likeCallEnds = likeCalls.ToDictionary(c => c.Key, c => c.Value.End);
            }
            return likeCalls.Count == 0 || !likeCalls.TryGetValue(i, out var call) ? -1
                : TryEmitOperand(i, to, likeCallEnds!, ref likeCallAt, (from, end) =>
                {
                    var anchor = tokens[from];
                    emitter.Text((call.Negated ? "(NOT " : "(") + DuneLike.Function + "(", anchor);
                    Emit(from, call.ValueLast + 1);
                    emitter.Text(", ", tokens[call.Pattern]);
                    Emit(call.Pattern, call.PatternLast + 1);
                    emitter.Text("))", tokens[call.PatternLast]);
                });
        }

        /// <summary>Every LIKE whose pattern is an expression (<see cref="RuntimePatternLast"/>) and whose value is a whole
        /// operand: it starts after a boundary (an opening bracket, a comma, WHERE, AND, NOT, …) and is no keyword.</summary>
        private Dictionary<int, LikeCall> FindLikeCalls()
        {
            var found = new Dictionary<int, LikeCall>();
            for (int like = 0; like < tokens.Count; like++)
            {
                if (tokens[like].Kind != DuneTokenKind.Word || !Is(like, "like"))
                {
                    continue;
                }
                bool negated = Is(Previous(like), "not");
                int valueLast = negated ? Previous(Previous(like)) : Previous(like);
                int pattern = Next(like, tokens.Count);
                if (valueLast < 0 || pattern >= tokens.Count || RuntimePatternLast(pattern, tokens.Count) is not int patternLast
                    || OperandStart(valueLast, zoned: true) is not int valueStart || valueStart > valueLast || IsBoundaryWord(valueStart)
                    || (Previous(valueStart) is int before && before >= 0 && !OperandBoundaries.Contains(Text(before))))
                {
                    continue;
                }
                found.TryAdd(valueStart, new LikeCall(patternLast + 1, valueLast, negated, pattern, patternLast));
            }
            return found;
        }
    }
}
