using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>Deterministic, generated demo data shaped like Dune's Ethereum tables, covering the last 30 days.</summary>
/// <remarks>
/// <para>
/// Everything is generated inside DuckDB with SQL. Every "random" choice is <c>hash()</c> of a row number
/// and a fixed seed, so the output depends only on the scale and the generation time (never on thread
/// count, timing or run): two runs with the same scale and time produce identical tables. Nothing is
/// downloaded and no file is read.
/// </para>
/// <para>
/// The tables and columns are Dune's: <c>ethereum.blocks</c>, <c>ethereum.transactions</c>, <c>ethereum.logs</c>,
/// <c>ethereum.traces</c>, <c>erc20_ethereum.evt_Transfer</c>, <c>tokens.erc20</c> and <c>prices.usd</c>, with
/// Dune's types: varbinary as BLOB, <c>timestamp(3) with time zone</c> as TIMESTAMPTZ, uint256 as
/// <see cref="Uint256Type"/>, arrays as LISTs and <c>access_list</c> as a LIST of STRUCT(address, storagekeys).
/// </para>
/// <para>
/// Time: one block per 12-second slot from 30 days before the generation time
/// up to it, so <c>now() - interval '7' day</c> finds rows. Block numbers end at an estimate of mainnet's
/// block at the generation time. Blocks are post-Merge and post-Fusaka: difficulty 0, a zero nonce, a 60M
/// gas limit, sub-gwei base fees and blob gas fields. The scale sets the number of transactions, spread
/// over those blocks.
/// </para>
/// <para>
/// The data tells a consistent story. Transactions live in existing blocks (number, time and hash match
/// <c>ethereum.blocks</c>, whose <c>gas_used</c>, <c>size</c> and <c>blob_gas_used</c> are sums over its
/// transactions), every log and trace belongs to an existing transaction (same block, time, index, sender
/// and recipient), and <c>erc20_ethereum.evt_Transfer</c> is exactly the decoded ERC-20 <c>Transfer</c> logs.
/// Every token a transfer moves has one <c>tokens.erc20</c> row and a <c>prices.usd</c> row for every minute
/// of the span. Transactions are ETH transfers, ERC-20 transfers and approvals, Uniswap V2 style swaps (one
/// or two hops, optionally from or to ETH through WETH), WETH deposits and withdrawals, NFT mints, other
/// contract calls, blob transactions of rollup batchers and contract creations; failed transactions emit no
/// logs. Calldata, topics and log data are ABI encoded with the real selectors and event signatures.
/// Well-known tokens (WETH, USDC, USDT, DAI, WBTC, LINK, UNI, ...), the Uniswap V2 and SushiSwap routers, two
/// block builders and two rollup inboxes have their real mainnet addresses, symbols and decimals, and
/// amounts of a plausible USD size; all other addresses and hashes are synthetic.
/// </para>
/// </remarks>
public static partial class DemoData
{
    /// <summary>
    /// The DuckDB type that holds Dune's uint256 (and int256) columns: the one the uploads use. Every uint256
    /// column and amount of the demo data is built with it.
    /// </summary>
    public const string Uint256Type = "BIGNUM";

