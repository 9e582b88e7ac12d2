namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The words the token pass rewrites where they stand: typed literals (<c>X'…'</c>, <c>U&amp;'…'</c>, <c>DECIMAL '…'</c>,
/// <c>JSON '…'</c>, <c>TIMESTAMP '…'</c>), calls, names DuckDB reserves, and statement commands (moved out of
/// DuneSqlTranslator.cs, which is held to 400 lines).</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        private int EmitWord(int i, int end)
        {
            var token = tokens[i];
            string word = Text(i).ToLowerInvariant();
            // X'ab01': Trino's other varbinary literal.
            if (word == "x" && i + 1 < end && IsTerminatedString(i + 1) && Text(i + 1)[1..^1].All(Uri.IsHexDigit))
            {
                string body = Text(i + 1)[1..^1];
                emitter.Text(BlobLiteral(body), token);
                return i + 2;
            }
            // U&'\0041': Trino's Unicode string literal (optionally followed by UESCAPE 'c').
            if (word == "u" && i + 2 < end && Is(i + 1, "&") && IsTerminatedString(i + 2))
            {
                return EmitUnicodeString(i, end);
            }
            if (word is "rows" or "range" or "groups" && TryEmitFrameOffsets(i, end) is > 0 and int afterFrame)
            {
                return afterFrame;
            }
            int next = Next(i, end);
            int previous = Previous(i);
            bool qualified = Is(previous, ".");
            if (word is "uint256" or "int256" && next < end && tokens[next].Kind == DuneTokenKind.String)
            {
                EmitTemplate(word == "uint256" ? DuneTypes.ToUint256 : DuneTypes.ToInt256, [(next, next + 1)], token);
                return next + 1;
            }
            if (word is "decimal" && !qualified && next < end && IsTerminatedString(next) && DecimalLiteralType(Text(next)[1..^1]) is string decimalType)
            {
                // Trino types DECIMAL '123.45' by its digits (decimal(5,2)); DuckDB's DECIMAL literal is DECIMAL(18,3).
                emitter.Text("CAST(", token);
                emitter.Copy(tokens[next]);
                emitter.Text(" AS " + decimalType + ")", tokens[next]);
                return next + 1;
            }
            if (word is "json" && !qualified && next < end && IsTerminatedString(next)) { return EmitJsonLiteral(token, next); }
            if (word is "like" && next < end && IsTerminatedString(next) && TryEmitLinearLike(i, next, end) is > 0 and int afterLike)
            {
                return afterLike;
            }
            if (word is "like" && next < end && TryEmitRuntimeLike(i, next, end) is > 0 and int afterPattern)
            {
                return afterPattern;
            }
            if (word is "escape" && next < end && IsTerminatedString(next))
            {
                CheckLikeEscape(previous, next);
            }
            // Trino's GROUP BY ALL before grouping elements is the set quantifier (keep duplicate grouping sets), as no
            // quantifier; a bare GROUP BY ALL stays DuckDB's (every non-aggregate column).
            if (word is "all" && Is(previous, "by") && Is(Previous(previous), "group") && next < end && !GroupByAllEnds.Contains(Text(next))) { return next; }
            if (word is "distinct" && Is(previous, "by") && Is(Previous(previous), "group")) { return EmitGroupByDistinct(i, end); }
            if (word is "by" && Is(previous, "group")) { CheckGroupingSetCount(next, end); }
            if (word is "tablesample" && !qualified && !(next >= end || AfterOperand.Contains(Text(next))) && TryEmitTableSample(i, next, end) is > 0 and int afterSample) { return afterSample; }
            // A simple CASE's predicate WHEN (conditional.md: CASE a WHEN > 100 THEN …, WHEN IS NULL, WHEN BETWEEN …), newer
            // than Dune's Trino: named here rather than left to DuckDB's "syntax error at or near >".
            if (word == "when" && next < end && (tokens[next].Kind == DuneTokenKind.Symbol && Text(next) is "=" or "<" or ">" or "<=" or ">=" or "<>" or "!="
                || tokens[next].Kind == DuneTokenKind.Word && Text(next).ToLowerInvariant() is "is" or "between" or "in" or "like"))
            {
                throw NotSupported(sql, tokens[next], $"CASE … WHEN {Text(next).ToUpperInvariant()} … (a predicate after WHEN) is not supported; write CASE WHEN x {Text(next).ToUpperInvariant()} …");
            }
            // Trino's IPADDRESS/IPPREFIX literals and MULTISET[…] constructor (ipaddress.md, multiset.md): types Strata does
            // not have; named here rather than left to DuckDB's catalog or binder error about a type or a column.
            if (word is "ipaddress" or "ipprefix" && !qualified && next < end && IsTerminatedString(next)
                || word is "multiset" && !qualified && Is(next, "["))
            {
                throw NotSupported(sql, token, $"Type {word} is not supported");
            }
            if (word is "timestamp" && next < end && IsTerminatedString(next) && TryEmitTimestampLiteral(token, next) is > 0 and int afterLiteral)
            {
                return afterLiteral;
            }
            if (word is "information_schema" && TryEmitCatalogColumns(i, end) is int pastColumns and >= 0)
            {
                return pastColumns;
            }
            if (word is "at" && IsAtTimeZone(i, end))
            {
                return EmitAtTimeZone(i, end);
            }
            if (word is "values" && next < end && !Is(next, "("))
            {
                return EmitBareValues(i, next, end);
            }
            if (Is(next, "(") && !qualified && IsAliasWithColumns(i, next, end))
            {
                // Quoted: DuckDB's grammar takes fewer words as a bare alias than Trino's does.
                emitter.Text("\"" + Text(i) + "\"", token);
                return i + 1;
            }
            if (Is(next, "(") && !qualified)
            {
                RefuseWrappedAggregateClause(i, word, next, end);
                return TryEmitFrameGuard(i, word, next, end) is > 0 and int guarded ? guarded : EmitCall(i, next, end, word);
            }
            // Dune's ASOF JOIN and ASOF LEFT JOIN (asof-join.mdx) are DuckDB's; elsewhere asof is a name, as in Trino.
            if (word == "asof" && (Is(next, "join") || (Is(next, "left") && Is(Next(next, end), "join"))))
            {
                emitter.Copy(token);
                return i + 1;
            }
            if ((QuoteWhenBareAlias.Contains(word) || ((TrinoNonReserved.Contains(word) || (DuckDbKeywords.Contains(word) && !TrinoReservedWords.Contains(word))) && !(word == "within" && Is(next, "group")) && InAliasClause(i))) && IsBareAlias(previous, next, end))
            {
                emitter.Text("\"" + Text(i) + "\"", token);
                return i + 1;
            }
            // A statement's first word is a command (DuckDB's SUMMARIZE, SHOW, PIVOT), never a name.
            bool statementStart = previous < 0 || Is(previous, ";") || (Is(previous, "(") && Commands.Contains(word) && !(next >= end || AfterOperand.Contains(Text(next)))) || (word is "analyze" or "analyse" && Is(previous, "explain"));
            if ((QuoteWhenName.Contains(word) || IsKeywordName(word, previous, next, end) || IsNonReservedName(i, word, previous, next, end) || (qualified && DuckDbReservedWords.Contains(word))) && !statementStart && !(word == "to" && previous >= 0 && IntervalUnits.Contains(Text(previous))))
            {
                emitter.Text("\"" + Text(i) + "\"", token);
                return i + 1;
            }
            emitter.Copy(token);
            return i + 1;
        }
    }
}
