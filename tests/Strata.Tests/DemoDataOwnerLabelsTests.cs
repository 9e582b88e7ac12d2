using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// labels.owner_details and labels.owner_addresses: the columns of Dune's docs pages (curated/labels/owner-details.mdx,
/// owner-addresses.mdx), and owners that are the demo's own exchanges (cex.addresses) and DEX routers.
/// </summary>
public sealed class DemoDataOwnerLabelsTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    [Fact]
    public void Owner_tables_have_the_docs_columns_in_order()
    {
        DemoDataTests.AssertDuneColumns(Db, "labels.owner_details",
            "name varchar, owner_key varchar, website varchar, dune_team varchar, project_documentation varchar, project_github_url varchar, "
            + "social varchar, primary_category varchar, category_tags varchar, country_name varchar, description varchar, created_at timestamp, "
            + "created_by varchar, updated_at timestamp, updated_by varchar");
        DemoDataTests.AssertDuneColumns(Db, "labels.owner_addresses",
            "address varbinary, blockchain varchar, owner_key varchar, account_owner varchar, custody_owner varchar, contract_name varchar, "
            + "contract_version varchar, eoa boolean, factory_contract boolean, source varchar, identifying_transaction varchar, "
            + "algorithm_name varchar, source_website varchar, source_evidence varchar, created_at timestamp, created_by varchar, "
            + "updated_at timestamp, updated_by varchar");
    }

    [Fact]
    public void Every_exchange_wallet_is_an_owner_address_in_the_exchanges_custody()
    {
        var details = fixture.Rows("SELECT owner_key, name, website FROM labels.owner_details").ToDictionary(r => r[0], r => (Name: r[1], Website: r[2]));
        Assert.Equal(details.Count, Count("SELECT count(DISTINCT owner_key) FROM labels.owner_details"));
        var owned = fixture.Rows("""
            SELECT lower(hex(address)), blockchain, owner_key, custody_owner, account_owner, contract_name, eoa::VARCHAR, source_website
            FROM labels.owner_addresses
            """);
        Assert.Equal(owned.Count, owned.Select(r => (r[0], r[1])).Distinct().Count());
        var byAddress = owned.ToDictionary(r => (r[0], r[1]));
        // each row of cex.addresses, read raw here: its exchange's key, custody, an EOA
        var wallets = fixture.Rows("SELECT lower(hex(address)), blockchain, cex_name FROM cex.addresses");
        Assert.True(wallets.Count >= 20, $"{wallets.Count} exchange wallets");
        foreach (var w in wallets)
        {
            var o = byAddress[(w[0], w[1])];
            Assert.Equal(w[2].ToLowerInvariant(), o[2]);
            Assert.Equal(w[2], o[3]);
            Assert.Equal(details[o[2]].Name, o[3]);
            Assert.Equal("true", o[6], ignoreCase: true);
            Assert.Equal("", o[5]);
            Assert.Equal(details[o[2]].Website, o[7]);
        }
        // the rest are the DEX routers, contracts of their protocol (labels.addresses names them)
        var routers = owned.Where(o => !wallets.Any(w => w[0] == o[0] && w[1] == o[1])).ToList();
        Assert.Equal(["sushiswap", "uniswap"], routers.Select(r => r[2]).Order(StringComparer.Ordinal));
        foreach (var r in routers)
        {
            Assert.Equal("false", r[6], ignoreCase: true);
            Assert.Equal(details[r[2]].Name, r[4]);
            Assert.Equal("UniswapV2Router02", r[5]);
            string label = (string)fixture.Scalar($"SELECT name FROM labels.addresses WHERE address = unhex('{r[0]}')")!;
            Assert.StartsWith(r[2] == "uniswap" ? "Uniswap" : "SushiSwap", label, StringComparison.Ordinal);
        }
        // every owner has an address, and every address an owner
        Assert.Equal(details.Keys.Order(StringComparer.Ordinal), owned.Select(o => o[2]).Distinct().Order(StringComparer.Ordinal));
    }
}
