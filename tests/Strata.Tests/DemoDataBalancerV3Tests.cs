using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild11: Balancer V3's decoded Vault events (<c>balancer_v3_&lt;chain&gt;.Vault_evt_Swap</c> and
/// <c>Vault_evt_PoolRegistered</c>), Dune's multichain views of them and <c>labels.balancer_v3_pools</c>, with Dune's
/// columns and consistent with the chains' transactions, the demo prices and each other.
/// </summary>
public sealed class DemoDataBalancerV3Tests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, ";

    // The V3 Vault's events: Swap(pool, tokenIn, tokenOut, amountIn, amountOut, swapFeePercentage, swapFeeAmount) and
    // PoolRegistered(pool, factory, tokenConfig, swapFeePercentage, pauseWindowEndTime, roleAccounts, hooksConfig,
    // liquidityManagement), the structs decoded to JSON strings (spellbook reads json_extract_scalar(token, '$.token')).
    private const string Swap = "pool varbinary, tokenIn varbinary, tokenOut varbinary, amountIn uint256, amountOut uint256, swapFeePercentage uint256, swapFeeAmount uint256";

    private const string Registered = "pool varbinary, factory varbinary, tokenConfig array(varchar), swapFeePercentage uint256, pauseWindowEndTime bigint, "
        + "roleAccounts varchar, hooksConfig varchar, liquidityManagement varchar";

    private static readonly string[] Chains = ["ethereum", "arbitrum", "base", "gnosis", "avalanche_c"];

    public static TheoryData<string, string> Schemas => new()
    {
        { "balancer_v3_ethereum.Vault_evt_Swap", Evt + Swap },
        { "balancer_v3_gnosis.Vault_evt_Swap", Evt + Swap },
        { "balancer_v3_arbitrum.Vault_evt_PoolRegistered", Evt + Registered },
        // Dune's multichain decoded tables: the chain first, then the contract's decoded columns.
        { "balancer_v3_multichain.vault_evt_swap", "chain varchar, " + Evt + Swap },
        { "balancer_v3_multichain.vault_evt_poolregistered", "chain varchar, " + Evt + Registered },
        // dex/models/_projects/balancer/labels/<chain>/labels_balancer_v3_pools_<chain>.sql
        {
            "labels.balancer_v3_pools",
            "blockchain varchar, address varbinary, name varchar, pool_type varchar, category varchar, contributor varchar, source varchar, "
            + "created_at timestamp, updated_at timestamp, model_name varchar, label_type varchar"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Balancer_v3_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void V3_swaps_are_in_successful_transactions_on_registered_pools_of_the_swapped_tokens()
    {
        foreach (string chain in Chains)
        {
            long swaps = Count($"SELECT count(*) FROM balancer_v3_{chain}.\"Vault_evt_Swap\"");
            Assert.True(swaps > 0, chain);
            // Each swap: a successful transaction of the chain (hash, block, sender, time), on a pool registered before it,
            // between the pool's two tokens (read from tokenConfig as spellbook does), the pool's fee taken from the amount in.
            Assert.Equal(swaps, Count($"""
                SELECT count(*) FROM balancer_v3_{chain}."Vault_evt_Swap" s
                JOIN {chain}.transactions t ON t.hash = s.evt_tx_hash AND t.block_number = s.evt_block_number AND t."from" = s.evt_tx_from
                    AND t.block_time = s.evt_block_time AND t.success
                JOIN balancer_v3_{chain}."Vault_evt_PoolRegistered" r ON r.pool = s.pool AND r.evt_block_time < s.evt_block_time
                    AND r."swapFeePercentage" = s."swapFeePercentage"
                WHERE list_sort([s."tokenIn", s."tokenOut"]) = list_sort([unhex(substr(json_extract_string("tokenConfig"[1], '$.token'), 3)),
                                                                         unhex(substr(json_extract_string("tokenConfig"[2], '$.token'), 3))])
                  AND abs(CAST(s."swapFeeAmount" AS DOUBLE) - CAST(s."amountIn" AS DOUBLE) * CAST(s."swapFeePercentage" AS DOUBLE) / 1e18)
                      <= greatest(1, 1e-9 * CAST(s."swapFeeAmount" AS DOUBLE))
                  AND CAST(s."amountOut" AS DOUBLE) > 0
                """));
            // No transaction holds both a V2 and a V3 swap; the V3 log indexes are clear of the V2 ones.
            Assert.Equal(0, Count($"""
                SELECT count(*) FROM balancer_v3_{chain}."Vault_evt_Swap" s JOIN balancer_v2_{chain}."Vault_evt_Swap" v ON v.evt_tx_hash = s.evt_tx_hash
                """));
        }
        // At the demo's fixed prices: a pool's swaps in one direction all give the same amount out for an amount in net of
        // the fee (to the raw amounts' rounding), and their amounts in span at most 10 to 100,000 USD (a factor of 10^4).
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (
                SELECT chain, pool, "tokenIn",
                       max(CAST("amountOut" AS DOUBLE) / (CAST("amountIn" AS DOUBLE) - CAST("swapFeeAmount" AS DOUBLE))) AS hi,
                       min(CAST("amountOut" AS DOUBLE) / (CAST("amountIn" AS DOUBLE) - CAST("swapFeeAmount" AS DOUBLE))) AS lo,
                       max(CAST("amountIn" AS DOUBLE)) / min(CAST("amountIn" AS DOUBLE)) AS span
                FROM balancer_v3_multichain.vault_evt_swap GROUP BY ALL)
            WHERE hi / lo - 1 > 1e-3 OR span > 1.0001e4
            """));
    }

    [Fact]
    public void The_multichain_views_are_every_chains_rows_and_each_pool_has_its_label()
    {
        foreach (string table in new[] { "Vault_evt_Swap", "Vault_evt_PoolRegistered" })
        {
            string union = string.Join(" UNION ALL ", Chains.Select(c => $"SELECT '{c}' AS chain, * FROM balancer_v3_{c}.\"{table}\""));
            Assert.Equal(0, Count($"SELECT count(*) FROM (SELECT * FROM balancer_v3_multichain.{table.ToLowerInvariant()} EXCEPT ALL ({union}))"));
            Assert.Equal(0, Count($"SELECT count(*) FROM (({union}) EXCEPT ALL SELECT * FROM balancer_v3_multichain.{table.ToLowerInvariant()})"));
        }
        Assert.Equal(Chains.Length, Count("SELECT count(DISTINCT chain) FROM balancer_v3_multichain.vault_evt_swap"));
        Assert.Equal(Chains.Length * 15, Count("SELECT count(*) FROM balancer_v3_multichain.vault_evt_poolregistered"));
        Assert.Equal(Count("SELECT count(*) FROM labels.balancer_v3_pools"), Count("""
            SELECT count(*) FROM balancer_v3_multichain.vault_evt_poolregistered r
            JOIN labels.balancer_v3_pools l ON l.blockchain = r.chain AND l.address = r.pool AND l.category = 'balancer_v3_pool'
                AND l.model_name = 'balancer_v3_pools_' || r.chain
                AND (l.pool_type = 'stable') = (r."swapFeePercentage" = CAST(4e14 AS BIGNUM))
            """));
    }
}
