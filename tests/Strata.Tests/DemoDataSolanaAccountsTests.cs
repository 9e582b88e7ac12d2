using System.Buffers.Binary;
using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// solana.account_activity and solana.instruction_calls: Dune's columns, one row per account key / instruction of
/// solana.transactions, and balances that run from each transaction to the account's next one.
/// </summary>
public sealed class DemoDataSolanaAccountsTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    internal const string InnerInstructions = "array(row(account_arguments array(varchar), data varbinary, executing_account varchar))";

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook sources/_base_sources/other/solana_base_sources.yml (writable as spellbook's models spell it, address_prefix
        // which they filter on); types as solana.transactions' balances (lamports bigint, token amounts double)
        {
            "solana.account_activity",
            $"block_slot bigint, block_hash varchar, block_time {Tz}, block_date date, address varchar, tx_index integer, tx_id varchar, "
            + "tx_success boolean, signed boolean, writable boolean, pre_balance bigint, pre_token_balance double, post_balance bigint, "
            + "post_token_balance double, balance_change bigint, token_balance_change double, token_balance_owner varchar, "
            + "token_mint_address varchar, address_prefix varchar"
        },
        // the same yml, types from Dune's former docs page (plus executing_account_prefix, which spellbook's models filter on)
        {
            "solana.instruction_calls",
            $"block_slot bigint, block_hash varchar, block_time {Tz}, block_date date, index integer, tx_index integer, "
            + "outer_instruction_index integer, inner_instruction_index integer, outer_executing_account varchar, "
            + "inner_executing_account varchar, executing_account varchar, data varbinary, is_inner boolean, account_arguments array(varchar), "
            + $"inner_instructions {InnerInstructions}, tx_signer varchar, tx_id varchar, tx_success boolean, log_messages array(varchar), "
            + "executing_account_prefix varchar"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Account_activity_is_each_account_key_with_its_transactions_balances()
    {
        long keys = Count("SELECT sum(len(account_keys))::BIGINT FROM solana.transactions");
        Assert.Equal(keys, Count("SELECT count(*) FROM solana.account_activity"));
        // each row is the key at its place: same transaction, slot, hash, time; balances from the transaction's arrays
        Assert.Equal(keys, Count("""
            SELECT count(*) FROM (
                SELECT t.*, unnest(range(len(t.account_keys))) + 1 AS k FROM solana.transactions t) t
            JOIN solana.account_activity a ON a.tx_id = t.id AND a.address = t.account_keys[k]
            WHERE a.block_slot = t.block_slot AND a.block_hash = t.block_hash AND a.block_time = t.block_time AND a.block_date = t.block_date
              AND a.tx_index = t."index" AND a.tx_success = t.success
              AND a.pre_balance = t.pre_balances[k] AND a.post_balance = t.post_balances[k] AND a.balance_change = a.post_balance - a.pre_balance
              AND a.signed = (k <= t.required_signatures) AND a.writable = (k <= len(t.account_keys) - t.readonly_unsigned_accounts)
              AND a.address_prefix = substr(a.address, 1, 2)
            """));
        // token accounts are the transaction's token balance entries, with their mint, owner and amounts
        long tokenRows = Count("SELECT count(*) FROM solana.account_activity WHERE token_mint_address IS NOT NULL");
        Assert.Equal(Count("SELECT sum(len(pre_token_balances))::BIGINT FROM solana.transactions"), tokenRows);
        Assert.Equal(tokenRows, Count("""
            SELECT count(*) FROM (
                SELECT id, unnest(pre_token_balances) AS p, unnest(post_token_balances) AS q FROM solana.transactions) t
            JOIN solana.account_activity a ON a.tx_id = t.id AND a.address = t.p.account
            WHERE t.p.account = t.q.account AND a.token_mint_address = t.p.mint AND a.token_balance_owner = t.p.owner
              AND a.pre_token_balance = t.p.amount AND a.post_token_balance = t.q.amount
              AND abs(a.token_balance_change - (a.post_token_balance - a.pre_token_balance)) <= 1e-9 * greatest(1, a.pre_token_balance)
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM solana.account_activity
            WHERE token_mint_address IS NULL AND (token_balance_owner IS NOT NULL OR pre_token_balance IS NOT NULL OR token_balance_change IS NOT NULL)
            """));
        // every transfer's token accounts show its amount moving in that transaction
        Assert.Equal(0, Count("""
            SELECT count(*) FROM tokens_solana.transfers r
            WHERE r.token_version <> 'native' AND NOT EXISTS (
                SELECT 1 FROM solana.account_activity a JOIN solana.account_activity b ON b.tx_id = a.tx_id
                WHERE a.tx_id = r.tx_id AND a.address = r.from_token_account AND b.address = r.to_token_account
                  AND a.token_balance_change < 0 AND b.token_balance_change > 0 AND a.token_mint_address = r.token_mint_address)
            """));
    }

    [Fact]
    public void Balances_run_from_each_transaction_to_the_accounts_next_and_add_up()
    {
        // replayed here: per address in (slot, index) order, a pre balance is the previous post balance; nothing negative
        var lamports = new Dictionary<string, long>(StringComparer.Ordinal);
        var tokens = new Dictionary<string, double>(StringComparer.Ordinal);
        var feeSum = new Dictionary<string, long>(StringComparer.Ordinal);
        var mintSum = new Dictionary<(string, string), (double Sum, double Size)>();
        int rows = 0, chained = 0;
        foreach (var row in fixture.Rows("""
            SELECT address, tx_id, pre_balance, post_balance, balance_change, token_mint_address,
                   pre_token_balance, post_token_balance
            FROM solana.account_activity ORDER BY block_slot, tx_index, address
            """))
        {
            rows++;
            long pre = long.Parse(row[2], CultureInfo.InvariantCulture), post = long.Parse(row[3], CultureInfo.InvariantCulture);
            Assert.Equal(post - pre, long.Parse(row[4], CultureInfo.InvariantCulture));
            Assert.True(post >= 0, $"{row[0]}: {post} lamports");
            if (lamports.TryGetValue(row[0], out long before))
            {
                Assert.Equal(before, pre);
                chained++;
            }
            lamports[row[0]] = post;
            feeSum[row[1]] = feeSum.GetValueOrDefault(row[1]) + post - pre;
            if (row[5].Length > 0)
            {
                double tokenPre = double.Parse(row[6], CultureInfo.InvariantCulture), tokenPost = double.Parse(row[7], CultureInfo.InvariantCulture);
                Assert.True(tokenPost >= 0, $"{row[0]}: {tokenPost} tokens");
                if (tokens.TryGetValue(row[0], out double tokenBefore))
                {
                    Assert.Equal(tokenBefore, tokenPre);
                }
                tokens[row[0]] = tokenPost;
                var (sum, size) = mintSum.GetValueOrDefault((row[1], row[5]));
                mintSum[(row[1], row[5])] = (sum + tokenPost - tokenPre, Math.Max(size, Math.Max(tokenPre, tokenPost)));
            }
        }
        Assert.True(chained > rows / 2, $"{chained} of {rows} rows follow an earlier one");
        // per transaction the lamports fall by the fee, and each mint's token changes sum to zero
        var fees = fixture.Rows("SELECT id, fee FROM solana.transactions").ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal(fees.Count, feeSum.Count);
        foreach (var (tx, sum) in feeSum)
        {
            Assert.Equal(-fees[tx], sum);
        }
        Assert.NotEmpty(mintSum);
        Assert.All(mintSum, p => Assert.True(Math.Abs(p.Value.Sum) <= 1e-12 * p.Value.Size, $"{p.Key}: {p.Value.Sum}"));
        // a SOL transfer's lamports reach the recipient; failed transactions move nothing but the fee
        Assert.True(Count("SELECT count(*) FROM solana.account_activity WHERE balance_change > 0") > 0);
        Assert.Equal(0, Count("SELECT count(*) FROM solana.account_activity WHERE NOT tx_success AND (NOT signed AND balance_change <> 0 OR token_balance_change <> 0)"));
    }

    [Fact]
    public void Instruction_calls_are_the_transactions_instructions_and_inner_instructions()
    {
        long outer = Count("SELECT sum(len(instructions))::BIGINT FROM solana.transactions");
        long inner = Count("SELECT sum(len(i.inner_instructions))::BIGINT FROM (SELECT unnest(instructions) AS i FROM solana.transactions)");
        Assert.True(inner > 0);
        Assert.Equal(outer, Count("SELECT count(*) FROM solana.instruction_calls WHERE NOT is_inner AND inner_instruction_index IS NULL"));
        Assert.Equal(inner, Count("SELECT count(*) FROM solana.instruction_calls WHERE is_inner AND inner_instruction_index >= 1"));
        Assert.Equal(outer + inner, Count("SELECT count(*) FROM solana.instruction_calls"));
        // each row is the instruction at its indexes (from 1), with the transaction's columns
        Assert.Equal(outer + inner, Count("""
            SELECT count(*) FROM solana.instruction_calls c JOIN solana.transactions t ON t.id = c.tx_id
            WHERE c.block_slot = t.block_slot AND c.block_hash = t.block_hash AND c.block_time = t.block_time AND c.tx_index = t."index"
              AND c.tx_signer = t.signer AND c.tx_success = t.success AND c.log_messages = t.log_messages
              AND c."index" = c.outer_instruction_index - 1
              AND c.outer_executing_account = t.instructions[c.outer_instruction_index].executing_account
              AND c.executing_account = coalesce(c.inner_executing_account, c.outer_executing_account)
              AND c.executing_account_prefix = substr(c.executing_account, 1, 2)
              AND CASE WHEN c.is_inner
                       THEN c.data = t.instructions[c.outer_instruction_index].inner_instructions[c.inner_instruction_index].data
                            AND c.account_arguments = t.instructions[c.outer_instruction_index].inner_instructions[c.inner_instruction_index].account_arguments
                            AND c.inner_executing_account = t.instructions[c.outer_instruction_index].inner_instructions[c.inner_instruction_index].executing_account
                            AND len(c.inner_instructions) = 0
                       ELSE c.data = t.instructions[c.outer_instruction_index].data AND c.inner_executing_account IS NULL
                            AND c.account_arguments = t.instructions[c.outer_instruction_index].account_arguments
                            AND c.inner_instructions = t.instructions[c.outer_instruction_index].inner_instructions END
            """));
        // every token transfer is a Token or System program call at the indexes tokens_solana.transfers names
        Assert.Equal(Count("SELECT count(*) FROM tokens_solana.transfers"), Count("""
            SELECT count(*) FROM tokens_solana.transfers r JOIN solana.instruction_calls c
              ON c.tx_id = r.tx_id AND c.outer_instruction_index = r.outer_instruction_index
             AND coalesce(c.inner_instruction_index, 0) = r.inner_instruction_index
            WHERE c.executing_account IN ('11111111111111111111111111111111', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA')
              AND c.outer_executing_account = r.outer_executing_account
            """));
        // the compute budget's instruction comes first: SetComputeUnitPrice (3) and a little-endian u64, decoded here
        int budgets = 0;
        foreach (var row in fixture.Rows($"""
            SELECT hex(data) FROM solana.instruction_calls WHERE outer_instruction_index = 1
            """))
        {
            byte[] data = Convert.FromHexString(row[0]);
            Assert.Equal(9, data.Length);
            Assert.Equal(3, data[0]);
            Assert.InRange(BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(1)), 1000UL, 100_999UL);
            budgets++;
        }
        Assert.Equal(Count("SELECT count(*) FROM solana.transactions"), budgets);
        Assert.Equal(0, Count($"SELECT count(*) FROM solana.instruction_calls WHERE outer_instruction_index = 1 AND executing_account <> '{DemoData.SolanaComputeBudgetProgram}'"));
    }
}
