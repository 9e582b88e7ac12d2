using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>Deterministic, generated demo data modelled on Dune's EVM tables.</summary>
/// <remarks>
/// <para>
/// Everything is generated inside DuckDB with SQL. Every "random" choice is <c>hash()</c> of a row number
/// and a fixed seed, so the output does not depend on thread count, timing or run: two runs with the same
/// scale produce identical tables. Nothing is downloaded and no file is read.
/// </para>
/// <para>
/// The data tells a consistent story. Transactions live in existing blocks (number, time and hash match
/// <c>ethereum.blocks</c>, whose <c>gas_used</c> and <c>size</c> are sums over its transactions), every log
/// and trace belongs to an existing transaction, and <c>erc20_ethereum.evt_Transfer</c> is exactly the
/// decoded ERC-20 <c>Transfer</c> logs. Transactions are ETH transfers, ERC-20 transfers and approvals,
/// Uniswap V2 style swaps (one or two hops, optionally from or to ETH through WETH), WETH deposits and
/// withdrawals, NFT mints, other contract calls and contract creations; failed transactions emit no logs.
/// Calldata, topics and log data are ABI encoded with the real selectors and event signatures; WETH, USDC,
/// USDT, DAI and the Uniswap V2 and SushiSwap routers have their real addresses, all other addresses and
/// hashes are synthetic. Fee fields follow EIP-1559 throughout, although London only activated in August 2021.
/// </para>
/// </remarks>
public static class DemoData
{
    /// <summary>The first block's timestamp.</summary>
    private const string StartTime = "2021-06-01 00:00:00";

    /// <summary>The first block's number (about Ethereum mainnet's block at <see cref="StartTime"/>).</summary>
    private const long FirstBlock = 12_545_000;

    /// <summary>The temporary tables built along the way (in the temp catalog), dropped at the end.</summary>
    private static readonly string[] TempTables = ["demo_tokens", "demo_blocks", "demo_txi", "demo_txk", "demo_tx"];

    /// <summary>The temporary macros, dropped at the end (dependents first).</summary>
    private static readonly string[] TempMacros =
    [
        "demo_big_amount", "demo_amount", "demo_digits", "demo_pow10", "demo_uint", "demo_word128", "demo_word", "demo_pad",
        "demo_contract", "demo_wallet", "demo_hash", "demo_addr", "demo_int", "demo_pick", "demo_u",
    ];

