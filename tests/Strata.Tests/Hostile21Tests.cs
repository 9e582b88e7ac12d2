using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile21 (docs/notes/hostile21.md): JSON_TABLE's bounds (decision 217) hold for the inputs one call of its native
/// function evaluates together (DuckDB passes up to 2,048 context items at once and holds all their rows), not only for
/// each input alone: inputs each within the bounds could together fill the worker's memory.
/// </summary>
public sealed class Hostile21JsonTableTests
{
    /// <summary>count inputs, each an array of items elements (one made distinct by its last element), whose three
    /// sibling NESTED paths CROSS to items³ rows an input.</summary>
    private static string Crossed(int inputs, int items) =>
        "SELECT count(*) FROM (SELECT '[' || array_join(repeat('0', " + (items - 1) + "), ',') || ',' || CAST(i AS varchar) || ']' AS j "
        + "FROM UNNEST(sequence(1, " + inputs + ")) t(i)) s CROSS JOIN JSON_TABLE(s.j, 'lax $' COLUMNS ("
        + "NESTED PATH 'lax $[*]' COLUMNS (a varchar PATH 'lax $'), NESTED PATH 'lax $[*]' COLUMNS (b varchar PATH 'lax $'), "
        + "NESTED PATH 'lax $[*]' COLUMNS (c varchar PATH 'lax $')) PLAN DEFAULT (CROSS))";

    /// <summary>One thread: DuckDB's threads share out the distinct inputs, and the two inputs here are then evaluated
    /// in one call (as a worker's two threads get up to 2,048 each from a larger input).</summary>
    private static DuneSql.DuneSqlDb OneThread()
    {
        var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 1");
        return db;
    }

    [Fact]
    public void Inputs_within_the_row_bound_alone_are_bounded_together()
    {
        // Two inputs of 86 items: 636,056 rows each, within the 1,000,000 of one input; 1,272,112 together. Before: answered
        // (twenty such inputs held 4.9 GB and met the worker's memory stop after 40 s on the server).
        using var db = OneThread();
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Rows(Crossed(2, 86)));
        Assert.Contains("JSON_TABLE: the JSON inputs evaluated together give more than 1,000,000 rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_within_the_bounds_together_answer()
    {
        // Three inputs of 30 items: 27,000 rows each, 81,000 together.
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("81000", db.Scalar(Crossed(3, 30)));
    }

    [Fact]
    public void Inputs_within_the_character_bound_alone_are_bounded_together()
    {
        // Each input: a 1 MB member repeated on each of 40 nested rows, 40 Mi characters of cells (within the 64 Mi of one
        // input; 40 rows of a 1 MB input are within its 512 MiB of repeated bytes); two inputs pass 64 Mi together.
        using var db = OneThread();
        string sql = "SELECT count(*) FROM (SELECT '{\"p\": \"' || lpad('', 1048576, 'x') || '\", \"a\": [' || array_join(repeat('0', 39), ',') || ',' || CAST(i AS varchar) || ']}' AS j "
            + "FROM UNNEST(sequence(1, 2)) t(i)) s CROSS JOIN JSON_TABLE(s.j, 'lax $' COLUMNS (p varchar PATH 'lax $.p', NESTED PATH 'lax $.a[*]' COLUMNS (a varchar PATH 'lax $')))";
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Rows(sql));
        Assert.Contains("JSON_TABLE: the JSON inputs evaluated together give more than 67,108,864 characters of column values", e.Message, StringComparison.Ordinal);
    }
}
