using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>tokens_&lt;chain&gt;.erc20: spellbook's per-chain token lists, the chain's rows of tokens.erc20.</summary>
public sealed class DemoDataTokenListsTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    public static TheoryData<string> Chains => ["ethereum", .. DemoData.OtherChains.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Chains))]
    public void Each_chains_list_is_its_rows_of_tokens_erc20(string chain)
    {
        // spellbook sources/_subprojects_outputs/tokens/_sources.yml
        DemoDataTests.AssertDuneColumns(Db, $"tokens_{chain}.erc20", "contract_address varbinary, symbol varchar, decimals integer");
        long rows = Count($"SELECT count(*) FROM tokens.erc20 WHERE blockchain = '{chain}'");
        Assert.True(rows >= 10, $"{chain}: {rows} tokens");
        Assert.Equal(rows, Count($"SELECT count(*) FROM tokens_{chain}.erc20"));
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM (
                SELECT contract_address, symbol, decimals FROM tokens.erc20 WHERE blockchain = '{chain}'
                EXCEPT ALL SELECT * FROM tokens_{chain}.erc20)
            """));
        Assert.Equal(rows, Count($"SELECT count(DISTINCT contract_address) FROM tokens_{chain}.erc20"));
    }
}
