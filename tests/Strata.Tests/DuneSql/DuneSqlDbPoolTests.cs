namespace Strata.Tests.DuneSql;

/// <summary>Test-speed2 (decision 257): a test database goes back to the pool only in the state of a new one. Each change a
/// case can make that the reset does not undo keeps it out; a case's own tables in the <c>dune</c> catalog are gone after
/// the reset.</summary>
public sealed class DuneSqlDbPoolTests
{
    [Theory]
    [InlineData("SET integer_division = false")]
    [InlineData("SET TimeZone = 'America/New_York'")]
    [InlineData("SET threads = 1")]
    [InlineData("SET default_collation = 'nocase'")]
    [InlineData("CREATE TEMP TABLE t (x INTEGER)")]
    [InlineData("CREATE TABLE memory.main.t (x INTEGER)")]
    [InlineData("CREATE SCHEMA memory.s")]
    [InlineData("CREATE TYPE memory.main.mood AS ENUM ('a', 'b')")]
    [InlineData("CREATE SEQUENCE memory.main.s")]
    [InlineData("SET VARIABLE v = 1")]
    [InlineData("ATTACH ':memory:' AS other")]
    [InlineData("BEGIN TRANSACTION")]
    [InlineData("USE memory; DETACH dune")]
    public void A_change_the_reset_does_not_undo_keeps_the_database_out_of_the_pool(string change)
    {
        var (connection, fresh) = DuneSqlDb.Pool.Take();
        try
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = change;
                command.ExecuteNonQuery();
            }
            Assert.False(DuneSqlDb.Pool.Reusable(connection, fresh));
        }
        finally
        {
            connection.Dispose();
        }
    }

    [Theory]
    [InlineData("CREATE OR REPLACE TEMP MACRO dune_pivot_yy(t) AS t")]
    [InlineData("create temp macro m(x) AS x + 1")]
    [InlineData("CREATE FUNCTION f(x) AS x")]
    public void A_text_that_may_make_a_function_keeps_the_database_out_of_the_pool(string change)
    {
        // The state check does not read duckdb_functions() (its cost): the text decides.
        var db = new DuneSqlDb();
        db.Exec(change);
        Assert.True(db.MadeFunctions);
        db.Dispose();
    }

    [Fact]
    public void A_cases_own_tables_views_and_schemas_are_gone_after_the_reset()
    {
        var (connection, fresh) = DuneSqlDb.Pool.Take();
        try
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x; CREATE VIEW v AS SELECT * FROM s.t; CREATE TABLE t (y VARCHAR)";
                command.ExecuteNonQuery();
            }
            Assert.True(DuneSqlDb.Pool.Reusable(connection, fresh));
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'dune'";
            Assert.Equal(0L, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
            count.CommandText = "SELECT current_database()";
            Assert.Equal("dune", count.ExecuteScalar());
        }
        finally
        {
            connection.Dispose();
        }
    }

    [Fact]
    public void A_reused_database_answers_as_a_new_one()
    {
        // The prelude (integer division, UTC) and a time macro hold on a database whatever case had it before.
        for (int i = 0; i < 3; i++)
        {
            using var db = new DuneSqlDb("CREATE TABLE t AS SELECT 7 AS x");
            Assert.Equal("3", db.Scalar("SELECT x / 2 FROM t"));
            Assert.Equal("0 00:00:01.000", db.Scalar("SELECT CAST(interval '1' second AS varchar)"));
            Assert.Equal("UTC", db.Scalar("SELECT current_timezone()"));
        }
    }
}
