using System.Text;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The translator's word lists and literal helpers.</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Words DuckDB reserves that Trino allows as plain column names (Dune's <c>to</c> first of all).</summary>
    private static readonly HashSet<string> QuoteWhenName = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "analyse", "analyze", "asymmetric", "check", "collate", "column", "default", "deferrable", "do", "foreign",
        "initially", "lambda", "pivot", "pivot_longer", "pivot_wider", "placing", "primary", "qualify", "references",
        "returning", "show", "summarize", "symmetric", "unique", "unpivot", "variadic",
        // DuckDB's type/function-name keywords Trino does not have at all: names of any kind there (decision 365).
        "anti", "asof", "binary", "collation", "concurrently", "freeze", "glob", "ilike", "isnull", "notnull", "overlaps",
        "positional", "semi", "similar", "unpack",
    };

    /// <summary>Every word DuckDB reserves (<c>duckdb_keywords()</c>, category 'reserved'; a test holds the two equal).
    /// Trino takes any of them as a name after a dot (<c>labels.all</c>, <c>t.end</c>, <c>s.describe</c>): quoted there.</summary>
    internal static readonly HashSet<string> DuckDbReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
        "check", "collate", "column", "constraint", "create", "default", "deferrable", "desc", "describe",
        "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "group",
        "having", "in", "initially", "intersect", "into", "lambda", "lateral", "leading", "limit", "not", "null", "offset",
        "on", "only", "or", "order", "pivot", "pivot_longer", "pivot_wider", "placing", "primary", "qualify",
        "references", "returning", "select", "show", "some", "summarize", "symmetric", "table", "then", "to",
        "trailing", "true", "union", "unique", "unpivot", "using", "variadic", "when", "where", "window", "with",
    };

    /// <summary>Trino's reserved keywords (docs/src/main/sphinx/language/reserved.md), which its grammar never takes as an
    /// identifier, so not after a dot either (<c>base '.' fieldName=identifier</c>): <c>t.end</c>, <c>dex.where (…)</c> are
    /// syntax errors there, where DuckDB-only reserved words (<c>labels.all</c>) are names (decision 319). AUTO and PRIMARY,
    /// reserved by the newest releases only, are left out: a name Dune's older Trino takes is not refused.</summary>
    internal static readonly HashSet<string> TrinoReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "alter", "and", "as", "between", "by", "case", "cast", "constraint", "create", "cross", "cube", "current_catalog",
        "current_date", "current_path", "current_role", "current_schema", "current_time", "current_timestamp", "current_user",
        "deallocate", "delete", "describe", "distinct", "drop", "else", "end", "escape", "except", "execute", "exists",
        "extract", "false", "for", "from", "full", "group", "grouping", "having", "in", "inner", "insert", "intersect", "into",
        "is", "join", "json_array", "json_exists", "json_object", "json_query", "json_table", "json_value", "left", "like",
        "listagg", "localtime", "localtimestamp", "natural", "normalize", "not", "null", "on", "or", "order", "outer",
        "prepare", "recursive", "right", "rollup", "select", "skip", "table", "then", "trim", "true", "uescape", "union",
        "unnest", "using", "values", "when", "where", "with",
    };

    /// <summary>Words DuckDB will not take as a bare alias (<c>date_trunc('day', t) day</c>, <c>sum(x) value</c>) that
    /// Trino takes: quoted when they stand in an alias's place (checked on DuckDB 1.5, one word at a time).</summary>
    private static readonly HashSet<string> QuoteWhenBareAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "years", "quarter", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
        "second", "seconds", "millisecond", "milliseconds", "microsecond", "microseconds", "decade", "century", "millennium",
        "value", "name", "names", "type", "data", "key", "time", "timestamp", "position", "level", "label", "action", "source",
        "first", "last", "start", "user", "version", "owner", "index", "zone", "without", "only", "options", "language",
        "location", "object", "of", "off", "old", "prior", "program", "ref", "set", "share", "stable", "storage", "strict",
        "system", "temp", "text", "transaction", "trigger", "truncate", "unlogged", "valid", "validate", "varying", "view",
        "volatile", "whitespace", "work", "wrapper", "write", "xml", "yes",
    };

    /// <summary>Words after which a word is not an alias (it starts an expression, a name or a clause).</summary>
    private static readonly HashSet<string> BeforeNonAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "distinct", "all", "by", "and", "or", "not", "on", "where", "from", "join", "as", "when", "then", "else",
        "in", "is", "like", "between", "case", "interval", "table", "using", "with", "having", "partition", "order", "group",
        "limit", "over", "unnest", "lateral", "current", "preceding", "following", "unbounded", "nulls", "fetch", "at",
        "extract", "cast", "try_cast", "escape", "exists", "return", "returns", "union", "except", "intersect", "into",
        "values", "set", "ignore", "respect", "window", "filter", "within", "rows", "range", "groups", "asc", "desc",
        "offset", "first", "last", "next", "row", "time", "zone", "day", "hour", "minute", "month", "year", "second", "week",
        "quarter", "to", "date", "timestamp", "array", "map", "recursive", "materialized", "left", "right", "full",
        "inner", "outer", "cross", "natural", "any", "some", "similar", "overlaps", "collate", "uescape",
    };

    /// <summary>What may follow an alias in a select list or a FROM clause.</summary>
    private static readonly HashSet<string> AfterAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        ",", ")", ";", "from", "where", "group", "order", "union", "except", "intersect", "limit", "join", "left", "right",
        "inner", "full", "cross", "on", "having", "window", "offset", "fetch", "using", "natural",
    };

    /// <summary>DuckDB statements that may also open a subquery: <c>SELECT * FROM (SHOW TABLES)</c>.</summary>
    private static readonly HashSet<string> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        "show", "summarize", "pivot", "unpivot", "pivot_longer", "pivot_wider",
    };

    private static readonly HashSet<string> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "month", "day", "hour", "minute", "second",
    };

    /// <summary>A DuckDB BLOB literal for hex digits (an odd count gets a leading zero, as Trino pads).</summary>
    internal static string BlobLiteral(ReadOnlySpan<char> hex)
    {
        // ('\x0a\xbc…'::BLOB): written straight into one buffer (every prefix of every corpus file writes its addresses).
        int length = 2 + (hex.Length % 2 == 1 ? 4 : 0) + hex.Length / 2 * 4 + 8;
        Span<char> text = length <= 512 ? stackalloc char[length] : new char[length];
        "('".CopyTo(text);
        int at = 2, i = 0;
        if (hex.Length % 2 == 1)
        {
            "\\x0".CopyTo(text[at..]);
            text[at + 3] = hex[0];
            at += 4;
            i = 1;
        }
        for (; i < hex.Length; i += 2)
        {
            text[at] = '\\';
            text[at + 1] = 'x';
            text[at + 2] = hex[i];
            text[at + 3] = hex[i + 1];
            at += 4;
        }
        "'::BLOB)".CopyTo(text[at..]);
        return new string(text);
    }

    /// <summary>Trino's lexer reads <c>`name`</c> (Spark's and MySQL's quoting, as Dune's retired Spark engine took it) and
    /// its parser refuses it with these words (SqlParser's backquoted identifier), at the first one; an empty quoted name <c>""</c>
    /// likewise (Zero-length delimited identifier not allowed).</summary>
    private static void RefuseBackquotes(string sql, List<DuneToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Kind == DuneTokenKind.Symbol && sql[token.Start] == '`')
            {
                throw NotSupported(sql, token, "backquoted identifiers are not supported; use double quotes to quote identifiers");
            }
            if (token.Kind == DuneTokenKind.QuotedName && token.Length == 2)
            {
                // Trino's parser (exitQuotedIdentifier) at the empty name; DuckDB's words leaked before.
                throw NotSupported(sql, token, "Zero-length delimited identifier not allowed");
            }
        }
    }

    /// <summary>Words before which a LIMIT or OFFSET is a name, not the clause (SELECT limit, a + offset).</summary>
    private static readonly HashSet<string> NotClauseEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "distinct", "all", ",", "(", "+", "-", "*", "/", "%", "||", "=", "<>", "!=", "<", ">", "<=", ">=", "and", "or",
        "not", "by", "as", ".", "when", "then", "else", "on", "where", "having", "->",
    };

    /// <summary>Trino's grammar takes an integer or ALL after LIMIT, an integer after OFFSET (and FETCH FIRST): a sign, a
    /// decimal, a double or a string there is a syntax error at it (decision 226; DuckDB rounded LIMIT 1.5 and refused
    /// LIMIT -1 in its binder's words).</summary>
    private static void RefuseLimitValues(string sql, List<DuneToken> tokens)
    {
        int previous = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsTrivia)
            {
                continue;
            }
            var token = tokens[i];
            if (token.Kind == DuneTokenKind.Word && previous >= 0 && sql.AsSpan(token.Start, token.Length) is var word
                && (word.Equals("limit", StringComparison.OrdinalIgnoreCase) || word.Equals("offset", StringComparison.OrdinalIgnoreCase))
                && !NotClauseEnds.Contains(sql.Substring(tokens[previous].Start, tokens[previous].Length)))
            {
                int next = i + 1;
                while (next < tokens.Count && tokens[next].IsTrivia)
                {
                    next++;
                }
                if (next < tokens.Count && tokens[next] is var value
                    && (value.Kind == DuneTokenKind.String || (value.Kind == DuneTokenKind.Symbol && sql[value.Start] is '-' or '+')
                        || (value.Kind == DuneTokenKind.Number && sql.AsSpan(value.Start, value.Length).ContainsAnyExcept("0123456789_"))))
                {
                    throw NotSupported(sql, value, $"mismatched input '{sql.Substring(value.Start, value.Length)}'");
                }
            }
            previous = i;
        }
    }

    internal static QueryFailedException NotSupported(string sql, DuneToken at, string message, string type = ExecutionError.SyntaxError)
    {
        var (line, column) = ParameterSubstitution.LineColumnOf(sql, at.Start);
        return new QueryFailedException(new ExecutionError(type, message, line, column));
    }
}
