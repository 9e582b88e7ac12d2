using Strata.Core.Engine;
using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Statements that are not queries, read with Trino's grammar (SqlBase.g4, <c>statement</c>) rather than DuckDB's. After
/// CREATE Trino takes only CATALOG, SCHEMA, TABLE, MATERIALIZED (VIEW), VIEW, FUNCTION, ROLE or OR (REPLACE); after DROP the
/// same but OR; after ALTER only SCHEMA, TABLE, MATERIALIZED or VIEW. Anything else (<c>CREATE SEQUENCE s AS integer</c>,
/// <c>CREATE INDEX</c>, <c>CREATE TEMP TABLE</c>, <c>DROP SEQUENCE</c>) fails in Trino's parser at that word, as
/// <c>mismatched input 'SEQUENCE'</c> (without the list of tokens expected, as Strata's other syntax errors). Every other
/// statement that starts with one of Trino's non-query statement words (INSERT, DELETE, UPDATE, MERGE, TRUNCATE, GRANT,
/// CALL, SET, …, and a CREATE/DROP/ALTER Trino does parse) is refused as a write at once, whatever follows. Before, each
/// reached DuckDB's parser, whose words leaked for the statements it cannot parse (<c>Parser Error: Expected an integer
/// argument for option as</c>; <c>mismatched input 'AUTHORIZATION'</c> for Trino's own <c>CREATE SCHEMA s AUTHORIZATION
/// u</c>), while the ones it parses were refused as writes.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The words Trino's grammar takes after CREATE, DROP and ALTER.</summary>
    private static readonly Dictionary<string, HashSet<string>> TrinoStatementObjects = new(StringComparer.OrdinalIgnoreCase)
    {
        ["create"] = new(StringComparer.OrdinalIgnoreCase) { "catalog", "schema", "table", "materialized", "view", "function", "role", "or" },
        ["drop"] = new(StringComparer.OrdinalIgnoreCase) { "catalog", "schema", "table", "materialized", "view", "function", "role" },
        ["alter"] = new(StringComparer.OrdinalIgnoreCase) { "schema", "table", "materialized", "view" },
    };

    /// <summary>The first words of Trino's statements that read no data (SqlBase.g4) beside CREATE, DROP and ALTER.</summary>
    private static readonly HashSet<string> TrinoWriteStatements = new(StringComparer.OrdinalIgnoreCase)
    {
        "insert", "delete", "update", "merge", "truncate", "comment", "grant", "revoke", "deny", "call", "refresh", "analyze",
        "set", "reset", "use", "start", "commit", "rollback", "prepare", "deallocate", "execute",
    };

    /// <summary>Refuses a statement that is no query: at its second word when Trino's grammar has no such statement, else as
    /// a write. A query, EXPLAIN of a query, SHOW and DESCRIBE pass.</summary>
    private static void RefuseStatementsOtherThanQueries(string sql, List<DuneToken> tokens)
    {
        int first = NextSolid(tokens, 0);
        bool explain = first < tokens.Count && sql.AsSpan(tokens[first].Start, tokens[first].Length).Equals("explain", StringComparison.OrdinalIgnoreCase);
        if (explain)
        {
            first = NextSolid(tokens, first + 1);
        }
        if (first >= tokens.Count || tokens[first].Kind != DuneTokenKind.Word)
        {
            return;
        }
        string verb = sql.Substring(tokens[first].Start, tokens[first].Length);
        int second = NextSolid(tokens, first + 1);
        if (second >= tokens.Count)
        {
            return; // DuckDB's "syntax error at end of input" is Trino's mismatched input '<EOF>' (TrinoErrorMessages.Syntax)
        }
        if (TrinoStatementObjects.TryGetValue(verb, out var objects)
            && (tokens[second].Kind != DuneTokenKind.Word || !objects.Contains(sql.Substring(tokens[second].Start, tokens[second].Length))))
        {
            string word = sql.Substring(tokens[second].Start, tokens[second].Length);
            throw NotSupported(sql, tokens[second], $"mismatched input '{(word.Length > 100 ? word[..100] + "…" : word)}'");
        }
        if (!explain && (objects is not null || TrinoWriteStatements.Contains(verb)))
        {
            throw new QueryFailedException(new ExecutionError(ExecutionError.Unsupported, DuckDbEngine.ReadOnlyRefusal));
        }
    }

    private static int NextSolid(List<DuneToken> tokens, int from)
    {
        while (from < tokens.Count && tokens[from].IsTrivia)
        {
            from++;
        }
        return from;
    }
}
