namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 320 (docs/notes/dune-wild31.md): a varbinary operand against a string literal. Trino's TypeCoercion
/// gives varbinary and varchar no common super type, so the analyzer refuses the comparison at the operator
/// ("Cannot apply operator: varbinary = varchar(42)", the operator as Trino resolves it: = for &lt;&gt;) and an IN list at
/// its first string ("IN value and list items must be the same type: varbinary"); dune-docs' datatypes.mdx writes
/// addresses as unquoted <c>0x…</c> varbinary literals. The probe's real query (karolsudol/dune-query's trades.sql,
/// <c>buy_token_address = '0xC02a…'</c> over cow_protocol_ethereum.trades) answered no rows on main: DuckDB cast the
/// string's characters to a BLOB.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild31Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    // A column of a known table.
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE \"to\" = '0xdAC17F958D2ee523a2206206994597C13D831ec7'",
        "Cannot apply operator: varbinary = varchar(42)")]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE '0xdAC17F958D2ee523a2206206994597C13D831ec7' <> \"from\"",
        "Cannot apply operator: varchar(42) = varbinary")]
    // Operands only DuckDB's binder types (a CTE's or a subquery's column): the guard refuses them per row.
    [InlineData("WITH t AS (SELECT 0x01 AS a) SELECT * FROM t WHERE a = '0x01'", "Cannot apply operator: varbinary = varchar(4)")]
    [InlineData("SELECT * FROM (SELECT from_hex('01') AS a) AS s WHERE a <> '01'", "Cannot apply operator: varbinary = varchar(2)")]
    [InlineData("WITH t AS (SELECT 0x01 AS a) SELECT a IN ('0x01', '0x02') FROM t", "IN value and list items must be the same type: varbinary")]
    public async Task A_varbinary_operand_against_a_string_literal_is_refused(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task Varbinary_against_varbinary_and_text_against_text_still_answer()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "WITH t AS (SELECT * FROM (VALUES (0x01, 'a'), (0x02, 'b')) AS v(a, s)) "
            + "SELECT count_if(a = 0x01) AS eq, count_if(a IN (0x02, 0x03)) AS listed, count_if(s = 'b') AS text_eq, "
            + "count_if(to_hex(a) = '01') AS hex_eq FROM t");
        // 0x01 once; 0x02 in the list once; 'b' once; to_hex(0x01) is '01' (Trino's to_hex: upper-case hex, digits only).
        Assert.Equal(["eq,listed,text_eq,hex_eq", "1,1,1,1"], rows);
    }
}
