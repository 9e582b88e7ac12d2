namespace Strata.Engine.DuckDb;

/// <summary>
/// <c>ethereum.withdrawals</c>: the validator withdrawals (EIP-4895) the demo's Ethereum blocks carry. Columns and order
/// of spellbook's <c>sources/_base_sources/evm/ethereum_base_sources.yml</c> (block_time, block_number, index,
/// validator_index, amount, address, withdrawals_root, block_hash, block_date); <c>amount</c> in gwei, as every
/// reader divides it by 1e9 (Dune's docs example, spellbook's staking_ethereum_flows and lido models).
/// </summary>
public static partial class DemoData
{
    /// <summary>Withdrawals per block that has them (mainnet's MAX_WITHDRAWALS_PER_PAYLOAD).</summary>
    public const int WithdrawalsPerBlock = 16;

    /// <summary>Lido's withdrawal vault on mainnet (real): the receiver of about a third of the withdrawals.</summary>
    public const string LidoWithdrawalVault = "b9d7934878b5fb9610b3fe8a5e441e8fad7e293f";

    /// <summary>
    /// The withdrawal index at the reference block (Fusaka's, 2025-12-03): an estimate (16 a block since
    /// Shapella's 17,034,870, most blocks full).
    /// </summary>
    private const long ReferenceWithdrawalIndex = 110_000_000;

    /// <summary>Validators the sweep visits (mainnet had about 2.1 million indexes by the end of 2025).</summary>
    private const long Validators = 2_100_000;

    /// <summary>About one withdrawal per eight transactions, at least 2,000 (so that small scales have exits to Lido's vault).</summary>
    public static long WithdrawalRows(long transactions) => Math.Max(2000, transactions / 8);

    private static IEnumerable<string> WithdrawalScript(Sizes size)
    {
        // One block in `stride` carries 16 withdrawals: about WithdrawalRows in all (mainnet
        // has 16 in nearly every block; the demo's blocks are mostly empty at small scales too). The sweep walks the
        // validators in order from where the index puts it; a validator's withdrawal address is a function of it:
        // Lido's vault for one in three, a demo wallet (which also sends transactions) for one in five, else an
        // operator's address shared by 50 consecutive validators. Amounts: a 0.01-0.07 ETH skim, or an exit's 32 ETH
        // plus the skim for one in fifty.
        long stride = Math.Max(1, size.Slots * WithdrawalsPerBlock / WithdrawalRows(size.Transactions));
        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.withdrawals AS
            WITH k AS (
                SELECT b, number, time, b // {{Sql(stride)}} AS ordinal
                FROM demo_blocks WHERE b % {{Sql(stride)}} = {{Sql(stride - 1)}}
            ), w AS (
                SELECT k.*, j,
                       {{Sql(ReferenceWithdrawalIndex)}} + (number - {{Sql(ReferenceBlock)}}) * {{Sql(WithdrawalsPerBlock)}} + j AS idx
                FROM k, range({{Sql(WithdrawalsPerBlock)}}) r(j)
            ), v AS (
                SELECT *, (idx * 7) % {{Sql(Validators)}} AS validator FROM w
            )
            SELECT demo_tz(time) AS block_time,
                   number AS block_number,
                   idx::BIGINT AS "index",
                   validator::BIGINT AS validator_index,
                   (CASE WHEN demo_int(idx, 962, 50) = 0 THEN 32000000000 ELSE 0 END
                    + 10000000 + demo_int(idx, 963, 60000000))::DECIMAL(38,0) AS amount,
                   CASE WHEN demo_int(validator, 964, 3) = 0 THEN unhex('{{LidoWithdrawalVault}}')
                        WHEN demo_int(validator, 964, 3) = 1 AND demo_int(validator, 965, 5) < 3 THEN demo_wallet(demo_int(validator, 966, {{Sql(size.Wallets)}}))
                        ELSE demo_addr(validator // 50, 967) END AS address,
                   demo_hash(b, 968) AS withdrawals_root,
                   demo_block_hash(b) AS block_hash,
                   CAST(time AS DATE) AS block_date
            FROM v
            ORDER BY block_number, "index"
            """;
    }
}
