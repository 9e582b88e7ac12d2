using System.Buffers.Binary;
using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// ethereum.withdrawals and the Solana demo chain (solana.transactions, tokens_solana.fungible, tokens_solana.transfers,
/// dex_solana.trades): Dune's columns and types, and consistency with the blocks and with each other.
/// </summary>
public sealed class DemoDataSolanaTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private object? Scalar(string sql) => fixture.Scalar(sql);

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    internal const string Instructions =
        "array(row(account_arguments array(varchar), data varbinary, executing_account varchar, "
        + "inner_instructions array(row(account_arguments array(varchar), data varbinary, executing_account varchar))))";

    internal const string TokenBalances = "array(row(account varchar, mint varchar, owner varchar, amount double))";

    internal const string Error = "row(instruction_index integer, message varchar)";

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook sources/_base_sources/evm/ethereum_base_sources.yml, withdrawals
        {
            "ethereum.withdrawals",
            $"block_time {Tz}, block_number bigint, index bigint, validator_index bigint, amount decimal(38,0), address varbinary, "
            + "withdrawals_root varbinary, block_hash varbinary, block_date date"
        },
        // spellbook sources/_base_sources/other/solana_base_sources.yml (plus signer, the fee payer)
        {
            "solana.transactions",
            $"block_slot bigint, block_date date, block_time {Tz}, index integer, fee bigint, block_hash varchar, error {Error}, "
            + "required_signatures integer, readonly_signed_accounts integer, readonly_unsigned_accounts integer, id varchar, "
            + $"success boolean, recent_block_hash varchar, instructions {Instructions}, account_keys array(varchar), "
            + $"log_messages array(varchar), pre_balances array(bigint), post_balances array(bigint), pre_token_balances {TokenBalances}, "
            + $"post_token_balances {TokenBalances}, signatures array(varchar), signer varchar, signers array(varchar)"
        },
        // spellbook's tokens_solana_fungible model (the sqlmesh source's columns, plus name and token_uri, which Dune's docs read)
        {
            "tokens_solana.fungible",
            "token_mint_address varchar, decimals integer, name varchar, symbol varchar, token_uri varchar, "
            + $"created_at {Tz}, metadata_program varchar, token_version varchar, init_tx varchar"
        },
        // the sqlmesh source's columns with the last spellbook model's (tokens_solana_transfers.sql)
        {
            "tokens_solana.transfers",
            $"block_month date, block_date date, block_hour {Tz}, block_time {Tz}, block_slot bigint, action varchar, amount uint256, "
            + "fee double, amount_display double, amount_usd double, price_usd double, token_mint_address varchar, symbol varchar, "
            + "from_owner varchar, to_owner varchar, from_token_account varchar, to_token_account varchar, token_version varchar, "
            + "tx_signer varchar, tx_id varchar, tx_index integer, outer_instruction_index integer, inner_instruction_index integer, "
            + "outer_executing_account varchar"
        },
        // spellbook dbt_subprojects/solana/models/_sector/dex/dex_solana_trades.sql
        {
            "dex_solana.trades",
            $"blockchain varchar, project varchar, version integer, version_name varchar, block_month date, block_date date, block_time {Tz}, "
            + "block_slot bigint, trade_source varchar, token_bought_symbol varchar, token_sold_symbol varchar, token_pair varchar, "
            + "token_bought_amount double, token_sold_amount double, token_bought_amount_raw uint256, token_sold_amount_raw uint256, "
            + "amount_usd double, fee_tier double, fee_usd double, token_bought_mint_address varchar, token_sold_mint_address varchar, "
            + "token_bought_vault varchar, token_sold_vault varchar, project_program_id varchar, project_main_id varchar, trader_id varchar, "
            + "tx_id varchar, outer_instruction_index integer, inner_instruction_index integer, tx_index integer"
        },
        // spellbook dbt_subprojects/hourly_spellbook/models/_sector/prices/prices_usd_forward_fill.sql (a view)
        {
            "prices.usd_forward_fill",
            $"minute {Tz}, blockchain varchar, contract_address varbinary, decimals integer, symbol varchar, price double"
        },
    };

    [Fact]
    public void Forward_filled_prices_are_the_minute_prices_when_the_data_is_older_than_an_hour()
    {
        // generated in 2026-06: every minute is final, and the last hour up to now has no price to carry forward
        Assert.Equal(Count("SELECT count(*) FROM prices.usd"), Count("SELECT count(*) FROM prices.usd_forward_fill WHERE price IS NOT NULL"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT * FROM prices.usd EXCEPT ALL
                                  SELECT minute, blockchain, contract_address, symbol, decimals, price FROM prices.usd_forward_fill)
            """));
        Assert.InRange(Count("SELECT count(*) FROM prices.usd_forward_fill WHERE price IS NULL"), 60, 61);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Withdrawals_are_sixteen_per_block_in_the_demo_blocks_with_rising_indexes()
    {
        long rows = Count("SELECT count(*) FROM ethereum.withdrawals");
        long transactions = Count("SELECT count(*) FROM ethereum.transactions");
        Assert.InRange(rows, DemoData.WithdrawalRows(transactions) / 2, DemoData.WithdrawalRows(transactions) * 2 + 32);
        // every withdrawal in its block, at the block's time, hash and date; 16 per block
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.withdrawals w LEFT JOIN ethereum.blocks b ON b.number = w.block_number
            WHERE b.number IS NULL OR b.time <> w.block_time OR b.hash <> w.block_hash OR b.date <> w.block_date
            """));
        Assert.Equal(0, Count($"SELECT count(*) FROM (SELECT block_number FROM ethereum.withdrawals GROUP BY 1 HAVING count(*) <> {DemoData.WithdrawalsPerBlock})"));
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT block_number FROM ethereum.withdrawals GROUP BY 1 HAVING count(DISTINCT withdrawals_root) <> 1)"));
        // indexes unique and rising with the block number
        Assert.Equal(rows, Count("SELECT count(DISTINCT \"index\") FROM ethereum.withdrawals"));
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT \"index\" < lag(\"index\") OVER (ORDER BY block_number, \"index\") AS back FROM ethereum.withdrawals) WHERE back"));
        // gwei amounts: skims of 0.01-0.07 ETH, exits of 32 ETH and more
        Assert.Equal(0, Count("SELECT count(*) FROM ethereum.withdrawals WHERE amount < 10000000 OR amount >= 32070000000 OR (amount >= 70000000 AND amount < 32000000000)"));
        // about a third to Lido's real withdrawal vault; some to wallets that send demo transactions
        long lido = Count($"SELECT count(*) FROM ethereum.withdrawals WHERE address = unhex('{DemoData.LidoWithdrawalVault}')");
        Assert.InRange(lido, rows / 6, rows / 2);
        Assert.True(Count("SELECT count(*) FROM ethereum.withdrawals w WHERE EXISTS (SELECT 1 FROM ethereum.transactions t WHERE t.\"from\" = w.address)") > 0);
        // spread over the month
        Assert.True(Count("SELECT count(*) FROM ethereum.withdrawals WHERE block_time >= (SELECT max(time) FROM ethereum.blocks) - INTERVAL 7 DAY") > 0);
        Assert.True(Count("SELECT count(*) FROM ethereum.withdrawals WHERE block_time < (SELECT min(time) FROM ethereum.blocks) + INTERVAL 7 DAY") > 0);
    }

    [Fact]
    public void Solana_transactions_are_unique_in_slots_that_follow_time()
    {
        long rows = Count("SELECT count(*) FROM solana.transactions");
        Assert.True(rows >= 200);
        Assert.Equal(rows, Count("SELECT count(DISTINCT id) FROM solana.transactions"));
        Assert.Equal(rows, Count("SELECT count(DISTINCT (block_slot, \"index\")) FROM solana.transactions"));
        Assert.Equal(0, Count("SELECT count(*) FROM solana.transactions WHERE length(id) <> 88 OR length(signer) <> 44 OR signer <> signers[1] OR id <> signatures[1] OR signer <> account_keys[1]"));
        // 400 ms slots: the slot and the time rise together, within the second the time is truncated to
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT block_time < lag(block_time) OVER (ORDER BY block_slot, \"index\") AS back FROM solana.transactions) WHERE back"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM solana.transactions a, (SELECT min(block_slot) AS s0, min(block_time) AS t0 FROM solana.transactions) f
            WHERE abs(epoch(a.block_time) - epoch(f.t0) - (a.block_slot - f.s0) * 0.4) > 1.5
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM solana.transactions WHERE block_date <> CAST(timezone('UTC', block_time) AS DATE)"));
        Assert.True(Count("SELECT count(*) FROM solana.transactions WHERE block_time >= (SELECT max(time) FROM ethereum.blocks) - INTERVAL 7 DAY") > 0);
        // the fee payer pays the fee; balances line up with the account keys; failures carry an error and a failed log
        Assert.Equal(0, Count("SELECT count(*) FROM solana.transactions WHERE len(pre_balances) <> len(account_keys) OR len(post_balances) <> len(account_keys)"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM solana.transactions
            WHERE pre_balances[1] - post_balances[1] - fee <> CASE WHEN success AND instructions[2].executing_account = '11111111111111111111111111111111'
                                                                  THEN post_balances[2] - pre_balances[2] ELSE 0 END
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM solana.transactions WHERE success <> (error IS NULL) OR success <> NOT list_contains(list_transform(log_messages, lambda m: m LIKE '%failed%'), true)"));
        Assert.True(Count("SELECT count(*) FROM solana.transactions WHERE NOT success") > 0);
    }

    [Fact]
    public void Solana_transfers_are_the_token_instructions_of_successful_transactions()
    {
        long transfers = Count("SELECT count(*) FROM tokens_solana.transfers");
        // each transfer in its transaction: same slot, time, index, signer; the transaction succeeded
        Assert.Equal(transfers, Count("""
            SELECT count(*) FROM tokens_solana.transfers r JOIN solana.transactions t
              ON t.id = r.tx_id AND t.block_slot = r.block_slot AND t.block_time = r.block_time AND t."index" = r.tx_index
             AND t.signer = r.tx_signer AND t.success
            """));
        // the instruction it names moves that amount: decode the little-endian u64 of the instruction's data here
        using var command = Db.CreateCommand();
        command.CommandText = """
            SELECT r.amount::VARCHAR, r.inner_instruction_index,
                   CASE WHEN r.inner_instruction_index = 0 THEN t.instructions[r.outer_instruction_index].data
                        ELSE t.instructions[r.outer_instruction_index].inner_instructions[r.inner_instruction_index].data END,
                   r.token_version, r.from_token_account,
                   CASE WHEN r.inner_instruction_index = 0 THEN t.instructions[r.outer_instruction_index].account_arguments[1]
                        ELSE t.instructions[r.outer_instruction_index].inner_instructions[r.inner_instruction_index].account_arguments[1] END,
                   CASE WHEN r.inner_instruction_index = 0 THEN t.instructions[r.outer_instruction_index].executing_account
                        ELSE t.instructions[r.outer_instruction_index].executing_account END,
                   r.outer_executing_account
            FROM tokens_solana.transfers r JOIN solana.transactions t ON t.id = r.tx_id
            """;
        int checkedRows = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                byte[] data;
                using (var stream = reader.GetStream(2))
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    data = copy.ToArray();
                }
                bool native = reader.GetString(3) == "native";
                Assert.Equal(native ? (byte)2 : (byte)3, data[0]);
                ulong amount = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(native ? 4 : 1, 8));
                Assert.Equal(reader.GetString(0), amount.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(reader.GetString(4), reader.GetString(5));
                Assert.Equal(reader.GetString(6), reader.GetString(7));
                checkedRows++;
            }
        }
        Assert.Equal(transfers, checkedRows);
        // every mint is in tokens_solana.fungible, whose decimals scale the amount; stablecoins are worth their amount
        Assert.Equal(0, Count("""
            SELECT count(*) FROM tokens_solana.transfers r LEFT JOIN tokens_solana.fungible f ON f.token_mint_address = r.token_mint_address
            WHERE f.symbol IS NULL OR f.symbol <> r.symbol OR abs(r.amount_display - CAST(r.amount AS DOUBLE) / pow(10, f.decimals)) > 1e-9 * r.amount_display
               OR abs(r.amount_usd - r.amount_display * r.price_usd) > 1e-9 * r.amount_usd
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM tokens_solana.transfers WHERE symbol IN ('USDC', 'USDT') AND abs(price_usd - 1) > 0.002"));
        Assert.True(Count("SELECT count(*) FROM tokens_solana.transfers WHERE token_version = 'native'") > 0);
        Assert.True(Count("SELECT count(*) FROM tokens_solana.transfers WHERE token_mint_address = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'") > 0);
    }

    [Fact]
    public void Solana_trades_are_pairs_of_transfers_at_the_swap_instructions_offsets()
    {
        long trades = Count("SELECT count(*) FROM dex_solana.trades");
        Assert.True(trades > 0);
        // the sold leg is the transfer at inner index + 1 into the sold vault, the bought leg the one at + 2 out of the bought vault
        Assert.Equal(trades, Count("""
            SELECT count(*) FROM dex_solana.trades d
            JOIN tokens_solana.transfers s ON s.tx_id = d.tx_id AND s.outer_instruction_index = d.outer_instruction_index
             AND s.inner_instruction_index = d.inner_instruction_index + 1
             AND s.token_mint_address = d.token_sold_mint_address AND s.amount = d.token_sold_amount_raw AND s.to_token_account = d.token_sold_vault
             AND s.from_owner = d.trader_id
            JOIN tokens_solana.transfers b ON b.tx_id = d.tx_id AND b.outer_instruction_index = d.outer_instruction_index
             AND b.inner_instruction_index = d.inner_instruction_index + 2
             AND b.token_mint_address = d.token_bought_mint_address AND b.amount = d.token_bought_amount_raw AND b.from_token_account = d.token_bought_vault
             AND b.to_owner = d.trader_id
            """));
        // the pool's swap instruction sits where the trade says, run by the program it names, on the pool it names
        Assert.Equal(trades, Count("""
            SELECT count(*) FROM dex_solana.trades d JOIN solana.transactions t ON t.id = d.tx_id
            WHERE CASE WHEN d.inner_instruction_index = 0 THEN t.instructions[d.outer_instruction_index].executing_account
                       ELSE t.instructions[d.outer_instruction_index].inner_instructions[d.inner_instruction_index].executing_account END = d.project_main_id
              AND list_contains(t.account_keys, d.project_program_id)
              AND (d.trade_source = 'direct') = (d.inner_instruction_index = 0)
              AND (d.trade_source = 'direct' OR d.trade_source = t.instructions[d.outer_instruction_index].executing_account)
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM dex_solana.trades WHERE project NOT IN ('raydium', 'whirlpool') OR blockchain <> 'solana' OR amount_usd <= 0"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM dex_solana.trades
            WHERE token_pair <> CASE WHEN lower(token_bought_symbol) > lower(token_sold_symbol) THEN token_bought_symbol || '-' || token_sold_symbol
                                     ELSE token_sold_symbol || '-' || token_bought_symbol END
            """));
        Assert.True(Count("SELECT count(DISTINCT trade_source) FROM dex_solana.trades") == 2);
    }
}
