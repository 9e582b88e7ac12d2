using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Tests.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile35 (decision 315), the second attempt of hostile34's <c>||</c> bound (309, withdrawn by 314): a chain beside a
/// postfix cast keeps the cast on its operand, a refused chain is reported at its first <c>||</c> naming concat, and format
/// inside TRY binds. Expected answers are Trino's semantics (string.mdx: <c>||</c> concatenates texts; a cast binds tighter
/// than an operator) computed by hand from the literals; the refusal's words are Trino's FunctionResolver's
/// ("Unexpected parameters (…) for function concat": Trino's concat takes varchar, varbinary or arrays only).
/// </summary>
public sealed class Hostile35ConcatTests : IDisposable
{
    private readonly DemoEngineFixture fixture = new("strata-hostile35-", "CREATE SCHEMA ethereum; CREATE TABLE ethereum.blocks AS SELECT 1::BIGINT AS number");

    public void Dispose() => fixture.Dispose();

    private static string Translated(string sql) => DuneSqlTranslator.Translate(sql, default).Sql;

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Theory]
    [InlineData("SELECT 'r' || x::varchar FROM (VALUES 7) t(x)", "r7")]
    [InlineData("SELECT '7'::varchar || s FROM (VALUES 'a') t(s)", "7a")]
    [InlineData("SELECT 'a' || x::varchar || 'b' FROM (VALUES 1) t(x)", "a1b")]
    [InlineData("SELECT lpad('', 3, 'x') || x::varchar FROM (VALUES 5) t(x)", "xxx5")]
    [InlineData("SELECT s || x::decimal(10,2)::varchar FROM (VALUES ('a', 1.5)) t(s, x)", "a1.50")]
    [InlineData("SELECT (s || 'b')::varchar FROM (VALUES 'a') t(s)", "ab")]
    [InlineData("SELECT x::varchar || '-' || y::varchar FROM (VALUES (1, 2)) t(x, y)", "1-2")]
    public void A_chain_beside_a_postfix_cast_keeps_the_cast_on_its_operand(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_chain_with_cast_operands_is_one_bounded_call()
    {
        string sql = Translated("SELECT 'a' || x::varchar || 'b' || y::varchar FROM t");
        Assert.Equal(1, Count(sql, "dune_concat("));
        Assert.DoesNotContain("||", sql, StringComparison.Ordinal);
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(
            "SELECT length(rpad('', 9000000, 'a') || x::varchar || rpad('', 9000000, 'b')) FROM (VALUES 1) t(x)"));
        Assert.Contains("concat: the answer's size (its operands' bytes added) is past 16777216", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Trino's || takes varchar, varbinary or arrays: a number operand is refused, at the operator (Trino reports the
    // concatenation's position), naming concat, not the first operand's function.
    [InlineData("SELECT lpad('', 3, 'x') || i FROM (VALUES 1) t(i)", "Unexpected parameters (varchar, integer) for function concat", "||")]
    [InlineData("SELECT CAST('name ' AS varchar) || r FROM (VALUES CAST(1 AS bigint)) t(r)", "Unexpected parameters (varchar, bigint) for function concat", "||")]
    // Trino's concat has no varchar-varbinary form: a string literal beside a hash is refused, not read as its bytes
    // (review A of 315: 'https://etherscan.io/tx/' || hash answered a varbinary of the text's UTF-8 and the hash).
    [InlineData("SELECT 'tx ' || b FROM (VALUES from_hex('4b9b')) t(b)", "Unexpected parameters (varchar, varbinary) for function concat", "||")]
    [InlineData("SELECT b || ' tx' FROM (VALUES from_hex('4b9b')) t(b)", "Unexpected parameters (varbinary, varchar) for function concat", "||")]
    [InlineData("SELECT concat('tx ', b) FROM (VALUES from_hex('4b9b')) t(b)", "Unexpected parameters (varchar, varbinary) for function concat", "concat")]
    public void A_number_operand_is_refused_at_the_first_operator_naming_concat(string sql, string message, string marker)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, []);
        var error = Assert.Throws<QueryFailedException>(() => fixture.Engine.Execute(request,
            schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None)).Error;
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((1, sql.IndexOf(marker, StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("SELECT try(format('%s-%s', s, s)) FROM (VALUES 'a') t(s)", "a-a")]
    [InlineData("SELECT try(format('%s=%d', s, 7)) FROM (VALUES 'k') t(s)", "k=7")]
    public void Format_inside_try_answers(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }
}
