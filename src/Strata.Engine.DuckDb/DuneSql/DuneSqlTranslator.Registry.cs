using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>The words before which a call starts an expression (SELECT len(x), WHERE f(x), a AND f(x), …). After any
    /// other word, a quoted name or a ')' a name followed by '(' is no call: a relation's alias with its columns
    /// (<c>(VALUES …) t(x, y)</c>, <c>tbl t(a)</c>); after <c>::</c> it is another dialect's type (<c>::bit(16)</c>), after
    /// <c>AS NOT</c> another dialect's <c>MATERIALIZED (</c>: left to the engine as before.</summary>
    private static readonly HashSet<string> CallStartWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "distinct", "all", "where", "having", "on", "and", "or", "not", "when", "then", "else", "case", "by", "in",
        "is", "like", "between", "from", "join", "limit", "offset", "escape", "exists", "return", "any", "some", "array",
        // trim(LEADING x FROM s), substring(s FROM x FOR n), json_object(KEY k VALUE v), json_value(… DEFAULT x ON EMPTY),
        // json_query(… PASSING x AS a), FETCH FIRST/NEXT x ROWS, VALUES x
        "leading", "trailing", "both", "for", "key", "value", "default", "passing", "first", "next", "values",
    };

    private sealed partial class Pass
    {
        /// <summary>Whether calls of names neither Trino nor Dune defines are refused (<see cref="RefuseUnregistered"/>).</summary>
        public bool StrictFunctions { get; init; }

        /// <summary>Refuses a call the translator would pass to DuckDB under a name neither Trino nor Dune defines
        /// (<see cref="DuneFunctionRegistry"/>), with Trino's words at the name: DuckDB would answer it with its own
        /// function of that name (len, string_agg, list_value) or name a function a Dune user cannot look up.</summary>
        private void RefuseUnregistered(int nameIndex, int open, int end, string name)
        {
            if (name.ToLowerInvariant() is "decode_evm_event" or "decode_evm_function_call")
            {
                throw EvmDecodeOutsideTable(nameIndex, open, Close(open, end), name.ToLowerInvariant());
            }
            if (!StrictFunctions || DuneFunctionRegistry.IsKnown(name) || Close(open, end) is var close && close >= end)
            {
                return;
            }
            int previous = Previous(nameIndex);
            if (previous >= 0 && (Is(previous, ")") || Is(previous, "]") || Is(previous, "::") || Is(previous, ":") || Tokens[previous].Kind == DuneTokenKind.QuotedName
                || Tokens[previous].Kind == DuneTokenKind.Word && !CallStartWords.Contains(Text(previous))
                || Is(previous, "not") && Is(Previous(previous), "as")))
            {
                return;
            }
            int after = Next(close, Tokens.Count);
            if (Is(after, "as") && Is(Next(after, Tokens.Count), "("))
            {
                return; // WITH x, name (a, b) AS (…): a named query's columns
            }
            throw NotSupported(Sql, Tokens[nameIndex], $"Function '{name.ToLowerInvariant()}' not registered", ExecutionError.ExecutionFailed);
        }
    }
}
