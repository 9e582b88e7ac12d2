using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Dune's incremental queries (query-engine/incremental-queries.mdx): TABLE(previous.query.result(schema =>
/// DESCRIPTOR(…))) is the previous result, and on a first run "an empty table (0 rows) with your specified schema". Strata
/// keeps no previous result for a query to read, so every run is a first one (branch dune-corpus2).</summary>
public sealed class DuneSqlIncrementalTests : IDisposable
{
    private readonly DuneSqlDb db = new("""
        CREATE SCHEMA ethereum;
        CREATE TABLE ethereum.transactions AS SELECT * FROM (VALUES
            (TIMESTAMPTZ '2024-01-01 10:00:00+00', 21000), (TIMESTAMPTZ '2024-01-01 11:00:00+00', 50000),
            (TIMESTAMPTZ '2024-01-02 09:00:00+00', 30000)) t(block_time, gas_used);
        """);

    public void Dispose() => db.Dispose();

    private const string Previous = """
        SELECT * FROM TABLE(previous.query.result(
            schema => DESCRIPTOR(
                day TIMESTAMP(3),
                tx_count BIGINT,
                total_gas BIGINT
            )
        ))
        """;

    [Fact]
    public void The_previous_result_of_a_first_run_is_empty_with_the_descriptors_columns()
    {
        Assert.Empty(db.Rows(Previous));
        var columns = db.Rows("DESCRIBE " + Previous).Select(r => r[0] + " " + r[1]);
        Assert.Equal(["day TIMESTAMP", "tx_count BIGINT", "total_gas BIGINT"], columns);
        // quoted names and Dune's own types (varbinary, uint256) as well
        var more = db.Rows("DESCRIBE "
            + "SELECT * FROM TABLE(previous.query.result(schema => DESCRIPTOR(\"Wallet\" varbinary, amount uint256, tags array(varchar))))");
        Assert.Equal(["Wallet BLOB", "amount uint256", "tags VARCHAR[]"], more.Select(r => r[0] + " " + r[1]));
    }

    [Fact]
    public void The_documented_incremental_pattern_computes_the_whole_result_on_its_first_run()
    {
        // The docs' pattern: previous rows before the cutoff, recomputed rows from it (the cutoff's default on a first run).
        // The day is shown as a date: the zone a UNION of the two sides keeps is the timestamp typing's concern, not this one's.
        Assert.Equal("2024-01-01,2,71000 | 2024-01-02,1,30000", string.Join(" | ", db.Rows("""
            SELECT date_format(day, '%Y-%m-%d'), tx_count, total_gas FROM (
            WITH prev AS (
            """ + Previous + """
            ),
            checkpoint AS (
                SELECT COALESCE(MAX(day), TIMESTAMP '2020-01-01') - INTERVAL '1' DAY AS cutoff
                FROM prev
            )
            SELECT day, tx_count, total_gas
            FROM prev
            WHERE day < (SELECT cutoff FROM checkpoint)
            UNION ALL
            SELECT
                date_trunc('day', block_time) AS day,
                COUNT(*) AS tx_count,
                SUM(gas_used) AS total_gas
            FROM ethereum.transactions
            WHERE block_time >= (SELECT cutoff FROM checkpoint)
            GROUP BY 1
            ) ORDER BY 1
            """).Select(r => string.Join(",", r))));
    }

    [Theory]
    [InlineData("SELECT * FROM TABLE(previous.query.result())", "previous.query.result needs the result's columns: schema => DESCRIPTOR(name type, …)")]
    [InlineData("SELECT * FROM TABLE(previous.query.result(schema => DESCRIPTOR()))", "previous.query.result needs at least one column in DESCRIPTOR(name type, …)")]
    [InlineData("SELECT * FROM TABLE(previous.query.result(schema => DESCRIPTOR(day)))", "Each DESCRIPTOR column is a name and a type")]
    [InlineData("SELECT * FROM TABLE(previous.query.result(schema => DESCRIPTOR(day nosuchtype)))", "Unknown type: nosuchtype")]
    public void A_previous_result_without_its_columns_is_refused_at_its_place(string sql, string message)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains(message, e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Error.Line);
    }
}
