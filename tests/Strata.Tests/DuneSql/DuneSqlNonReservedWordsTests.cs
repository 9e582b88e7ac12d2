using Strata.Core.Engine;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 354: Trino's grammar takes every word of its <c>nonReserved</c> rule (SqlBase.g4 in core/trino-grammar) as an
/// identifier, so a query written for Dune names columns, aliases, relations, CTEs, lambda parameters and row fields with
/// them (<c>SELECT count(*) rows</c>, <c>FROM t range</c>). Each word runs in each place, in-process, and must answer as
/// Trino does. Each place is one test over every word (one DuckDB database, a few milliseconds a query).
/// </summary>
public sealed class DuneSqlNonReservedWordsTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    /// <summary>SqlBase.g4's <c>nonReserved</c> rule (TEXT_STRING is the word STRING).</summary>
    internal static readonly string[] NonReserved =
    [
        "absent", "add", "admin", "after", "all", "analyze", "any", "array", "asc", "at", "authorization",
        "begin", "bernoulli", "both",
        "call", "called", "cascade", "catalog", "catalogs", "column", "columns", "comment", "commit", "committed", "conditional",
        "copartition", "count", "current",
        "data", "date", "day", "declare", "default", "define", "definer", "deny", "desc", "descriptor", "deterministic",
        "distributed", "do", "double",
        "elseif", "empty", "encoding", "error", "excluding", "explain",
        "fetch", "filter", "final", "first", "following", "format", "function", "functions",
        "grace", "grant", "granted", "grants", "graphviz", "groups",
        "hour",
        "if", "ignore", "immediate", "including", "initial", "input", "interval", "invoker", "io", "iterate", "isolation",
        "json",
        "keep", "key", "keys",
        "language", "last", "lateral", "leading", "leave", "level", "limit", "local", "logical", "loop",
        "map", "match", "matched", "matches", "match_recognize", "materialized", "measures", "merge", "minute", "month",
        "nested", "next", "nfc", "nfd", "nfkc", "nfkd", "no", "none", "nullif", "nulls",
        "object", "of", "offset", "omit", "one", "only", "option", "ordinality", "output", "over", "overflow",
        "partition", "partitions", "passing", "past", "path", "pattern", "per", "period", "permute", "plan", "position",
        "preceding", "precision", "privileges", "properties", "prune",
        "quotes",
        "range", "read", "refresh", "rename", "repeat", "repeatable", "replace", "reset", "respect", "restrict", "return",
        "returning", "returns", "revoke", "role", "roles", "rollback", "row", "rows", "running",
        "scalar", "schema", "schemas", "second", "security", "seek", "serializable", "session", "set", "sets",
        "show", "some", "start", "stats", "string", "subset", "substring", "system",
        "tables", "tablesample", "text", "ties", "time", "timestamp", "to", "trailing", "transaction", "truncate", "try_cast",
        "type",
        "unbounded", "uncommitted", "unconditional", "unique", "unknown", "unmatched", "until", "update", "use", "user", "utf16",
        "utf32", "utf8",
        "validate", "value", "verbose", "version", "view",
        "while", "window", "within", "without", "work", "wrapper", "write",
        "year",
        "zone",
    ];

    /// <summary>Runs the query made for each word and names the words whose answer is not <paramref name="expected"/>
    /// (with the first line of their error).</summary>
    private void EveryWordAnswers(string template, string expected)
    {
        var wrong = new List<string>();
        foreach (string word in NonReserved)
        {
            string sql = template.Replace("{w}", word, StringComparison.Ordinal);
            try
            {
                var rows = db.Rows(sql);
                if (rows.Count != 1 || rows[0].Length != 1 || rows[0][0] != expected)
                {
                    wrong.Add($"{word}: {string.Join(";", rows.Select(r => string.Join(",", r)))}");
                }
            }
            catch (Exception e) when (e is QueryFailedException or DuckDB.NET.Data.DuckDBException or InvalidOperationException)
            {
                wrong.Add($"{word}: {(e is QueryFailedException q ? q.Error.Message : e.Message).Split('\n')[0]}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} words fail in «{template}»:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void A_bare_alias_after_a_column() => EveryWordAnswers("SELECT \"{w}\" FROM (SELECT x {w} FROM (VALUES 3) AS t(x)) u", "3");

    [Fact]
    public void A_bare_alias_after_a_call() =>
        EveryWordAnswers("SELECT \"{w}\" FROM (SELECT count(*) {w} FROM (VALUES 3) AS t(x)) u", "1");

    [Fact]
    public void A_bare_alias_before_another_item() =>
        EveryWordAnswers("SELECT \"{w}\" + y FROM (SELECT x {w}, x y FROM (VALUES 3) AS t(x)) u", "6");

    [Fact]
    public void An_alias_after_as() => EveryWordAnswers("SELECT \"{w}\" FROM (SELECT 4 AS {w}) u", "4");

    [Fact]
    public void A_column_name() => EveryWordAnswers("SELECT {w} FROM (SELECT 5 AS \"{w}\") u WHERE {w} = 5", "5");

    [Fact]
    public void A_qualified_column_name() => EveryWordAnswers("SELECT u.{w} FROM (SELECT 6 AS \"{w}\") u", "6");

    [Fact]
    public void A_bare_table_alias() => EveryWordAnswers("SELECT {w}.x FROM (SELECT 7 AS x) {w}", "7");

    [Fact]
    public void A_table_alias_with_columns() => EveryWordAnswers("SELECT {w}.x FROM (VALUES 8) AS {w}(x)", "8");

    [Fact]
    public void A_table_alias_before_a_join() =>
        EveryWordAnswers("SELECT {w}.x + v.y FROM (SELECT 4 AS x) {w} JOIN (SELECT 5 AS y) v ON {w}.x < v.y", "9");

    [Fact]
    public void A_cte_name() => EveryWordAnswers("WITH {w} AS (SELECT 10 AS x) SELECT x FROM {w}", "10");

    [Fact]
    public void A_lambda_parameter() => EveryWordAnswers("SELECT transform(ARRAY[10], {w} -> {w} + 1)[1]", "11");

    [Fact]
    public void A_row_field() => EveryWordAnswers("SELECT CAST(ROW(12) AS ROW({w} integer)).{w}", "12");

    /// <summary>Where Trino's grammar reads these words as keywords after an expression, they stay keywords.</summary>
    [Theory]
    [InlineData("SELECT x FROM (VALUES 1, 3, 2) t(x) ORDER BY x DESC LIMIT 1", "3")]
    [InlineData("SELECT x FROM (VALUES 1, 3, 2) t(x) ORDER BY x ASC, x DESC OFFSET 1 ROWS FETCH FIRST 1 ROWS ONLY", "2")]
    [InlineData("SELECT array_agg(x ORDER BY x desc)[1] FROM (VALUES 1, 3, 2) t(x)", "3")]
    [InlineData("SELECT max(s) FROM (SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) s FROM (VALUES 1, 3, 2) t(x))", "6")]
    [InlineData("SELECT max(s) FROM (SELECT sum(x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) AS s FROM (VALUES 1, 3, 2) t(x))", "6")]
    [InlineData("SELECT listagg(CAST(x AS varchar), '-') WITHIN GROUP (ORDER BY x) FROM (VALUES 1, 3, 2) t(x)", "1-2-3")]
    [InlineData("SELECT trim(both FROM '  a  ') || trim(leading 'x' FROM 'xb') || trim(trailing FROM 'c ')", "abc")]
    [InlineData("SELECT count(*) FROM (VALUES 1, 3, 2) t(x) WHERE x = ANY (SELECT 3) OR x >= SOME (VALUES 2) AND x < ALL (VALUES 3)", "2")]
    [InlineData("SELECT cardinality(ARRAY[1, 2]) FROM (VALUES 1) t(x) CROSS JOIN LATERAL (SELECT x y)", "2")]
    [InlineData("SELECT x FROM (VALUES 1, 3, 2) t(x) ORDER BY x NULLS FIRST LIMIT 1", "1")]
    [InlineData("SELECT ALL * FROM (VALUES 4) t(x) UNION ALL SELECT ALL -1 ORDER BY 1 DESC LIMIT 1", "4")]
    [InlineData("SELECT count(x) FROM (SELECT x FROM (VALUES 1, 2) t(x) GROUP BY ALL)", "2")]
    [InlineData("SELECT cardinality(CAST(ARRAY[1, 2] AS ARRAY<integer>)) FROM (SELECT 1 AS desc) AS at", "2")]
    public void Keywords_after_an_expression_stay_keywords(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    /// <summary>Spellbook's tokens_optimism_erc20_bridged_mapping.sql (dbt_subprojects/tokens/models/tokens/optimism): its
    /// subquery is named <c>map</c> and read as <c>map.symbol</c>. Jinja dropped, the sources made CTEs of a few rows.</summary>
    [Fact]
    public void Spellbooks_bridged_mapping_names_a_subquery_map()
    {
        const string sql = """
            WITH deposits (l1Token, l2Token, evt_tx_hash) AS (VALUES (0x01, 0x02, 0xaa), (0x03, 0x04, 0x460965f169a99b3d372cd749621a3652ad232d1b1580fd77424eacc2e973b672)),
            factory (l1_token, l2_token, symbol, decimals) AS (VALUES (0x01, 0x02, 'ONE', 18), (0x05, 0x06, 'SIX', 6)),
            erc20 (contract_address, symbol, decimals) AS (VALUES (0x01, 'One', 8), (0x6b175474e89094c44da98b954eedeac495271d0f, 'DAI', 18))
            SELECT l1_token, l2_token, l1_symbol, l1_decimals
            FROM (
            SELECT l1_token, l2_token
                , COALESCE(map.symbol, et.symbol) AS l1_symbol --select token factory, else eth
                , COALESCE(et.decimals, map.decimals) AS l1_decimals --select eth mapping, else token factory
                , ROW_NUMBER() OVER (PARTITION BY l1_token, l2_token
                    ORDER BY COALESCE(et.decimals, map.decimals) ASC NULLS LAST, COALESCE(map.symbol, et.symbol) DESC NULLS LAST) AS rnk
            FROM (
                    SELECT l1Token AS l1_token, l2Token AS l2_token, NULL AS symbol, NULL AS decimals
                        FROM deposits
                    WHERE evt_tx_hash NOT IN (
                        0x460965f169a99b3d372cd749621a3652ad232d1b1580fd77424eacc2e973b672 --bad event emitted
                    )
                    GROUP BY 1,2
                    UNION ALL
                    SELECT l1_token, l2_token, symbol, decimals FROM factory
                    GROUP BY 1,2,3,4
                    UNION ALL SELECT 0x6b175474e89094c44da98b954eedeac495271d0f AS l1_token, 0xda10009cbd5d07dd0cecc66161fc93d7c9000da1 AS l2_token, NULL, NULL -- DAI
                ) map
            LEFT JOIN erc20 et
                ON et.contract_address = map.l1_token
            ) fin
            WHERE rnk =1
            ORDER BY 1, 2
            """;
        var rows = db.Rows(sql).Select(r => string.Join(",", r));
        Assert.Equal(
            ["0x01,0x02,One,8", "0x05,0x06,SIX,6", "0x6b175474e89094c44da98b954eedeac495271d0f,0xda10009cbd5d07dd0cecc66161fc93d7c9000da1,DAI,18"],
            rows);
    }
}
