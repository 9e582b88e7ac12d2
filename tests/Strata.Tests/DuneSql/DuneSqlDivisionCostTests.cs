using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Division forms chosen from the text (decision "dune-num3"): where the text fixes both operands' types (literals,
/// typed literals, casts, functions of fixed type) the form is written without the bound-type probe, and it must give
/// exactly what the probe gives for the same values read from a table (where only the binder knows the types); nested
/// divisions and subquery operands get Trino's answers with text that grows linearly.
/// </summary>
public sealed class DuneSqlDivisionCostTests
{
    /// <summary>Operands whose type the text fixes; the last ones are zero divisors. (An integer literal next to a
    /// smallint is left out: DuckDB types <c>7 / smallint</c> smallint, Trino and a column holding 7 integer.)</summary>
    private static readonly string[] Operands =
    [
        "7", "3000000000", "7.5", "0.05", "DECIMAL '10.25'", "CAST(-7 AS decimal(10,2))", "CAST(-3 AS bigint)", "2.5e0", "REAL '1.5'",
        "power(10, 2)", "uint256 '10'", "0", "0.0", "0e0",
    ];

    /// <summary>Every pair of operands, both operators: 308 statements with the probe (each binds its candidate forms,
    /// the suite's costliest DuckDB work; once per statement, the quotient read from a subquery) run over the cores, one
    /// database per worker; the pairs are independent.</summary>
    [Fact]
    public void Forms_chosen_from_the_text_give_what_the_bound_type_probe_gives()
    {
        var pairs = (from a in Operands.Where(o => o is not ("0" or "0.0" or "0e0"))
                     from b in Operands
                     from op in new[] { "/", "%" }
                     select (a, b, op)).ToList();
        var mismatches = new ConcurrentBag<string>();
        int compared = 0;
        Parallel.ForEach(
            Partitioner.Create(pairs, loadBalance: true),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new DuneSqlDb(),
            (pair, _, db) =>
            {
                var (a, b, op) = pair;
                // The quotient once per statement, read twice (its text and its type): one probe to bind per pair, not two.
                string direct = $"SELECT CAST(q AS varchar), typeof(q) FROM (SELECT {a} {op} {b} AS q)";
                string probed = $"WITH t AS (SELECT {a} AS a, {b} AS b) SELECT CAST(q AS varchar), typeof(q) FROM (SELECT a {op} b AS q FROM t)";
                Assert.DoesNotContain("dune_num_key", DuneSqlTranslator.Translate(direct).Sql, StringComparison.Ordinal);
                string expected = Outcome(db, probed), actual = Outcome(db, direct);
                Interlocked.Increment(ref compared);
                if (expected != actual)
                {
                    mismatches.Add($"{a} {op} {b}: probe {expected}, text {actual}");
                }
                return db;
            },
            db => db.Dispose());
        Assert.True(mismatches.IsEmpty, string.Join("\n", mismatches.Order(StringComparer.Ordinal)));
        Assert.True(compared > 300);
    }

    private static string Outcome(DuneSqlDb db, string sql)
    {
        try
        {
            return string.Join(" | ", db.Rows(sql)[0]);
        }
        catch (DuckDBException e)
        {
            return "error: " + e.Message.Split('\n')[0];
        }
    }

    [Theory]
    [InlineData("value / 1e18", false)]
    [InlineData("sum(value) / power(10, 18)", false)]
    [InlineData("CAST(value AS double) / count(*)", false)]
    [InlineData("varbinary_to_uint256(data) / 3", false)]
    [InlineData("count(*) / 2", false)]
    [InlineData("x / 100.0", true)]
    [InlineData("x / 2", true)]
    public void Common_divisions_by_a_literal_or_a_fixed_type_skip_the_probe(string expression, bool probe)
    {
        string sql = DuneSqlTranslator.Translate($"SELECT {expression} FROM t").Sql;
        // A double divisor or a double dividend decides the form whatever the other operand is; a decimal or integer
        // literal next to a column does not (the column may be a decimal), so the probe stays there.
        bool probed = sql.Contains("dune_num_key", StringComparison.Ordinal);
        Assert.Equal(probe, probed);
    }