    /// <summary>
    /// The demo's BIGNUM columns that are Dune's int256 ("schema.table.column"): signed amounts, as the decoded event's ABI
    /// types them (Uniswap V3's Swap deltas <c>int256 amount0, int256 amount1</c>). Every other BIGNUM column is uint256.
    /// </summary>
    private static readonly HashSet<string> Int256Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        "uniswap_v3_ethereum.Pair_evt_Swap.amount0",
        "uniswap_v3_ethereum.Pair_evt_Swap.amount1",
    };

    /// <summary>The signed columns of an event every chain's schema of a project decodes ("table.column", the schema's prefix):
    /// Balancer V2's <c>PoolBalanceChanged(bytes32 poolId, address liquidityProvider, address[] tokens, int256[] deltas,
    /// uint256[] protocolFeeAmounts)</c>.</summary>
    private static readonly (string SchemaPrefix, string TableColumn)[] Int256EventColumns =
    [
        ("balancer_v2_", "Vault_evt_PoolBalanceChanged.deltas"),
    ];

    /// <summary>The Dune type of a demo table's BIGNUM (or BIGNUM[] element) column: int256 for the signed ones, uint256 otherwise.</summary>
    public static string BignumColumnType(string schema, string table, string column) =>
        Int256Columns.Contains(schema + "." + table + "." + column)
        || Int256EventColumns.Any(e => schema.StartsWith(e.SchemaPrefix, StringComparison.OrdinalIgnoreCase)
                                       && string.Equals(e.TableColumn, table + "." + column, StringComparison.OrdinalIgnoreCase))
            ? DuneSql.DuneInt256Types.Int256 : DuneSql.DuneInt256Types.Uint256;

    /// <summary>The span of the data: it ends at the generation time.</summary>
    public static TimeSpan Span { get; } = TimeSpan.FromDays(30);

    /// <summary>Seconds per slot (one block per slot).</summary>
    private const int SlotSeconds = 12;

    /// <summary>A mainnet reference point for block numbers: the Fusaka activation block and its time.</summary>
    private const long ReferenceBlock = 23_935_694;

    private static readonly DateTimeOffset ReferenceTime = new(2025, 12, 3, 21, 49, 11, TimeSpan.Zero);

    /// <summary>
    /// The share of slots that had a block between Dencun and Fusaka (4,509,107 blocks in 4,538,468 slots), for
    /// the estimate of the last block's number (the demo chain itself misses no slot).
    /// </summary>
    private const double BlocksPerSlot = 0.9935;

    /// <summary>The temporary tables built along the way (in the temp catalog), dropped at the end.</summary>
    private static readonly string[] TempTables = ["demo_xlm_holders", "demo_xlm_moves", "demo_sn_tx", "demo_sn_tokens", "demo_btc_all", "demo_btc_inx", "demo_btc_out", "demo_btc_txs", "demo_btc_in", "demo_btc_txv", "demo_btc_pay", "demo_btc_tx", "demo_btc_blocks", "demo_sol_bal", "demo_sol_acct", "demo_sol_keyed", "demo_sol_moves", "demo_sol_tx", "demo_sol_mints", "demo_chain_tx", "demo_chain_tokens", "demo_tokens", "demo_blocks", "demo_txi", "demo_txk", "demo_tx", "demo_aa_tx", "demo_aa", "demo_cow_tx", "demo_cow", "demo_aave_tx", "demo_sp_tx", "demo_e1_tx", "demo_steth", "demo_v2_pool", "demo_blob_gas"];

    /// <summary>The temporary macros, dropped at the end (dependents first).</summary>
    private static readonly string[] TempMacros =
    [
        "demo_xlm_sym", "demo_x4", "demo_sn", "demo_felt", "demo_lo", "demo_hi",
        "demo_btc_block_hash", "demo_btc_varint_len", "demo_btc_varint", "demo_btc_le", "demo_btc_rev", "demo_btc_desc", "demo_btc_asm", "demo_btc_spk",
        "demo_btc_address", "demo_btc_prog", "demo_btc_type", "demo_btc_hex",
        "demo_sp_type", "demo_sp_item", "demo_hx_dec", "demo_0x", "demo_abi_bytes", "demo_hx_int", "demo_hx_word", "demo_hx_bytes", "demo_sol_key", "demo_sol_block_hash", "demo_sol_ata", "demo_sol_wallet", "demo_le64", "demo_b58", "demo_tx_first", "demo_swap_token", "demo_deposit_root", "demo_le8", "demo_sha", "demo_block_hash", "demo_units256", "demo_units128", "demo_sig_exp", "demo_price_at", "demo_tz", "demo_scaled", "demo_big_amount", "demo_amount", "demo_digits", "demo_pow10", "demo_uint", "demo_e1_words", "demo_word128",
        "demo_word", "demo_pad", "demo_contract", "demo_wallet", "demo_hash", "demo_addr", "demo_int", "demo_pick", "demo_u",
    ];

    /// <summary>The fully qualified demo tables, e.g. "ethereum.blocks".</summary>
    /// <remarks>Built on first use: the other chains' list is a static of another part of this class.</remarks>
    public static IReadOnlyList<string> Tables => tables ??= [.. new[]
    {
        "ethereum.blocks",
        "ethereum.transactions",
        "ethereum.logs",
        "ethereum.traces",
        "erc20_ethereum.evt_Transfer",
        "tokens.erc20",
        "prices.usd",
        "prices.minute",
        "prices.hour",
        "prices.day",
        "prices.latest",
        "prices.usd_latest",
        "dex.trades",
        "tokens.transfers",
        "labels.addresses",
        "dex_aggregator.trades",
        "erc20_ethereum.evt_Approval",
        "ethereum.creation_traces",
        "nft.transfers",
        "nft.mints",
        "tokens.nft",
        "tokens_ethereum.stablecoins",
        "dune.blockchains",
        "utils.days",
        "utils.hours",
        "utils.minutes",
        "tokens_ethereum.transfers",
        "prices.usd_daily",
        "labels.ens",
        "ethereum.contracts",
        "cex.addresses",
        "erc721_ethereum.evt_Transfer",
        "nft.trades",
        "dex.prices",
        "ethereum.withdrawals",
        "solana.transactions",
        "tokens_solana.fungible",
        "tokens_solana.transfers",
        "dex_solana.trades",
        "solana.account_activity",
        "solana.instruction_calls",
        "prices.usd_forward_fill",
        "labels.contracts",
    }.Concat(DecodedTables).Concat(PositionTables).Concat(OtherChainTables()).Concat(BalanceTables).Concat(BalancerTables).Concat(FeeTables).Concat(TokenListTables).Concat(BitcoinTables).Concat(TronTables).Concat(StarknetTables).Concat(StellarTables).Concat(OwnerTables).Concat(ProjectTradeTables).Concat(SolanaUtilsTables).Concat(BalanceChangeTables).Concat(ContractMappingTables).Concat(LidoTables).Concat(BeaconTables).Concat(SafeTables).Concat(Erc4337Tables).Concat(CowTables).Concat(AaveTables).Concat(SeaportTables).Concat(Erc1155Tables).Concat(BlobTables).Concat(EvmsCreationTables).Concat(V2PairTables).Concat(WethTables).Concat(ChainContractTables)];

    private static IReadOnlyList<string>? tables;

    /// <summary>Creates schemas and tables in the connection's current catalog, for data ending now.</summary>
    /// <inheritdoc cref="Generate(DuckDBConnection, double, DateTimeOffset)"/>
    public static void Generate(DuckDBConnection connection, double scale) => Generate(connection, scale, DateTimeOffset.UtcNow);

    /// <summary>Creates schemas and tables in the connection's current catalog. scale 1.0 = default size.</summary>
    /// <param name="connection">An open connection; the tables are created (or replaced) in its current catalog.</param>
    /// <param name="scale">
    /// Size factor: <c>round(1,000,000 * scale)</c> transactions, and about 1.5 logs, 2 traces and 0.5 ERC-20
    /// transfers per transaction. The number of blocks is set by the span (216,000), not the scale.
    /// </param>
    /// <param name="generatedAt">The end of the span: the last block's time is the last 12-second beacon slot at or before it.</param>
    public static void Generate(DuckDBConnection connection, double scale, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive number.");
        }
        if (generatedAt < ReferenceTime.AddYears(-8))
        {
            throw new ArgumentOutOfRangeException(nameof(generatedAt), generatedAt, "The generation time must be after 2017.");
        }

        try
        {
            var size = new Sizes(scale, generatedAt);
            RegisterStrKey(connection);
            foreach (string sql in ChainScript(size))
            {
                DuckDbCommands.Exec(connection, sql);
            }
            StethPool(connection);
            V2Swaps(connection);
            BlobGas(connection);
            foreach (string sql in TableScript(size).Concat(TraceScript(size)).Concat(PriceScript(size)).Concat(SpellScript()).Concat(CuratedScript(size)).Concat(MoreScript(size)).Concat(OwnerScript()).Concat(MarketScript()).Concat(DecodedScript(size)).Concat(PositionScript()).Concat(OtherChainScript()).Concat(StarknetScript(size)).Concat(StellarScript(size)).Concat(ChainBalanceScript(size)).Concat(BalancerScript(size)).Concat(FeeScript()).Concat(WithdrawalScript(size)).Concat(SolanaScript(size)).Concat(ForwardFillScript()).Concat(TokenListScript()).Concat(BitcoinScript(size)).Concat(ProjectTradeScript(size)).Concat(ContractMappingScript()).Concat(LidoScript()).Concat(BeaconScript()).Concat(SafeScript()).Concat(Erc4337Script()).Concat(CowScript()).Concat(AaveScript()).Concat(SeaportScript()).Concat(Erc1155Script()).Concat(BlobScript()).Concat(EvmsCreationScript()))
            {
                DuckDbCommands.Exec(connection, sql);
            }
            foreach (string sql in WethScript().Concat(ChainContractScript()))
            {
                DuckDbCommands.Exec(connection, sql);
            }
        }
        finally
        {
            foreach (string table in TempTables)
            {
                DuckDbCommands.Exec(connection, $"DROP TABLE IF EXISTS temp.main.{table}");
            }
            foreach (string macro in TempMacros)
            {
                DuckDbCommands.Exec(connection, $"DROP MACRO IF EXISTS temp.main.{macro}");
            }
        }
    }

    /// <summary>Row counts, pool sizes and the time line derived from the scale and the generation time.</summary>
    private sealed class Sizes(double scale, DateTimeOffset generatedAt)
    {
        /// <summary>Rows in ethereum.transactions.</summary>
        public long Transactions { get; } = Math.Max(1, (long)Math.Round(1_000_000 * scale, MidpointRounding.AwayFromZero));

        /// <summary>12-second slots in the span; the last one is at <see cref="End"/>.</summary>
        public long Slots { get; } = (long)(Span.TotalSeconds / SlotSeconds);

        /// <summary>Externally owned accounts that send and receive.</summary>
        public long Wallets => Math.Max(100, Transactions / 5);

        /// <summary>
        /// ERC-20 tokens: the well-known ones (ids 0 .. n-1, WETH, USDC, USDT and DAI first), then synthetic ones
        /// (few at small scales: each token costs 43,200 rows of prices.usd).
        /// </summary>
        public long Tokens => WellKnownTokens.Count + Math.Max(2, Transactions / 20_000);

        /// <summary>Other contracts (NFT collections, dapps).</summary>
        public long Contracts => Math.Max(20, Transactions / 500);

        /// <summary>
        /// The last block's time, UTC: the last beacon slot at or before the generation time. Post-merge Ethereum blocks sit on
        /// the slot grid (the beacon genesis <see cref="BeaconGenesisUnix"/> plus 12 seconds a slot), so every demo block does.
        /// </summary>
        public DateTime End { get; } = DateTime.UnixEpoch.AddSeconds(LastSlotUnix(generatedAt.ToUnixTimeSeconds()));

        /// <summary>The first slot's time.</summary>
        public DateTime Start => End.AddSeconds(-SlotSeconds * (Slots - 1));

        /// <summary>The last block's number: mainnet's, estimated from the reference block and the share of slots filled.</summary>
        public long LastBlock => Math.Max(Slots, ReferenceBlock + (long)Math.Floor((End - ReferenceTime.UtcDateTime).TotalSeconds / SlotSeconds * BlocksPerSlot));
    }

    /// <summary>The time (unix seconds) of the last beacon slot at or before <paramref name="unix"/>.</summary>
    public static long LastSlotUnix(long unix) => unix - (((unix - BeaconGenesisUnix) % SlotSeconds) + SlotSeconds) % SlotSeconds;

    private static string Sql(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A TIMESTAMP literal (UTC, no zone) of a UTC time.</summary>
    private static string Sql(DateTime utc) => "TIMESTAMP '" + utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";
}
