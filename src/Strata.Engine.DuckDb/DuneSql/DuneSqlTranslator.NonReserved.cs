namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Decision 354: Trino's non-reserved words (SqlBase.g4's <c>nonReserved</c> rule, core/trino-grammar) are identifiers
/// wherever its grammar takes one, so Dune's queries name aliases, relations, CTEs, lambda parameters and row fields with
/// them (<c>SELECT count(*) rows</c>, <c>FROM t range</c>, <c>x desc</c>). DuckDB refuses most of them as a bare alias and
/// some as any name: those are quoted where Trino's grammar makes them a name.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>SqlBase.g4's <c>nonReserved</c> words (TEXT_STRING is the word STRING): any may be a bare alias in Trino.</summary>
    private static readonly HashSet<string> TrinoNonReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "absent", "add", "admin", "after", "all", "analyze", "any", "array", "asc", "at", "authorization", "begin", "bernoulli",
        "both", "call", "called", "cascade", "catalog", "catalogs", "column", "columns", "comment", "commit", "committed",
        "conditional", "copartition", "count", "current", "data", "date", "day", "declare", "default", "define", "definer", "deny",
        "desc", "descriptor", "deterministic", "distributed", "do", "double", "elseif", "empty", "encoding", "error", "excluding",
        "explain", "fetch", "filter", "final", "first", "following", "format", "function", "functions", "grace", "grant",
        "granted", "grants", "graphviz", "groups", "hour", "if", "ignore", "immediate", "including", "initial", "input",
        "interval", "invoker", "io", "iterate", "isolation", "json", "keep", "key", "keys", "language", "last", "lateral",
        "leading", "leave", "level", "limit", "local", "logical", "loop", "map", "match", "matched", "matches", "match_recognize",
        "materialized", "measures", "merge", "minute", "month", "nested", "next", "nfc", "nfd", "nfkc", "nfkd", "no", "none",
        "nullif", "nulls", "object", "of", "offset", "omit", "one", "only", "option", "ordinality", "output", "over", "overflow",
        "partition", "partitions", "passing", "past", "path", "pattern", "per", "period", "permute", "plan", "position",
        "preceding", "precision", "privileges", "properties", "prune", "quotes", "range", "read", "refresh", "rename", "repeat",
        "repeatable", "replace", "reset", "respect", "restrict", "return", "returning", "returns", "revoke", "role", "roles",
        "rollback", "row", "rows", "running", "scalar", "schema", "schemas", "second", "security", "seek", "serializable",
        "session", "set", "sets", "show", "some", "start", "stats", "string", "subset", "substring", "system", "tables",
        "tablesample", "text", "ties", "time", "timestamp", "to", "trailing", "transaction", "truncate", "try_cast", "type",
        "unbounded", "uncommitted", "unconditional", "unique", "unknown", "unmatched", "until", "update", "use", "user", "utf16",
        "utf32", "utf8", "validate", "value", "verbose", "version", "view", "while", "window", "within", "without", "work",
        "wrapper", "write", "year", "zone",
    };

    /// <summary>Non-reserved words of Trino that DuckDB takes as no column, relation or parameter name unquoted (its
    /// reserved and type/function-name keywords; checked on DuckDB 1.5 one word at a time). The words quoted everywhere
    /// (<see cref="QuoteWhenName"/>) have their own rule.</summary>
    internal static readonly HashSet<string> QuoteWhenNonReservedName = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "any", "array", "asc", "at", "authorization", "both", "desc", "fetch", "lateral", "leading", "limit", "only", "some",
        "offset", "tablesample", "trailing", "verbose", "window",
    };

    /// <summary>What may stand right before an operand (a name starting an expression).</summary>
    private static readonly HashSet<string> BeforeOperand = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "distinct", ",", "(", "[", "+", "-", "*", "/", "%", "||", "=", "<>", "!=", "<", ">", "<=", ">=", "->", "and", "or",
        "not", "when", "then", "else", "where", "having", "on", "by", "case", "between",
    };

    /// <summary>What may stand right after an operand (a name ending an expression or a select item).</summary>
    private static readonly HashSet<string> AfterOperand = new(StringComparer.OrdinalIgnoreCase)
    {
        ",", ")", "]", ";", "+", "-", "*", "/", "%", "||", "=", "<>", "!=", "<", ">", "<=", ">=", "->", ".", "and", "or", "from",
        "where", "group", "order", "having", "union", "except", "intersect", "as", "is", "in", "not", "like", "between", "then",
        "when", "else", "end", "join", "left", "right", "inner", "full", "cross", "natural", "on", "using", "asc", "desc", "nulls",
        "limit", "offset", "fetch", "window",
    };

    /// <summary>Clause words: an alias stands in the select list and in FROM only.</summary>
    private static readonly HashSet<string> NonAliasClauses = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "group", "order", "having", "window", "partition", "on", "using", "limit", "offset", "fetch", "values", "by",
        "set", "qualify", "rows", "range", "groups",
    };

    private sealed partial class Pass
    {
        /// <summary>The last word <see cref="InAliasClause"/> answered for and its answer: a select list of many aliases
        /// is scanned once, not back to its SELECT per alias.</summary>
        private (int Word, bool InClause) lastAliasClause = (-1, false);

        /// <summary>Whether the word at i stands in a select list or a FROM clause of its bracket level (so that a
        /// non-reserved word after an expression is its alias there: ORDER BY x DESC, a frame's 1 FOLLOWING, f(x ORDER BY
        /// y ASC) are no alias).</summary>
        private bool InAliasClause(int i)
        {
            bool answer = false;
            for (int k = Previous(i); k >= 0; k = Previous(k))
            {
                if (k == lastAliasClause.Word)
                {
                    answer = lastAliasClause.InClause;
                    break;
                }
                if (tokens[k].Kind == DuneTokenKind.Symbol)
                {
                    if (Text(k) is ")" or "]" && Opening(k) is int open and >= 0)
                    {
                        k = open;
                        continue;
                    }
                    if (Text(k) is "(" or "[" or ")" or "]" or ";")
                    {
                        break;
                    }
                    continue;
                }
                if (tokens[k].Kind != DuneTokenKind.Word || Is(Previous(k), "."))
                {
                    continue;
                }
                string word = Text(k);
                if (word.Equals("select", StringComparison.OrdinalIgnoreCase) || word.Equals("from", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("join", StringComparison.OrdinalIgnoreCase))
                {
                    answer = true;
                    break;
                }
                if (NonAliasClauses.Contains(word))
                {
                    break;
                }
            }
            lastAliasClause = (i, answer);
            return answer;
        }

        /// <summary>A word of <see cref="QuoteWhenNonReservedName"/> standing as a name: a qualifier (<c>desc.x</c>), a lambda
        /// parameter (<c>at -> …</c>), a relation after FROM or JOIN, a CTE's name, or an operand between what starts and
        /// what ends one (<c>SELECT window FROM</c>, <c>WHERE limit = 5</c>). Not TRIM's BOTH/LEADING/TRAILING, not ANY (…),
        /// ARRAY[…], LATERAL (…): those stand before a bracket or inside TRIM's.</summary>
        private bool IsNonReservedName(int i, string word, int previous, int next, int end)
        {
            if (!QuoteWhenNonReservedName.Contains(word) || Is(previous, "."))
            {
                return false;
            }
            // DuckDB's bare GROUP BY ALL is kept (GroupByAllEnds); SELECT ALL * and count(ALL -x) quantify (Trino's
            // parser takes the quantifier first where both readings parse).
            if (word is "all" && (Is(previous, "by") || ((Is(previous, "select") || Is(previous, "(")) && (Is(next, "*") || Is(next, "-") || Is(next, "+")))))
            {
                return false;
            }
            if (word is "both" or "leading" or "trailing" && Enclosing(i) is int open and >= 0 && Is(Previous(open), "trim"))
            {
                return false;
            }
            if (Is(next, ".") || Is(next, "->"))
            {
                return true;
            }
            // A relation after FROM or JOIN; not the operand after IS [NOT] DISTINCT FROM (ARRAY[…] there is a constructor).
            if ((Is(previous, "from") || Is(previous, "join")) && !Is(next, "(") && !Is(next, "[") && !Is(Previous(previous), "distinct"))
            {
                return true;
            }
            if ((Is(previous, "with") || Is(previous, "recursive") || Is(previous, ",")) && Is(next, "as") && Is(Next(next, end), "("))
            {
                return true;
            }
            // An alias after AS (DuckDB takes none of these words as a relation's alias: FROM t AS desc), before what follows
            // an alias only (CAST(x AS ARRAY<integer>) names a type).
            if (Is(previous, "as"))
            {
                return next >= end || AfterAlias.Contains(Text(next));
            }
            return previous >= 0 && BeforeOperand.Contains(Text(previous)) && (next >= end || AfterOperand.Contains(Text(next)));
        }
    }
}