    [Fact]
    public void Count_and_literals_divide_as_Trino_without_the_probe()
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT * FROM (VALUES (1), (2), (3)) AS v(n);");
        Assert.Equal(["1", "bigint", "1.0", "decimal(21,1)", "2.5E0", "double"],
            db.Rows("SELECT CAST(count(*) / 2 AS varchar), typeof(count(*) / 2), CAST(count(*) / 3.0 AS varchar), typeof(count(*) / 3.0), "
                + "CAST(5 / 2e0 AS varchar), typeof(5 / 2e0) FROM t")[0]);
        Assert.Contains("Division by zero", Assert.ThrowsAny<DuckDBException>(() => db.Rows("SELECT count(*) / 0 FROM t")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_and_fifty_nested_divisions_give_Trinos_answer_with_linear_text()
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT CAST(1.50 AS DECIMAL(18,2)) AS x;");
        // Fixed types: every level is a decimal quotient written once. (150 levels: past 200 the depth bound refuses, decision 249.)
        string chain = "7.5" + string.Concat(Enumerable.Repeat(" / 1", 150));
        Assert.Equal(["7.5", "decimal(2,1)"], db.Rows($"SELECT CAST({chain} AS varchar), typeof({chain})")[0]);
        string nested = "2";
        for (int k = 0; k < 150; k++)
        {
            nested = $"4.0 / ({nested})";
        }
        // 4.0 / 2 = 2.0, 4.0 / 2.0 = 2.0, ...: decimal(x,1) at every level (DuckDB's own operator gave a double).
        Assert.Equal("2.0", db.Scalar($"SELECT CAST({nested} AS varchar)"));
        // Column operands (the probe at every level, read through a lambda): the text grows linearly with the nesting.
        static string Nest(int n)
        {
            string e = "x";
            for (int k = 0; k < n; k++)
            {
                e = k % 3 == 0 ? $"x / ({e})" : k % 3 == 1 ? $"({e}) % x" : $"(SELECT x) / ({e})";
            }
            return e;
        }
        int length70 = DuneSqlTranslator.Translate($"SELECT {Nest(70)} FROM t").Sql.Length;
        int length140 = DuneSqlTranslator.Translate($"SELECT {Nest(140)} FROM t").Sql.Length;
        Assert.InRange(length140, length70, length70 * 21 / 10);
        // A shorter one runs (the 140-level one binds 140 probes: seconds on a loaded machine).
        Assert.Equal(["1.00", "decimal(18,2)"], db.Rows($"SELECT CAST({Nest(8)} AS varchar), typeof({Nest(8)}) FROM t")[0]);
    }

    [Theory]
    [InlineData("SELECT (SELECT 7) / (SELECT 2)", "3", "integer")]
    [InlineData("SELECT (SELECT 7.5) / (SELECT 2)", "3.8", "decimal(2,1)")]
    [InlineData("SELECT (SELECT x FROM t) / 3", "0.50", "decimal(18,2)")]
    [InlineData("SELECT x / (SELECT 3.000)", "0.500", "decimal(22,3)")]
    public void Subquery_operands_divide_as_Trino(string sql, string value, string type)
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT CAST(1.50 AS DECIMAL(18,2)) AS x;");
        string from = sql.Contains("x /", StringComparison.Ordinal) ? " FROM t" : "";
        string expression = sql["SELECT ".Length..];
        Assert.Equal([value, type], db.Rows($"SELECT CAST({expression} AS varchar), typeof({expression}){from}")[0]);
    }

    [Theory]
    [InlineData("SELECT (SELECT 7) / (SELECT 0)")]
    [InlineData("SELECT (SELECT 7.5) % (SELECT 0)")]
    [InlineData("SELECT 1 / (2 / (3 / (4 / 0)))")]
    [InlineData("SELECT x / (x / (x / (x - x))) FROM t")]
    public void Nested_and_subquery_divisions_by_zero_fail_as_Trino(string sql)
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT CAST(1.50 AS DECIMAL(18,2)) AS x;");
        Assert.Contains("Division by zero", Assert.ThrowsAny<DuckDBException>(() => db.Rows(sql)).Message, StringComparison.Ordinal);
    }

    /// <summary>Trino's <c>mod(n, m)</c> (math.md: "Returns the modulus (remainder) of n divided by m") is its <c>%</c>:
    /// the dividend's sign, decimal(…) for decimals, "Division by zero" for a zero integer or decimal divisor.</summary>
    [Theory]
    [InlineData("mod(7, 2)", "1", "integer")]
    [InlineData("mod(-7, 2)", "-1", "integer")]
    [InlineData("mod(7.5, 2)", "1.5", "decimal(2,1)")]
    [InlineData("mod(x, 0.7)", "0.10", "decimal(2,2)")]
    [InlineData("mod(mod(x, 1), 0.2)", "0.10", "decimal(2,2)")]
    [InlineData("mod(5e0, 2)", "1.0E0", "double")]
    [InlineData("mod(uint256 '10', 4)", "2", "uint256")]
    public void Mod_is_Trinos_remainder(string expression, string value, string type)
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT CAST(1.50 AS DECIMAL(18,2)) AS x;");
        Assert.Equal([value, type], db.Rows($"SELECT CAST({expression} AS varchar), typeof({expression}) FROM t")[0]);
    }

    [Theory]
    [InlineData("SELECT mod(7, 0)")]
    [InlineData("SELECT mod(x, x - x) FROM t")]
    public void Mod_by_zero_fails_as_Trino(string sql)
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT CAST(1.50 AS DECIMAL(18,2)) AS x;");
        Assert.Contains("Division by zero", Assert.ThrowsAny<DuckDBException>(() => db.Rows(sql)).Message, StringComparison.Ordinal);
    }
}