    /// <summary>The fully qualified demo tables, e.g. "ethereum.blocks".</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "ethereum.blocks",
        "ethereum.transactions",
        "ethereum.logs",
        "ethereum.traces",
        "erc20_ethereum.evt_Transfer",
    ];

    /// <summary>Creates schemas and tables in the connection's current catalog. scale 1.0 = default size.</summary>
    /// <param name="connection">An open connection; the tables are created (or replaced) in its current catalog.</param>
    /// <param name="scale">
    /// Size factor: <c>round(1,000,000 * scale)</c> transactions, about one block per 150 transactions,
    /// and about 1.5 logs, 2 traces and 0.5 ERC-20 transfers per transaction.
    /// </param>
    public static void Generate(DuckDBConnection connection, double scale)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive number.");
        }

        try
        {
            foreach (string sql in Script(new Sizes(scale)))
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

    /// <summary>Row counts and pool sizes derived from the scale.</summary>
    private sealed class Sizes(double scale)
    {
        /// <summary>Rows in ethereum.transactions.</summary>
        public long Transactions { get; } = Math.Max(1, (long)Math.Round(1_000_000 * scale, MidpointRounding.AwayFromZero));

        /// <summary>Rows in ethereum.blocks.</summary>
        public long Blocks => Math.Max(1, (long)Math.Round(Transactions / 150.0, MidpointRounding.AwayFromZero));

        /// <summary>Externally owned accounts that send and receive.</summary>
        public long Wallets => Math.Max(100, Transactions / 5);

        /// <summary>ERC-20 tokens; ids 0-3 are WETH, USDC, USDT and DAI.</summary>
        public long Tokens => Math.Max(20, Transactions / 1000);

        /// <summary>Other contracts (NFT collections, dapps).</summary>
        public long Contracts => Math.Max(20, Transactions / 500);
    }

    private static string Sql(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The statements, in order. The second argument of the demo_* helpers is a seed, unique per use.</summary>
    private static IEnumerable<string> Script(Sizes size)
    {
        string n = Sql(size.Transactions);
        string blocks = Sql(size.Blocks);
        string wallets = Sql(size.Wallets);
        string tokens = Sql(size.Tokens);
        string contracts = Sql(size.Contracts);
        string firstBlock = Sql(FirstBlock);
        string powersOf10 = string.Join(", ", Enumerable.Range(0, 31).Select(k => "1" + new string('0', k)));

        // Helpers. demo_u: uniform double in [0, 1) from 53 hash bits; demo_pick: id in [0, n), skewed
        // towards 0 by the power p; demo_addr / demo_hash: 20 / 32 pseudo-random bytes (a UBIGINT cast to
        // BIT and then to BLOB gives its 8 big-endian bytes); demo_word / demo_word128 / demo_uint / demo_pad:
        // 32-byte ABI words; demo_amount: 1-8 significant digits times 10^(lo .. lo+span-1) as a HUGEINT
        // (below 10^38), demo_big_amount the same as a BIGNUM for amounts beyond HUGEINT.
        yield return $$"""
            CREATE OR REPLACE TEMP MACRO demo_u(a, s) AS (hash(a, s) >> 11)::DOUBLE / 9007199254740992.0;
            CREATE OR REPLACE TEMP MACRO demo_pick(a, s, n, p) AS least(n - 1, floor(n * pow(demo_u(a, s), p))::BIGINT);
            CREATE OR REPLACE TEMP MACRO demo_int(a, s, n) AS (hash(a, s) % n)::BIGINT;
            CREATE OR REPLACE TEMP MACRO demo_addr(a, s) AS
                hash(a, s, 1)::BIT::BLOB || hash(a, s, 2)::BIT::BLOB || (hash(a, s, 3) >> 32)::UINTEGER::BIT::BLOB;
            CREATE OR REPLACE TEMP MACRO demo_hash(a, s) AS
                hash(a, s, 1)::BIT::BLOB || hash(a, s, 2)::BIT::BLOB || hash(a, s, 3)::BIT::BLOB || hash(a, s, 4)::BIT::BLOB;
            CREATE OR REPLACE TEMP MACRO demo_wallet(id) AS demo_addr(id, 201);
            CREATE OR REPLACE TEMP MACRO demo_contract(id) AS demo_addr(id, 202);
            CREATE OR REPLACE TEMP MACRO demo_pad(a) AS unhex('000000000000000000000000') || a;
            CREATE OR REPLACE TEMP MACRO demo_word(x) AS unhex('000000000000000000000000000000000000000000000000') || x::BIGINT::BIT::BLOB;
            CREATE OR REPLACE TEMP MACRO demo_word128(x) AS unhex('00000000000000000000000000000000') || x::HUGEINT::BIT::BLOB;
            CREATE OR REPLACE TEMP MACRO demo_uint(v) AS unhex(lpad(substr(hex(v::BIGNUM), 7), 64, '0'));
            CREATE OR REPLACE TEMP MACRO demo_pow10(k) AS ([{{powersOf10}}]::HUGEINT[])[k + 1];
            CREATE OR REPLACE TEMP MACRO demo_digits(a, s) AS
                (hash(a, s, 1) % 100000000)::BIGINT // ([1, 10, 100, 1000, 10000, 100000, 1000000, 10000000])[(hash(a, s, 2) % 8)::BIGINT + 1] + 1;
            CREATE OR REPLACE TEMP MACRO demo_amount(a, s, lo, span) AS
                demo_digits(a, s)::HUGEINT * demo_pow10((hash(a, s, 3) % span)::BIGINT + lo);
            CREATE OR REPLACE TEMP MACRO demo_big_amount(a, s, lo, span) AS
                (demo_digits(a, s)::VARCHAR || repeat('0', ((hash(a, s, 3) % span)::BIGINT + lo)::INTEGER))::BIGNUM;
            """;

        // ERC-20 tokens: four real ones, the rest synthetic. Transfers of synthetic "meme" tokens go beyond
        // 2^128; proxy tokens (like USDC) delegatecall an implementation contract.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_tokens AS
            SELECT t.id,
                   coalesce(r.address, demo_addr(t.id, 101)) AS address,
                   coalesce(r.decimals, CASE WHEN t.id % 25 = 4 OR demo_int(t.id, 102, 10) < 7 THEN 18
                                             WHEN demo_int(t.id, 102, 10) < 9 THEN 6 ELSE 9 END)::INTEGER AS decimals,
                   t.id % 25 = 4 AS meme,
                   coalesce(r.proxy, demo_int(t.id, 104, 7) = 0) AS proxy
            FROM range({{tokens}}) t(id)
            LEFT JOIN (VALUES
                (0, unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2'), 18, false),  -- WETH
                (1, unhex('a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'), 6, true),    -- USDC
                (2, unhex('dac17f958d2ee523a2206206994597c13d831ec7'), 6, false),   -- USDT
                (3, unhex('6b175474e89094c44da98b954eedeac495271d0f'), 18, false)   -- DAI
            ) r(id, address, decimals, proxy) ON r.id = t.id
            """;

        // Blocks: 60-240 transactions each (weights scaled so that the total is exactly n), 6-18 s apart.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_blocks AS
            WITH w AS (
                SELECT b, 60 + demo_int(b, 1, 181) AS weight, 6 + demo_int(b, 2, 13) AS gap,
                       7150000000000000 + demo_int(b, 6, 300000000000000) AS difficulty
                FROM range({{blocks}}) t(b)
            ), c AS (
                SELECT b, weight, difficulty,
                       (sum(weight) OVER (ORDER BY b) - weight)::BIGINT AS w_before,
                       (sum(weight) OVER ())::BIGINT AS w_total,
                       (sum(gap) OVER (ORDER BY b) - gap)::BIGINT AS seconds,
                       (25000000000000000000000 + sum(difficulty) OVER (ORDER BY b))::DECIMAL(38, 0) AS total_difficulty
                FROM w
            )
            SELECT b,
                   {{firstBlock}} + b AS number,
                   TIMESTAMP '{{StartTime}}' + to_seconds(seconds) AS time,
                   (w_before * {{n}} // w_total)::BIGINT AS tx_first,
                   ((w_before + weight) * {{n}} // w_total)::BIGINT AS tx_end,
                   demo_hash(b, 3) AS hash,
                   demo_hash(b - 1, 3) AS parent_hash,
                   greatest(7000000000, 10000000000 + 200000000 * abs(b % 600 - 300) + demo_int(b, 4, 10000000000))::BIGINT AS base_fee,
                   29970000 + 1000 * demo_int(b, 7, 61) AS gas_limit,
                   demo_addr(demo_pick(b, 5, 40, 2.5), 203) AS miner,
                   difficulty,
                   total_difficulty,
                   hash(b, 8)::BIT::BLOB AS nonce,
                   demo_hash(b, 9) AS state_root,
                   demo_hash(b, 10) AS transactions_root,
                   demo_hash(b, 11) AS receipts_root
            FROM c
            """;

        yield return """
            CREATE OR REPLACE TEMP TABLE demo_txi AS
            SELECT b, unnest(range(tx_first, tx_end)) AS i FROM demo_blocks
            """;

        // Transaction choices (numbers only): kind, outcome, sender, token path, how many logs it emits,
        // the sender's nonce and the block-wide index of its first log.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_txk AS
            WITH r AS (
                SELECT x.i, x.b, x.i - k.tx_first AS tx_index,
                       demo_int(x.i, 10, 1000) AS roll, demo_int(x.i, 11, 1000) AS fail_roll, demo_int(x.i, 12, 10) AS variant
                FROM demo_txi x JOIN demo_blocks k USING (b)
            ), k AS (
                SELECT * EXCLUDE (roll),
                       CASE WHEN roll < 340 THEN 'eth' WHEN roll < 580 THEN 'erc20' WHEN roll < 700 THEN 'swap'
                            WHEN roll < 750 THEN 'approve' WHEN roll < 790 THEN 'weth' WHEN roll < 850 THEN 'nft'
                            WHEN roll < 980 THEN 'call' ELSE 'create' END AS kind
                FROM r
            ), c AS (
                SELECT * EXCLUDE (fail_roll),
                       fail_roll >= CASE kind WHEN 'eth' THEN 5 WHEN 'swap' THEN 60 WHEN 'create' THEN 20 ELSE 25 END AS success,
                       CASE kind WHEN 'swap' THEN CASE WHEN variant < 3 THEN 'eth_in' WHEN variant < 5 THEN 'eth_out' ELSE 'tokens' END
                                 WHEN 'weth' THEN CASE WHEN variant < 6 THEN 'deposit' ELSE 'withdraw' END END AS mode,
                       CASE WHEN kind = 'swap' AND demo_int(i, 14, 10) < 3 THEN 2 ELSE 1 END AS hops,
                       demo_pick(i, 13, {{wallets}}, 2) AS sender_id,
                       1 + demo_int(i, 21, 5) AS nft_count,
                       demo_int(i, 22, 7) AS call_logs
                FROM k
            ), l AS (
                SELECT *,
                       CASE WHEN NOT success THEN 0
                            ELSE CASE kind WHEN 'erc20' THEN 1 WHEN 'approve' THEN 1 WHEN 'weth' THEN 1 WHEN 'create' THEN 1
                                           WHEN 'nft' THEN nft_count WHEN 'call' THEN call_logs
                                           WHEN 'swap' THEN 1 + 3 * hops + CASE WHEN mode = 'tokens' THEN 0 ELSE 1 END
                                           ELSE 0 END END AS n_logs
                FROM c
            ), s AS (
                SELECT *,
                       row_number() OVER (PARTITION BY sender_id ORDER BY i) - 1 + demo_int(sender_id, 24, 1000) AS nonce,
                       (sum(n_logs) OVER (PARTITION BY b ORDER BY i) - n_logs)::BIGINT AS log_first
                FROM l
            ), p AS (
                SELECT *,
                       demo_pick(i, 15, {{tokens}}, 4) AS token_a,
                       demo_pick(i, 16, {{tokens}}, 4) AS token_b,
                       demo_int(i, 17, 4) AS mid_seed
                FROM s
            ), e AS (
                SELECT *,
                       CASE kind WHEN 'swap' THEN CASE mode WHEN 'eth_in' THEN 0
                                                            WHEN 'eth_out' THEN CASE WHEN token_a = 0 THEN 1 ELSE token_a END
                                                            ELSE token_a END
                                 WHEN 'weth' THEN 0
                                 WHEN 'erc20' THEN token_a
                                 WHEN 'approve' THEN token_a END AS tok_first,
                       CASE mode WHEN 'eth_out' THEN 0
                                 WHEN 'eth_in' THEN CASE WHEN token_b = 0 THEN 1 ELSE token_b END
                                 ELSE CASE WHEN token_b = token_a THEN (token_b + 1) % {{tokens}} ELSE token_b END END AS tok_last
                FROM p
            )
            SELECT * EXCLUDE (token_a, token_b, mid_seed, tok_first, tok_last),
                   -- the token path: p1 (the only token outside swaps), then p2 and p3 for one or two hops,
                   -- two-hop swaps route through WETH, USDC, USDT or DAI
                   tok_first AS p1,
                   CASE WHEN kind <> 'swap' THEN NULL
                        WHEN hops = 1 THEN tok_last
                        WHEN mid_seed NOT IN (tok_first, tok_last) THEN mid_seed
                        WHEN (mid_seed + 1) % 4 NOT IN (tok_first, tok_last) THEN (mid_seed + 1) % 4
                        ELSE (mid_seed + 2) % 4 END AS p2,
                   CASE WHEN kind = 'swap' AND hops = 2 THEN tok_last END AS p3,
                   demo_pick(i, 19, {{wallets}}, 3) AS recipient_id,
                   demo_pick(i, 20, {{contracts}}, 2) AS contract_id,
                   demo_int(i, 18, 10) < 7 AS uniswap,
                   demo_int(i, 23, 3) AS call_children
            FROM e
            """;

        // Transaction details: addresses, token path with amounts (as BIGNUM and as ABI words), calldata,
        // gas and fees, and how many traces it has.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_tx AS
            WITH a AS (
                SELECT x.* EXCLUDE (recipient_id),
                       k.number AS block_number, k.time AS block_time, k.hash AS block_hash, k.base_fee,
                       demo_hash(x.i, 30) AS hash,
                       demo_wallet(x.sender_id) AS sender,
                       CASE WHEN x.kind IN ('eth', 'erc20') THEN demo_wallet(x.recipient_id) END AS recipient,
                       CASE WHEN x.kind IN ('nft', 'call') THEN demo_contract(x.contract_id) END AS contract,
                       CASE WHEN x.kind = 'create' THEN demo_addr(x.i, 31) END AS created,
                       CASE WHEN x.kind IN ('swap', 'approve') THEN
                           CASE WHEN x.uniswap THEN unhex('7a250d5630b4cf539739df2c5dacb4c659f2488d')       -- Uniswap V2: Router 2
                                ELSE unhex('d9e1ce17f2641f24ae83637ab66a2cca9c378b9f') END END AS router,  -- SushiSwap: Router
                       t1.proxy,
                       t1.address AS tok1, t2.address AS tok2, t3.address AS tok3,
                       CASE WHEN NOT t1.meme THEN demo_amount(x.i, 32, greatest(0, t1.decimals - 6), 9) END AS h1,
                       CASE WHEN NOT t2.meme THEN demo_amount(x.i, 33, greatest(0, t2.decimals - 6), 9) END AS h2,
                       CASE WHEN NOT t3.meme THEN demo_amount(x.i, 34, greatest(0, t3.decimals - 6), 9) END AS h3,
                       CASE WHEN t1.meme THEN demo_big_amount(x.i, 32, 30, 9) END AS b1,
                       CASE WHEN t2.meme THEN demo_big_amount(x.i, 33, 30, 9) END AS b2,
                       CASE WHEN t3.meme THEN demo_big_amount(x.i, 34, 30, 9) END AS b3
                FROM demo_txk x
                JOIN demo_blocks k USING (b)
                LEFT JOIN demo_tokens t1 ON t1.id = x.p1
                LEFT JOIN demo_tokens t2 ON t2.id = x.p2
                LEFT JOIN demo_tokens t3 ON t3.id = x.p3
            ), p AS (
                SELECT * EXCLUDE (tok1, tok2, tok3, h1, h2, h3, b1, b2, b3, uniswap),
                       -- path_*[j]: the j-th token of the path, its id, the amount of it moved, that amount as an ABI word
                       CASE WHEN p1 IS NULL THEN NULL WHEN p2 IS NULL THEN [tok1] WHEN p3 IS NULL THEN [tok1, tok2]
                            ELSE [tok1, tok2, tok3] END AS path_tok,
                       CASE WHEN p1 IS NULL THEN NULL WHEN p2 IS NULL THEN [p1] WHEN p3 IS NULL THEN [p1, p2]
                            ELSE [p1, p2, p3] END AS path_id,
                       CASE WHEN p1 IS NULL THEN NULL
                            WHEN p2 IS NULL THEN [coalesce(b1, h1::BIGNUM)]
                            WHEN p3 IS NULL THEN [coalesce(b1, h1::BIGNUM), coalesce(b2, h2::BIGNUM)]
                            ELSE [coalesce(b1, h1::BIGNUM), coalesce(b2, h2::BIGNUM), coalesce(b3, h3::BIGNUM)] END AS path_amt,
                       CASE WHEN p1 IS NULL THEN NULL
                            WHEN p2 IS NULL THEN [coalesce(demo_word128(h1), demo_uint(b1))]
                            WHEN p3 IS NULL THEN [coalesce(demo_word128(h1), demo_uint(b1)), coalesce(demo_word128(h2), demo_uint(b2))]
                            ELSE [coalesce(demo_word128(h1), demo_uint(b1)), coalesce(demo_word128(h2), demo_uint(b2)),
                                  coalesce(demo_word128(h3), demo_uint(b3))] END AS path_word,
                       -- Uniswap V2 style pair contracts, one per router and token pair
                       CASE WHEN kind <> 'swap' THEN NULL
                            WHEN p3 IS NULL THEN [demo_addr(least(p1, p2) * {{tokens}} + greatest(p1, p2), 300 + uniswap::INTEGER)]
                            ELSE [demo_addr(least(p1, p2) * {{tokens}} + greatest(p1, p2), 300 + uniswap::INTEGER),
                                  demo_addr(least(p2, p3) * {{tokens}} + greatest(p2, p3), 300 + uniswap::INTEGER)] END AS pairs
                FROM a
            ), v AS (
                SELECT *,
                       CASE kind WHEN 'eth' THEN recipient WHEN 'erc20' THEN path_tok[1] WHEN 'approve' THEN path_tok[1]
                                 WHEN 'weth' THEN path_tok[1] WHEN 'swap' THEN router
                                 WHEN 'nft' THEN contract WHEN 'call' THEN contract END AS to_addr,
                       CASE kind WHEN 'eth' THEN demo_amount(i, 35, 9, 6)::BIGNUM
                                 WHEN 'swap' THEN CASE WHEN mode = 'eth_in' THEN path_amt[1] ELSE 0::BIGNUM END
                                 WHEN 'weth' THEN CASE WHEN mode = 'deposit' THEN path_amt[1] ELSE 0::BIGNUM END
                                 WHEN 'nft' THEN (nft_count * demo_int(i, 37, 3) * 40000000000000000)::BIGNUM
                                 WHEN 'call' THEN CASE WHEN variant = 0 THEN demo_amount(i, 36, 9, 6)::BIGNUM ELSE 0::BIGNUM END
                                 ELSE 0::BIGNUM END AS value,
                       -- approvals are mostly "unlimited" (2^256 - 1)
                       CASE WHEN kind = 'approve' AND variant < 8
                            THEN unhex('ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff')
                            WHEN kind = 'approve' THEN path_word[1] END AS allowance_word,
                       CASE kind WHEN 'eth' THEN 21000
                                 WHEN 'erc20' THEN 34000 + demo_int(i, 45, 30000) + 5000 * proxy::INTEGER
                                 WHEN 'approve' THEN 44000 + demo_int(i, 45, 3000) + 5000 * proxy::INTEGER
                                 WHEN 'swap' THEN 90000 + 60000 * hops + demo_int(i, 45, 40000)
                                 WHEN 'weth' THEN CASE WHEN mode = 'deposit' THEN 27000 ELSE 35000 END + demo_int(i, 45, 10000)
                                 WHEN 'nft' THEN 60000 + 50000 * nft_count + demo_int(i, 45, 20000)
                                 WHEN 'call' THEN 30000 + 20000 * call_logs + 15000 * call_children + demo_int(i, 45, 100000)
                                 ELSE 200000 + demo_int(i, 45, 1500000) END AS full_gas,
                       CASE WHEN demo_int(i, 48, 100) < 62 THEN 'DynamicFee' WHEN demo_int(i, 48, 100) < 97 THEN 'Legacy'
                            ELSE 'AccessList' END AS type,
                       CASE WHEN demo_int(i, 48, 100) < 62 THEN 1000000000 + 100000000 * demo_int(i, 49, 20) END AS max_priority_fee_per_gas
                FROM p
            )
            SELECT * EXCLUDE (full_gas, p1, p2, p3, sender_id, nft_count, call_logs, call_children, proxy),
                   CASE WHEN success THEN full_gas
                        ELSE 21000 + (full_gas - 21000) * (10 + demo_int(i, 46, 60)) // 100 END AS gas_used,
                   CASE WHEN kind = 'eth' THEN 21000
                        ELSE (full_gas * (110 + demo_int(i, 47, 60)) // 100000 + 1) * 1000 END AS gas_limit,
                   base_fee * 2 + max_priority_fee_per_gas AS max_fee_per_gas,
                   coalesce(base_fee + max_priority_fee_per_gas,
                            base_fee + 500000000 + 100000000 * demo_int(i, 50, 100)) AS gas_price,
                   CASE kind
                       WHEN 'eth' THEN ''::BLOB
                       WHEN 'erc20' THEN unhex('a9059cbb') || demo_pad(recipient) || path_word[1]   -- transfer(address,uint256)
                       WHEN 'approve' THEN unhex('095ea7b3') || demo_pad(router) || allowance_word  -- approve(address,uint256)
                       WHEN 'weth' THEN CASE WHEN mode = 'deposit' THEN unhex('d0e30db0')          -- deposit()
                                             ELSE unhex('2e1a7d4d') || path_word[1] END             -- withdraw(uint256)
                       WHEN 'swap' THEN
                           CASE mode WHEN 'eth_in' THEN unhex('7ff36ab5')                 -- swapExactETHForTokens(uint256,address[],address,uint256)
                                     WHEN 'eth_out' THEN unhex('18cbafe5') || path_word[1]  -- swapExactTokensForETH(uint256,uint256,address[],address,uint256)
                                     ELSE unhex('38ed1739') || path_word[1] END           -- swapExactTokensForTokens(uint256,uint256,address[],address,uint256)
                           || path_word[hops + 1]
                           || demo_word(CASE WHEN mode = 'eth_in' THEN 128 ELSE 160 END)
                           || demo_pad(sender)
                           || demo_word(epoch(block_time)::BIGINT + 1200)
                           || demo_word(hops + 1)
                           || demo_pad(path_tok[1]) || demo_pad(path_tok[2]) || coalesce(demo_pad(path_tok[3]), ''::BLOB)
                       WHEN 'nft' THEN unhex('a0712d68') || demo_word(nft_count)                    -- mint(uint256)
                       WHEN 'call' THEN (hash(contract_id, variant % 4, 38) >> 32)::UINTEGER::BIT::BLOB
                           || CASE demo_int(i, 39, 4) WHEN 0 THEN ''::BLOB
                                                      WHEN 1 THEN demo_hash(i, 40)
                                                      WHEN 2 THEN demo_hash(i, 40) || demo_hash(i, 41)
                                                      ELSE demo_hash(i, 40) || demo_hash(i, 41) || demo_hash(i, 42) END
                       ELSE unhex('608060405234801561001057600080fd5b50') || repeat(demo_hash(i, 43), 4 + demo_int(i, 44, 12)::INTEGER)
                   END AS data,
                   CASE kind WHEN 'erc20' THEN 1 + proxy::INTEGER
                             WHEN 'approve' THEN 1 + proxy::INTEGER
                             WHEN 'weth' THEN CASE WHEN mode = 'withdraw' THEN 2 ELSE 1 END
                             WHEN 'call' THEN 1 + call_children
                             WHEN 'swap' THEN 1 + CASE WHEN mode = 'eth_in' THEN 2 ELSE 1 END + 4 * hops
                                              + CASE WHEN mode = 'eth_out' THEN 3 ELSE 0 END
                             ELSE 1 END AS n_traces
            FROM v
            """;

        yield return """
            CREATE SCHEMA IF NOT EXISTS ethereum;
            CREATE SCHEMA IF NOT EXISTS erc20_ethereum;
            """;

        yield return """
            CREATE OR REPLACE TABLE ethereum.blocks AS
            SELECT k.time,
                   k.number,
                   greatest(k.gas_limit, coalesce(t.gas_used, 0)) AS gas_limit,
                   coalesce(t.gas_used, 0) AS gas_used,
                   k.difficulty,
                   k.total_difficulty,
                   540 + coalesce(t.bytes, 0) AS size,
                   k.base_fee AS base_fee_per_gas,
                   k.hash,
                   k.parent_hash,
                   k.miner,
                   k.nonce,
                   k.state_root,
                   k.transactions_root,
                   k.receipts_root,
                   CAST(k.time AS DATE) AS date
            FROM demo_blocks k
            LEFT JOIN (SELECT b, sum(gas_used)::BIGINT AS gas_used, sum(110 + octet_length(data))::BIGINT AS bytes
                       FROM demo_tx GROUP BY b) t USING (b)
            ORDER BY k.number
            """;

        yield return """
            CREATE OR REPLACE TABLE ethereum.transactions AS
            SELECT block_time,
                   block_number,
                   value,
                   gas_limit,
                   gas_price,
                   gas_used,
                   max_fee_per_gas,
                   max_priority_fee_per_gas,
                   gas_price - base_fee AS priority_fee_per_gas,
                   nonce,
                   tx_index AS "index",
                   success,
                   sender AS "from",
                   to_addr AS "to",
                   block_hash,
                   data,
                   hash,
                   type,
                   1::BIGINT AS chain_id,
                   CAST(block_time AS DATE) AS block_date
            FROM demo_tx
            ORDER BY block_number, "index"
            """;

        // Logs. Per transaction: an ERC-20 transfer, approval, WETH deposit or withdrawal logs one event; a swap
        // logs [Deposit], Transfer in, per hop (Transfer out, Sync, Swap), [Withdrawal]; an NFT mint logs a
        // Transfer with the token id as topic3 per token; other calls log events of their contract.
        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.logs AS
            WITH x AS (
                SELECT t.*, unnest(range(t.n_logs)) AS k FROM demo_tx t WHERE t.n_logs > 0
            ), s AS (
                SELECT *,
                       CASE WHEN kind <> 'swap' THEN kind
                            WHEN mode = 'eth_in' AND k = 0 THEN 'deposit'
                            WHEN k = CASE WHEN mode = 'eth_in' THEN 1 ELSE 0 END THEN 'transfer_in'
                            WHEN k <= CASE WHEN mode = 'eth_in' THEN 1 ELSE 0 END + 3 * hops
                                THEN ['transfer_out', 'sync', 'swap'][(k - CASE WHEN mode = 'eth_in' THEN 2 ELSE 1 END) % 3 + 1]
                            ELSE 'withdrawal' END AS step,
                       (k - CASE WHEN mode = 'eth_in' THEN 2 ELSE 1 END) // 3 AS hop,
                       i * 8 + k AS lk
                FROM x
            ), e AS (
                SELECT *,
                       -- where a swap hop sends its output: the next pair, the router (to unwrap WETH) or the sender
                       CASE WHEN hop + 1 < hops THEN pairs[hop + 2] WHEN mode = 'eth_out' THEN router ELSE sender END AS dest,
                       CASE step WHEN 'erc20' THEN 1 WHEN 'transfer_in' THEN 1 WHEN 'transfer_out' THEN hop + 2 END AS moved
                FROM s
            )
            SELECT block_time,
                   block_number,
                   block_hash,
                   CASE step WHEN 'nft' THEN contract WHEN 'call' THEN contract WHEN 'create' THEN created
                             WHEN 'deposit' THEN unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
                             WHEN 'withdrawal' THEN unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
                             WHEN 'sync' THEN pairs[hop + 1]
                             WHEN 'swap' THEN pairs[hop + 1]
                             ELSE path_tok[coalesce(moved, 1)] END AS contract_address,
                   CASE WHEN moved IS NOT NULL OR step = 'nft'
                            THEN unhex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef')  -- Transfer(address,address,uint256)
                        WHEN step = 'approve'
                            THEN unhex('8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925')  -- Approval(address,address,uint256)
                        WHEN step = 'deposit' OR (step = 'weth' AND mode = 'deposit')
                            THEN unhex('e1fffcc4923d04b559f4d29a8bfc6cda04eb5b0d3c460751c2402c5c5cc9109c')  -- Deposit(address,uint256)
                        WHEN step = 'withdrawal' OR step = 'weth'
                            THEN unhex('7fcf532c15f0a6db0bd6d0e038bea71d30d808c7d98cb3bf7268a95bf5081b65')  -- Withdrawal(address,uint256)
                        WHEN step = 'sync'
                            THEN unhex('1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1')  -- Sync(uint112,uint112)
                        WHEN step = 'swap'
                            THEN unhex('d78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822')  -- Swap(address,uint256,uint256,uint256,uint256,address)
                        WHEN step = 'create'
                            THEN unhex('8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0')  -- OwnershipTransferred(address,address)
                        ELSE demo_hash(contract_id * 4 + k % 3, 51) END AS topic0,
                   CASE step WHEN 'erc20' THEN demo_pad(sender)
                             WHEN 'transfer_in' THEN demo_pad(CASE WHEN mode = 'eth_in' THEN router ELSE sender END)
                             WHEN 'transfer_out' THEN demo_pad(pairs[hop + 1])
                             WHEN 'approve' THEN demo_pad(sender)
                             WHEN 'weth' THEN demo_pad(sender)
                             WHEN 'nft' THEN demo_word(0)
                             WHEN 'create' THEN demo_word(0)
                             WHEN 'deposit' THEN demo_pad(router)
                             WHEN 'withdrawal' THEN demo_pad(router)
                             WHEN 'swap' THEN demo_pad(router)
                             WHEN 'call' THEN CASE WHEN k % 2 = 0 THEN demo_pad(sender) END END AS topic1,
                   CASE step WHEN 'erc20' THEN demo_pad(recipient)
                             WHEN 'transfer_in' THEN demo_pad(pairs[1])
                             WHEN 'transfer_out' THEN demo_pad(dest)
                             WHEN 'swap' THEN demo_pad(dest)
                             WHEN 'approve' THEN demo_pad(router)
                             WHEN 'nft' THEN demo_pad(sender)
                             WHEN 'create' THEN demo_pad(sender)
                             WHEN 'call' THEN CASE WHEN k % 4 = 0 THEN demo_pad(demo_wallet(demo_pick(lk, 52, {{wallets}}, 2))) END
                             END AS topic2,
                   CASE WHEN step = 'nft' THEN demo_word(demo_int(i, 53, 10000) * 5 + k) END AS topic3,
                   CASE WHEN moved IS NOT NULL THEN path_word[moved]
                        WHEN step = 'approve' THEN allowance_word
                        WHEN step IN ('weth', 'deposit') THEN path_word[1]
                        WHEN step = 'withdrawal' THEN path_word[hops + 1]
                        WHEN step = 'sync'
                            THEN demo_word128(demo_amount(lk, 54, 18, 8)) || demo_word128(demo_amount(lk, 55, 18, 8))
                        WHEN step = 'swap' AND path_id[hop + 1] < path_id[hop + 2]  -- token0 in, token1 out
                            THEN path_word[hop + 1] || demo_word(0) || demo_word(0) || path_word[hop + 2]
                        WHEN step = 'swap'                                          -- token1 in, token0 out
                            THEN demo_word(0) || path_word[hop + 1] || path_word[hop + 2] || demo_word(0)
                        WHEN step = 'call' THEN CASE demo_int(lk, 56, 4) WHEN 0 THEN ''::BLOB
                                                                         WHEN 1 THEN demo_hash(lk, 57)
                                                                         WHEN 2 THEN demo_hash(lk, 57) || demo_hash(lk, 58)
                                                                         ELSE demo_hash(lk, 57) || demo_hash(lk, 58) || demo_hash(lk, 59) END
                        ELSE ''::BLOB END AS data,
                   hash AS tx_hash,
                   log_first + k AS "index",
                   tx_index,
                   CAST(block_time AS DATE) AS block_date,
                   sender AS tx_from,
                   to_addr AS tx_to
            FROM e
            ORDER BY block_number, "index"
            """;

        // The ERC-20 Transfer events of the logs above, decoded: one per ERC-20 transfer transaction, and
        // per swap the Transfer in (log k = p, p = 1 after a Deposit, else 0) and one Transfer out per hop
        // (log k = p + 1 + 3 * hop).
        yield return """
            CREATE OR REPLACE TABLE erc20_ethereum."evt_Transfer" AS
            WITH x AS (
                SELECT t.*, unnest(range(CASE WHEN kind = 'swap' THEN hops + 1 ELSE 1 END)) AS j
                FROM demo_tx t
                WHERE success AND kind IN ('erc20', 'swap')
            ), e AS (
                SELECT *,
                       CASE WHEN mode = 'eth_in' THEN 1 ELSE 0 END + CASE WHEN j = 0 THEN 0 ELSE 3 * j - 2 END AS k
                FROM x
            )
            SELECT path_tok[j + 1] AS contract_address,
                   hash AS evt_tx_hash,
                   sender AS evt_tx_from,
                   to_addr AS evt_tx_to,
                   tx_index AS evt_tx_index,
                   log_first + k AS evt_index,
                   block_time AS evt_block_time,
                   block_number AS evt_block_number,
                   CAST(block_time AS DATE) AS evt_block_date,
                   CASE WHEN kind = 'erc20' THEN sender
                        WHEN j > 0 THEN pairs[j]
                        WHEN mode = 'eth_in' THEN router
                        ELSE sender END AS "from",
                   CASE WHEN kind = 'erc20' THEN recipient
                        WHEN j = 0 THEN pairs[1]
                        WHEN j < hops THEN pairs[j + 1]
                        WHEN mode = 'eth_out' THEN router
                        ELSE sender END AS "to",
                   path_amt[j + 1] AS value
            FROM e
            ORDER BY evt_block_number, evt_index
            """;

        // Traces: the root call of each transaction (k = 0) plus internal calls. A swap calls (after wrapping
        // ETH) transferFrom, then per hop pair.swap, which transfers the output and checks both balances, then
        // (when swapping to ETH) unwraps WETH and sends the ETH on. k numbers a transaction's traces in
        // depth-first order, the order of their trace_address.
        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.traces AS
            WITH x AS (
                SELECT t.*, unnest(range(1, t.n_traces)) AS k FROM demo_tx t WHERE t.n_traces > 1
            ), s AS (
                SELECT *,
                       CASE WHEN mode = 'eth_in' THEN 2 ELSE 1 END AS pre,
                       k - 1 - CASE WHEN mode = 'eth_in' THEN 2 ELSE 1 END AS o,
                       i * 8 + k AS tk
                FROM x
            ), r AS (
                SELECT *,
                       CASE WHEN kind IN ('erc20', 'approve') THEN 'proxy'
                            WHEN kind = 'weth' THEN 'refund'
                            WHEN kind <> 'swap' THEN 'child'
                            WHEN k <= pre THEN CASE WHEN mode <> 'eth_in' THEN 'transfer_from' WHEN k = 1 THEN 'deposit' ELSE 'transfer' END
                            WHEN o < 4 * hops THEN ['pair_swap', 'transfer_out', 'balance_in', 'balance_out'][o % 4 + 1]
                            ELSE ['withdraw', 'withdraw_value', 'send_eth'][o - 4 * hops + 1] END AS step,
                       o // 4 AS hop
                FROM s
            ), d AS (
                SELECT *,
                       CASE WHEN hop + 1 < hops THEN pairs[hop + 2] WHEN mode = 'eth_out' THEN router ELSE sender END AS dest,
                       30000 + demo_int(tk, 60, 200000) AS gas,
                       CASE WHEN step = 'child' THEN ['call', 'call', 'call', 'staticcall', 'delegatecall'][demo_int(tk, 61, 5) + 1]
                            WHEN step IN ('balance_in', 'balance_out') THEN 'staticcall'
                            WHEN step = 'proxy' THEN 'delegatecall'
                            ELSE 'call' END AS call_type
                FROM r
            ), calls AS (
                SELECT k,
                       block_time,
                       block_number,
                       CASE step WHEN 'refund' THEN path_amt[1]
                                 WHEN 'deposit' THEN path_amt[1]
                                 WHEN 'withdraw_value' THEN path_amt[hops + 1]
                                 WHEN 'send_eth' THEN path_amt[hops + 1]
                                 ELSE 0::BIGNUM END AS value,
                       gas,
                       gas * (5 + demo_int(tk, 62, 80)) // 100 AS gas_used,
                       block_hash,
                       success,
                       tx_index,
                       CASE step WHEN 'pair_swap' THEN 3 WHEN 'withdraw' THEN 1 ELSE 0 END AS sub_traces,
                       NULL::VARCHAR AS error,
                       success AS tx_success,
                       hash AS tx_hash,
                       CASE step WHEN 'proxy' THEN path_tok[1]
                                 WHEN 'refund' THEN path_tok[1]
                                 WHEN 'child' THEN contract
                                 WHEN 'transfer_out' THEN pairs[hop + 1]
                                 WHEN 'balance_in' THEN pairs[hop + 1]
                                 WHEN 'balance_out' THEN pairs[hop + 1]
                                 WHEN 'withdraw_value' THEN unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
                                 ELSE router END AS "from",
                       CASE step WHEN 'proxy' THEN demo_addr(path_id[1], 105)  -- the token's implementation contract
                                 WHEN 'refund' THEN sender
                                 WHEN 'child' THEN demo_contract(demo_pick(tk, 64, {{contracts}}, 2))
                                 WHEN 'transfer_from' THEN path_tok[1]
                                 WHEN 'pair_swap' THEN pairs[hop + 1]
                                 WHEN 'transfer_out' THEN path_tok[hop + 2]
                                 WHEN 'balance_in' THEN path_tok[hop + 1]
                                 WHEN 'balance_out' THEN path_tok[hop + 2]
                                 WHEN 'withdraw_value' THEN router
                                 WHEN 'send_eth' THEN sender
                                 ELSE unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2') END AS "to",
                       CASE WHEN kind <> 'swap' OR k <= pre THEN [k - 1]
                            WHEN step = 'pair_swap' THEN [pre + hop]
                            WHEN o < 4 * hops THEN [pre + hop, o % 4 - 1]
                            WHEN step = 'withdraw' THEN [pre + hops]
                            WHEN step = 'withdraw_value' THEN [pre + hops, 0]
                            ELSE [pre + hops + 1] END AS trace_address,
                       'call' AS type,
                       NULL::BLOB AS address,
                       NULL::BLOB AS code,
                       call_type,
                       CASE step WHEN 'proxy' THEN data
                                 WHEN 'child' THEN (hash(tk, 65) >> 32)::UINTEGER::BIT::BLOB || demo_hash(tk, 66)
                                 WHEN 'deposit' THEN unhex('d0e30db0')
                                 WHEN 'transfer' THEN unhex('a9059cbb') || demo_pad(pairs[1]) || path_word[1]
                                 WHEN 'transfer_from' THEN unhex('23b872dd') || demo_pad(sender) || demo_pad(pairs[1]) || path_word[1]
                                 WHEN 'pair_swap' THEN unhex('022c0d9f')  -- swap(uint256,uint256,address,bytes)
                                     || CASE WHEN path_id[hop + 1] < path_id[hop + 2] THEN demo_word(0) || path_word[hop + 2]
                                             ELSE path_word[hop + 2] || demo_word(0) END
                                     || demo_pad(dest) || demo_word(128) || demo_word(0)
                                 WHEN 'transfer_out' THEN unhex('a9059cbb') || demo_pad(dest) || path_word[hop + 2]
                                 WHEN 'balance_in' THEN unhex('70a08231') || demo_pad(pairs[hop + 1])  -- balanceOf(address)
                                 WHEN 'balance_out' THEN unhex('70a08231') || demo_pad(pairs[hop + 1])
                                 WHEN 'withdraw' THEN unhex('2e1a7d4d') || path_word[hops + 1]
                                 ELSE ''::BLOB END AS input,
                       CASE WHEN NOT success THEN ''::BLOB
                            WHEN step IN ('proxy', 'transfer', 'transfer_from', 'transfer_out') THEN demo_word(1)
                            WHEN step IN ('balance_in', 'balance_out') THEN demo_word128(demo_amount(tk, 67, 18, 8))
                            WHEN call_type = 'staticcall' THEN demo_hash(tk, 68)
                            ELSE ''::BLOB END AS output
                FROM d
            ), roots AS (
                SELECT 0 AS k,
                       block_time,
                       block_number,
                       value,
                       gas_limit - CASE WHEN kind = 'create' THEN 53000 ELSE 21000 END AS gas,
                       greatest(0, gas_used - CASE WHEN kind = 'create' THEN 53000 ELSE 21000 END) AS gas_used,
                       block_hash,
                       success,
                       tx_index,
                       CASE WHEN kind = 'swap' THEN hops + CASE mode WHEN 'eth_in' THEN 2 WHEN 'eth_out' THEN 3 ELSE 1 END
                            ELSE n_traces - 1 END AS sub_traces,
                       CASE WHEN NOT success THEN CASE WHEN demo_int(i, 63, 10) = 0 THEN 'Out of gas' ELSE 'Reverted' END END AS error,
                       success AS tx_success,
                       hash AS tx_hash,
                       sender AS "from",
                       coalesce(to_addr, created) AS "to",
                       []::BIGINT[] AS trace_address,
                       CASE WHEN kind = 'create' THEN 'create' ELSE 'call' END AS type,
                       created AS address,
                       CASE WHEN kind = 'create' AND success
                            THEN unhex('6080604052') || repeat(demo_hash(i, 43), 2 + demo_int(i, 44, 10)::INTEGER) END AS code,
                       CASE WHEN kind <> 'create' THEN 'call' END AS call_type,
                       data AS input,
                       CASE WHEN kind = 'create' THEN NULL
                            WHEN NOT success THEN ''::BLOB
                            WHEN kind IN ('erc20', 'approve') THEN demo_word(1)
                            WHEN kind = 'swap'  -- uint256[] amounts
                                THEN demo_word(32) || demo_word(hops + 1) || path_word[1] || path_word[2] || coalesce(path_word[3], ''::BLOB)
                            WHEN kind = 'call' AND variant % 2 = 0 THEN demo_hash(i, 68)
                            ELSE ''::BLOB END AS output
                FROM demo_tx
            )
            SELECT * EXCLUDE (k), NULL::BLOB AS refund_address, CAST(block_time AS DATE) AS block_date
            FROM (SELECT * FROM roots UNION ALL SELECT * FROM calls)
            ORDER BY block_number, tx_index, k
            """;
    }
}
