namespace Strata.Engine.DuckDb;

/// <summary>The chain itself: helper macros, blocks and the transactions' choices and details (temporary tables).</summary>
public static partial class DemoData
{
    /// <summary>The helper macros, then the temporary tables every demo table is selected from.</summary>
    private static IEnumerable<string> ChainScript(Sizes size)
    {
        string n = Sql(size.Transactions);
        string wallets = Sql(size.Wallets);
        string tokens = Sql(size.Tokens);
        string contracts = Sql(size.Contracts);
        string slots = Sql(size.Slots);
        string lastBlock = Sql(size.LastBlock);
        string aggregators = string.Join(", ", Aggregators.Select(a => $"unhex('{a.Address}')"));
        string powersOf10 = string.Join(", ", Enumerable.Range(0, 31).Select(k => "1" + new string('0', k)));

        // Helpers. demo_u: uniform double in [0, 1) from 53 hash bits; demo_pick: id in [0, n), skewed
        // towards 0 by the power p; demo_addr / demo_hash: 20 / 32 pseudo-random bytes (a UHUGEINT or UINTEGER
        // cast to BIT and then to BLOB gives its 16 or 4 big-endian bytes); demo_word / demo_word128 / demo_uint / demo_pad:
        // 32-byte ABI words; demo_amount: 1-8 significant digits times 10^(lo .. lo+span-1) as a HUGEINT
        // (below 10^38), demo_big_amount the same as a uint256 for amounts beyond HUGEINT, demo_scaled the
        // same as demo_amount with an exponent that may be negative (at least 1); demo_tz: a UTC TIMESTAMP
        // as a TIMESTAMPTZ, whatever the session's time zone.
        yield return $$"""
            CREATE OR REPLACE TEMP MACRO demo_u(a, s) AS (hash(a, s) >> 11)::DOUBLE / 9007199254740992.0;
            CREATE OR REPLACE TEMP MACRO demo_pick(a, s, n, p) AS least(n - 1, floor(n * pow(demo_u(a, s), p))::BIGINT);
            CREATE OR REPLACE TEMP MACRO demo_int(a, s, n) AS (hash(a, s) % n)::BIGINT;
            CREATE OR REPLACE TEMP MACRO demo_addr(a, s) AS
                ((hash(a, s, 1)::UHUGEINT << 64) | hash(a, s, 2))::BIT::BLOB || (hash(a, s, 3) >> 32)::UINTEGER::BIT::BLOB;
            CREATE OR REPLACE TEMP MACRO demo_hash(a, s) AS
                ((hash(a, s, 1)::UHUGEINT << 64) | hash(a, s, 2))::BIT::BLOB || ((hash(a, s, 3)::UHUGEINT << 64) | hash(a, s, 4))::BIT::BLOB;
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
                (demo_digits(a, s)::VARCHAR || repeat('0', ((hash(a, s, 3) % span)::BIGINT + lo)::INTEGER))::{{Uint256Type}};
            CREATE OR REPLACE TEMP MACRO demo_scaled(a, s, lo, span) AS greatest(1::HUGEINT,
                demo_digits(a, s)::HUGEINT * demo_pow10(greatest(0, (hash(a, s, 3) % span)::BIGINT + lo))
                    // demo_pow10(greatest(0, -((hash(a, s, 3) % span)::BIGINT + lo))));
            CREATE OR REPLACE TEMP MACRO demo_tz(t) AS to_timestamp(epoch(t));
            CREATE OR REPLACE TEMP MACRO demo_price_at(id, price, stable, e) AS
                CASE WHEN stable THEN 1 + 0.002 * (demo_u(e, id) - 0.5)
                     ELSE price * exp(0.12 * sin(2 * pi() * (e / 86400.0 / 13 + demo_u(id, 106)))
                                      + 0.05 * sin(2 * pi() * (e / 86400.0 / 2.7 + demo_u(id, 107)))
                                      + 0.004 * (demo_u(e, id) - 0.5)) END;
            CREATE OR REPLACE TEMP MACRO demo_sig_exp(x) AS greatest(0, floor(log10(greatest(x, 1))) - 7)::INTEGER;
            CREATE OR REPLACE TEMP MACRO demo_units128(x) AS
                greatest(1::HUGEINT, round(x / pow(10, demo_sig_exp(x)))::HUGEINT * demo_pow10(demo_sig_exp(x)));
            CREATE OR REPLACE TEMP MACRO demo_units256(x) AS
                (greatest(1, round(x / pow(10, demo_sig_exp(x))))::BIGINT::VARCHAR || repeat('0', demo_sig_exp(x)))::{{Uint256Type}};
            """;

        foreach (string sql in TokenScript(size))
        {
            yield return sql;
        }

        // Blocks: one per 12-second slot, the last at the end of the span, numbered up to the last block's
        // number. Block b holds transactions [f(b), f(b + 1)) with f(b) = n * (b + u(b)) / blocks for a
        // uniform u(b) in [0, 1) (f(0) = 0, f(blocks) = n): between 0 and twice the mean each, in order,
        // and without a window over the blocks. At small scales most blocks are empty. The blocks' hashes
        // are functions of b (demo_block_hash), computed where they are used rather than stored here.
        yield return $$"""
            CREATE OR REPLACE TEMP MACRO demo_block_hash(b) AS demo_hash(b, 3);
            CREATE OR REPLACE TEMP MACRO demo_tx_first(b) AS
                CASE WHEN b <= 0 THEN 0 WHEN b >= {{slots}} THEN {{n}}
                     ELSE floor({{n}} * (b + demo_u(b, 1)) / {{slots}})::BIGINT END;
            CREATE OR REPLACE TEMP TABLE demo_blocks AS
            SELECT b,
                   {{lastBlock}} - ({{slots}} - 1 - b) AS number,
                   {{Sql(size.End)}} - to_seconds(({{slots}} - 1 - b) * {{SlotSeconds}}) AS time,
                   demo_tx_first(b) AS tx_first,
                   demo_tx_first(b + 1) AS tx_end,
                   (30000000 + 3000000 * abs(b % 600 - 300) + demo_int(b, 4, 600000000))::BIGINT AS base_fee,
                   59970000 + 1000 * demo_int(b, 7, 61) AS gas_limit
            FROM range({{slots}}) t(b)
            """;

        yield return """
            CREATE OR REPLACE TEMP TABLE demo_txi AS
            SELECT b, unnest(range(tx_first, tx_end)) AS i FROM demo_blocks
            """;

        // Transaction choices (numbers only): kind, outcome, sender, token path, how many logs it emits,
        // the sender's nonce and the block-wide index of its first log.
        // The SSZ hash tree root of a 32 ETH DepositData(pubkey, withdrawal_credentials, amount, signature), which the deposit
        // contract checks against the calldata's deposit_data_root: amount is 32e9 gwei as 8 little-endian bytes.
        yield return """
            CREATE OR REPLACE TEMP MACRO demo_sha(b) AS unhex(sha256(b));
            CREATE OR REPLACE TEMP MACRO demo_le8(x) AS
                unhex(array_to_string(list_transform(range(8), lambda j: printf('%02x', (x::BIGINT >> (8 * j)) & 255)), ''));
            CREATE OR REPLACE TEMP MACRO demo_deposit_root(pk, wc, sig) AS demo_sha(
                demo_sha(demo_sha(pk || unhex('00000000000000000000000000000000')) || wc)
                || demo_sha(unhex('0040597307000000000000000000000000000000000000000000000000000000')
                            || demo_sha(demo_sha(unhex(substr(hex(sig), 1, 128)))
                                        || demo_sha(unhex(substr(hex(sig), 129, 64)) || unhex('0000000000000000000000000000000000000000000000000000000000000000')))));
            """;
        yield return Uint256WordMacros;
        // A swap's token: the demo's swaps go through Uniswap V2 / SushiSwap pairs, which hold no stETH (a rebasing balance; DEX
        // pools hold wstETH) and no meme token (DemoData.Tokens.cs: its amounts, 10^30 to 10^46 units, pass the pair's uint112
        // reserves, 2^112 - 1 ~ 5.2e33): a token drawn as one of those is the next token.
        yield return $"""
            CREATE OR REPLACE TEMP MACRO demo_swap_token(kind, t) AS
                CASE WHEN kind <> 'swap' THEN t WHEN t = {StethTokenId} THEN t + 1
                     WHEN t >= {WellKnownTokens.Count} AND t % 5 = 0 THEN (t + 1) % {tokens} ELSE t END;
            """;
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
                            WHEN roll < 860 THEN 'call' WHEN roll < 870 THEN 'erc1155' WHEN roll < 890 THEN 'seaport' WHEN roll < 910 THEN 'aave' WHEN roll < 920 THEN 'cow' WHEN roll < 930 THEN 'aa' WHEN roll < 940 THEN 'safe_exec' WHEN roll < 950 THEN 'safe' WHEN roll < 960 THEN 'beacon' WHEN roll < 970 THEN 'lido' WHEN roll < 980 THEN 'blob' ELSE 'create' END AS kind
                FROM r
            ), c AS (
                SELECT * EXCLUDE (fail_roll),
                       fail_roll >= CASE kind WHEN 'eth' THEN 5 WHEN 'blob' THEN 2 WHEN 'swap' THEN 60 WHEN 'create' THEN 20 ELSE 25 END AS success,
                       CASE kind WHEN 'swap' THEN CASE WHEN variant < 3 THEN 'eth_in' WHEN variant < 5 THEN 'eth_out' ELSE 'tokens' END
                                 WHEN 'weth' THEN CASE WHEN variant < 6 THEN 'deposit' ELSE 'withdraw' END END AS mode,
                       CASE WHEN kind = 'swap' AND demo_int(i, 14, 10) < 3 THEN 2 ELSE 1 END AS hops,
                       CASE WHEN kind = 'blob' THEN demo_int(i, 13, 6)  -- a few rollup batchers
                            WHEN kind = 'aa' THEN 6 + demo_int(i, 13, 4)  -- a few ERC-4337 bundlers (DemoData.Erc4337.cs)
                            WHEN kind = 'cow' THEN 10 + demo_int(i, 13, 4)  -- a few CoW Protocol solvers (DemoData.Cow.cs)
                            ELSE demo_pick(i, 13, {{wallets}}, 2) END AS sender_id,
                       CASE WHEN kind = 'aa' THEN 1 + demo_int(i, 95, 3) END AS aa_n,  -- a bundle's user operations
                       CASE WHEN kind = 'cow' THEN 1 + demo_int(i, 118, 3) END AS cow_n,  -- a settlement's trades
                       1 + demo_int(i, 21, 5) AS nft_count,
                       demo_int(i, 22, 7) AS call_logs
                FROM k
            ), m AS (
                -- an ERC-1155 transaction (DemoData.Erc1155.cs) mints when its variant says so or when its sender has minted nothing
                -- yet (its first successful one and the attempts before it); otherwise it sends the tokens of its sender's last
                -- successful mint
                SELECT *, kind = 'erc1155' AND (variant < 4 OR i <= coalesce(min(CASE WHEN kind = 'erc1155' AND success THEN i END)
                                                                                OVER (PARTITION BY sender_id), i)) AS e1_minting
                FROM c
            ), g AS (
                -- a Safe transaction (DemoData.Safe.cs) goes through the Safe created last before it, sent by its creator (its first
                -- owner); before the chain's first Safe there is none, and the row is a plain contract call. A Seaport sale
                -- (DemoData.Seaport.cs) sells the first token of the last paid mint before it, listed by its owner: the buyer of
                -- the token's last successful sale before it, else its minter. With no mint before it, or when its sender is that
                -- owner, the row is a plain contract call. (A sale's row that became a call had the owner as its sender, so the owner
                -- after any successful row drawn as a sale is its sender: no recursion.)
                SELECT * REPLACE (CASE WHEN kind = 'safe_exec' AND sx_safe IS NULL THEN 'call'
                                       WHEN kind = 'seaport' AND (sp_mint IS NULL OR sp_owner = sender_id) THEN 'call' ELSE kind END AS kind,
                                  CASE WHEN kind = 'safe_exec' AND sx_safe IS NOT NULL THEN sx_owner ELSE sender_id END AS sender_id)
                FROM (SELECT *,
                             coalesce(last_value(CASE WHEN kind = 'seaport' AND success THEN sender_id END IGNORE NULLS)
                                          OVER (PARTITION BY sp_mint ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), sp_minter) AS sp_owner
                      FROM (SELECT *,
                                   last_value(CASE WHEN kind = 'safe' AND success THEN i END IGNORE NULLS) OVER w AS sx_safe,
                                   last_value(CASE WHEN kind = 'safe' AND success THEN sender_id END IGNORE NULLS) OVER w AS sx_owner,
                                   last_value(CASE WHEN kind = 'nft' AND success THEN i END IGNORE NULLS) OVER w AS sp_mint,
                                   last_value(CASE WHEN kind = 'nft' AND success THEN sender_id END IGNORE NULLS) OVER w AS sp_minter,
                                   CASE WHEN kind = 'erc1155' AND NOT e1_minting
                                        THEN last_value(CASE WHEN e1_minting AND success THEN i END IGNORE NULLS)
                                                 OVER (PARTITION BY sender_id ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END AS e1_mint
                            FROM m WINDOW w AS (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)))
            ), l AS (
                SELECT *,
                       CASE WHEN NOT success THEN 0
                            -- a transfer of stETH logs Transfer and TransferShares (DemoData.StethPool.cs); the token is p's token_a
                            ELSE CASE kind WHEN 'safe_exec' THEN 1 WHEN 'erc20' THEN CASE WHEN demo_pick(i, 15, {{tokens}}, 4) = {{StethTokenId}} THEN 2 ELSE 1 END
                                           WHEN 'approve' THEN 1 WHEN 'weth' THEN 1 WHEN 'create' THEN 1
                                           WHEN 'nft' THEN nft_count WHEN 'call' THEN call_logs WHEN 'aa' THEN 1 + aa_n WHEN 'cow' THEN cow_n + 2 WHEN 'aave' THEN 1 WHEN 'erc1155' THEN 1 WHEN 'lido' THEN 3
                                           -- OrderFulfilled, the ERC-721 Transfer and, paid in WETH, a Transfer a payee (DemoData.Seaport.cs)
                                           WHEN 'seaport' THEN 2 + CASE WHEN demo_int(i, 170, 4) = 0 THEN CASE WHEN demo_int(i, 171, 2) = 0 THEN 2 ELSE 3 END ELSE 0 END WHEN 'beacon' THEN 1 WHEN 'safe' THEN 2
                                           WHEN 'swap' THEN 1 + 3 * hops + CASE WHEN mode = 'tokens' THEN 0 ELSE 1 END
                                           ELSE 0 END END AS n_logs
                FROM g
            ), s AS (
                SELECT *,
                       row_number() OVER (PARTITION BY sender_id ORDER BY i) - 1 + demo_int(sender_id, 24, 1000) AS nonce,
                       (sum(n_logs) OVER (PARTITION BY b ORDER BY i) - n_logs)::BIGINT AS log_first
                FROM l
            ), p AS (
                -- a swap's tokens are those a Uniswap V2 pair can hold (demo_swap_token)
                SELECT *,
                       demo_swap_token(kind, demo_pick(i, 15, {{tokens}}, 4)) AS token_a,
                       demo_swap_token(kind, demo_pick(i, 16, {{tokens}}, 4)) AS token_b,
                       demo_int(i, 17, 4) AS mid_seed
                FROM s
            ), e AS (
                SELECT *,
                       CASE kind WHEN 'swap' THEN CASE mode WHEN 'eth_in' THEN 0
                                                            WHEN 'eth_out' THEN CASE WHEN token_a = 0 THEN 1 ELSE token_a END
                                                            ELSE token_a END
                                 WHEN 'weth' THEN 0
                                 WHEN 'lido' THEN {{StethTokenId}}
                                 WHEN 'erc20' THEN token_a
                                 WHEN 'approve' THEN token_a END AS tok_first,
                       CASE mode WHEN 'eth_out' THEN 0
                                 WHEN 'eth_in' THEN CASE WHEN token_b = 0 THEN 1 ELSE token_b END
                                 ELSE CASE WHEN token_b = token_a THEN demo_swap_token(kind, (token_b + 1) % {{tokens}}) ELSE token_b END END AS tok_last
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
                   -- three swaps (and approvals) in ten go through an aggregator router, which calls the pairs itself
                   CASE WHEN demo_int(i, 25, 10) < 3 THEN demo_int(i, 26, {{Aggregators.Count}}) END AS aggregator,
                   demo_int(i, 23, 3) AS call_children
            FROM e
            """;

        foreach (string sql in Erc4337OpsScript(size).Concat(CowTradesScript(size)).Concat(AaveCallsScript(size)).Concat(SeaportCallsScript(size)).Concat(Erc1155CallsScript()))
        {
            yield return sql;
        }

        // Transaction details: addresses, token path with amounts (as uint256 and as ABI words), calldata,
        // gas and fees (EIP-1559 mostly), access lists, blobs, and how many traces it has.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_tx AS
            WITH a AS (
                SELECT x.* EXCLUDE (recipient_id, aa_n, cow_n), aa.* EXCLUDE (i), cw.* EXCLUDE (i), av.* EXCLUDE (i), sp.* EXCLUDE (i), e1.* EXCLUDE (i),
                       k.number AS block_number, k.time AS block_time, demo_block_hash(x.b) AS block_hash, k.base_fee,
                       demo_hash(x.i, 30) AS hash,
                       demo_wallet(x.sender_id) AS sender,
                       CASE WHEN x.kind IN ('eth', 'erc20') THEN demo_wallet(x.recipient_id) END AS recipient,
                       CASE WHEN x.kind IN ('nft', 'call') THEN demo_contract(x.contract_id) END AS contract,
                       CASE WHEN x.kind = 'create' THEN demo_addr(x.i, 31) END AS created,
                       -- a Lido submit names a referral in one case in ten (a wallet), else the zero address
                       CASE WHEN x.kind = 'lido' AND x.variant = 0 THEN demo_wallet(x.recipient_id) END AS referral,
                       -- a beacon deposit's validator key (48 bytes), signature (96) and withdrawal credentials: mostly type 0x01
                       -- (the sender's own address), else type 0x00 (a BLS key's hash) (DemoData.Beacon.cs)
                       CASE WHEN x.kind = 'beacon' THEN demo_hash(x.i, 70) || unhex(substr(hex(demo_hash(x.i, 71)), 1, 32)) END AS bc_pubkey,
                       CASE WHEN x.kind = 'beacon' THEN demo_hash(x.i, 72) || demo_hash(x.i, 73) || demo_hash(x.i, 74) END AS bc_signature,
                       CASE WHEN x.kind <> 'beacon' THEN NULL
                            WHEN x.variant < 8 THEN unhex('010000000000000000000000') || demo_wallet(x.sender_id)
                            ELSE unhex('00' || substr(hex(demo_hash(x.i, 75)), 3)) END AS bc_credentials,
                       -- a Safe creation (DemoData.Safe.cs): its version (1.3.0 in four cases in ten, else 1.4.1), the new proxy, the owners
                       -- (the sender, then up to two other wallets) and the confirmations they need
                       -- (a Safe transaction's are its Safe's: the creation row sx_safe's)
                       CASE WHEN x.kind = 'safe' THEN x.i WHEN x.kind = 'safe_exec' THEN x.sx_safe END AS sf_i,
                       CASE WHEN sf_i IS NOT NULL THEN CASE WHEN demo_int(sf_i, 12, 10) < 4 THEN 0 ELSE 1 END END AS sf_version,
                       CASE WHEN sf_i IS NOT NULL THEN demo_addr(sf_i, 80) END AS sf_proxy,
                       -- (distinct wallets: Safe's setup refuses a repeated owner)
                       CASE WHEN sf_i IS NOT NULL
                            THEN [demo_wallet(x.sender_id),
                                  demo_wallet((x.sender_id + 1 + demo_int(sf_i, 81, {{wallets}} // 2)) % {{wallets}}),
                                  demo_wallet((x.sender_id + 1 + {{wallets}} // 2 + demo_int(sf_i, 82, {{wallets}} // 2 - 1)) % {{wallets}})]
                                 [1:1 + demo_int(sf_i, 83, 3)] END AS sf_owners,
                       CASE WHEN x.kind = 'safe' THEN epoch_ms(k.time) + demo_int(x.i, 84, 1000) END AS sf_salt,
                       CASE WHEN sf_i IS NOT NULL THEN 1 + demo_int(sf_i, 85, 1 + demo_int(sf_i, 83, 3)) END AS sf_threshold,
                       -- the deposit contract's deposit count before it (successful deposits in chain order, after mainnet's first)
                       CASE WHEN x.kind = 'beacon' AND x.success
                            THEN {{BeaconDepositsAtStart}} + count(*) FILTER (WHERE x.kind = 'beacon' AND x.success)
                                     OVER (ORDER BY x.i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END AS bc_index,
                       CASE WHEN x.kind NOT IN ('swap', 'approve') THEN NULL
                            WHEN x.aggregator IS NOT NULL THEN ([{{aggregators}}])[x.aggregator + 1]
                            WHEN x.uniswap THEN unhex('7a250d5630b4cf539739df2c5dacb4c659f2488d')       -- Uniswap V2: Router 2
                            ELSE unhex('d9e1ce17f2641f24ae83637ab66a2cca9c378b9f') END AS router,     -- SushiSwap: Router
                       t1.proxy,
                       t1.address AS tok1, t2.address AS tok2, t3.address AS tok3,
                       CASE WHEN NOT t1.meme THEN demo_scaled(x.i, 32, t1.lo, 7) END AS h1,
                       CASE WHEN t1.meme THEN demo_big_amount(x.i, 32, 30, 9) END AS b1,
                       -- the later hops of a path: the first hop's value at the minute's prices (those of prices.usd),
                       -- less a 0.3% pool fee a hop, in units of the token (eight significant digits)
                       (epoch(k.time)::BIGINT // 60) * 60 AS minute_e,
                       t1.decimals AS d1, t2.decimals AS d2, t3.decimals AS d3, t2.meme AS m2, t3.meme AS m3,
                       demo_price_at(t1.id, t1.price, t1.stable, minute_e) AS pr1,
                       demo_price_at(t2.id, t2.price, t2.stable, minute_e) AS pr2,
                       demo_price_at(t3.id, t3.price, t3.stable, minute_e) AS pr3
                FROM demo_txk x
                JOIN demo_blocks k USING (b)
                LEFT JOIN demo_aa_tx aa ON aa.i = x.i
                LEFT JOIN demo_cow_tx cw ON cw.i = x.i
                LEFT JOIN demo_aave_tx av ON av.i = x.i
                LEFT JOIN demo_sp_tx sp ON sp.i = x.i
                LEFT JOIN demo_e1_tx e1 ON e1.i = x.i
                LEFT JOIN demo_tokens t1 ON t1.id = x.p1
                LEFT JOIN demo_tokens t2 ON t2.id = x.p2
                LEFT JOIN demo_tokens t3 ON t3.id = x.p3
            ), v AS (
                SELECT *, coalesce(CAST(b1 AS DOUBLE), CAST(h1 AS DOUBLE)) / pow(10, d1) * pr1 AS v1 FROM a
            ), u AS (
                -- hop j's amount in units of its token, as a double
                SELECT * EXCLUDE (minute_e, d1, d2, d3, pr1, pr2, pr3, v1),
                       v1 * 0.997 / pr2 * pow(10, d2) AS u2,
                       v1 * 0.997 * 0.997 / pr3 * pow(10, d3) AS u3
                FROM v
            ), h AS (
                SELECT * EXCLUDE (m2, m3, u2, u3),
                       CASE WHEN NOT m2 THEN demo_units128(u2) END AS h2,
                       CASE WHEN NOT m3 THEN demo_units128(u3) END AS h3,
                       CASE WHEN m2 THEN demo_units256(u2) END AS b2,
                       CASE WHEN m3 THEN demo_units256(u3) END AS b3
                FROM u
            ), p AS (
                SELECT * EXCLUDE (tok1, tok2, tok3, h1, h2, h3, b1, b2, b3, aggregator),
                       -- path_*[j]: the j-th token of the path, its id, the amount of it moved, that amount as an ABI word
                       CASE WHEN p1 IS NULL THEN NULL WHEN p2 IS NULL THEN [tok1] WHEN p3 IS NULL THEN [tok1, tok2]
                            ELSE [tok1, tok2, tok3] END AS path_tok,
                       CASE WHEN p1 IS NULL THEN NULL WHEN p2 IS NULL THEN [p1] WHEN p3 IS NULL THEN [p1, p2]
                            ELSE [p1, p2, p3] END AS path_id,
                       CASE WHEN p1 IS NULL THEN NULL
                            WHEN p2 IS NULL THEN [coalesce(b1, h1::{{Uint256Type}})]
                            WHEN p3 IS NULL THEN [coalesce(b1, h1::{{Uint256Type}}), coalesce(b2, h2::{{Uint256Type}})]
                            ELSE [coalesce(b1, h1::{{Uint256Type}}), coalesce(b2, h2::{{Uint256Type}}), coalesce(b3, h3::{{Uint256Type}})] END AS path_amt,
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
                FROM h
            ), w AS (
                SELECT *,
                       CASE kind WHEN 'eth' THEN recipient WHEN 'erc20' THEN path_tok[1] WHEN 'approve' THEN path_tok[1]
                                 WHEN 'weth' THEN path_tok[1] WHEN 'lido' THEN path_tok[1] WHEN 'swap' THEN router
                                 WHEN 'beacon' THEN unhex('{{BeaconDepositContract}}')
                                 WHEN 'safe' THEN ({{SafeAddressList(f => f.Factory)}})[sf_version + 1]
                                 WHEN 'safe_exec' THEN sf_proxy
                                 WHEN 'aa' THEN unhex('{{EntryPointV06}}')
                                 WHEN 'cow' THEN unhex('{{CowSettlement}}')
                                 WHEN 'aave' THEN unhex('{{AavePool}}')
                                 WHEN 'seaport' THEN unhex('{{Seaport}}')
                                 WHEN 'erc1155' THEN e1_collection
                                 WHEN 'nft' THEN contract WHEN 'call' THEN contract
                                 WHEN 'blob' THEN CASE sender_id % 3 WHEN 0 THEN unhex('ff00000000000000000000000000000000008453')  -- Base: batch inbox
                                                                     WHEN 1 THEN unhex('ff00000000000000000000000000000000000010')  -- OP Mainnet: batch inbox
                                                                     ELSE demo_addr(sender_id, 206) END END AS to_addr,
                       CASE kind WHEN 'eth' THEN demo_amount(i, 35, 9, 6)::{{Uint256Type}}
                                 WHEN 'swap' THEN CASE WHEN mode = 'eth_in' THEN path_amt[1] ELSE 0::{{Uint256Type}} END
                                 WHEN 'weth' THEN CASE WHEN mode = 'deposit' THEN path_amt[1] ELSE 0::{{Uint256Type}} END
                                 WHEN 'lido' THEN path_amt[1]
                                 WHEN 'beacon' THEN 32000000000000000000::{{Uint256Type}}  -- 32 ETH: a validator's deposit
                                 WHEN 'seaport' THEN CASE WHEN sp_weth THEN 0 ELSE sp_total END::{{Uint256Type}}  -- the price, paid in ETH
                                 WHEN 'nft' THEN (nft_count * demo_int(i, 37, 3) * 40000000000000000)::{{Uint256Type}}
                                 WHEN 'call' THEN CASE WHEN variant = 0 THEN demo_amount(i, 36, 9, 6)::{{Uint256Type}} ELSE 0::{{Uint256Type}} END
                                 ELSE 0::{{Uint256Type}} END AS value,
                       -- approvals are mostly "unlimited" (2^256 - 1)
                       CASE WHEN kind = 'approve' AND variant < 8
                            THEN unhex('ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff')
                            WHEN kind = 'approve' THEN path_word[1] END AS allowance_word,
                       -- a Safe's setup(address[] _owners, uint256 _threshold, address to, bytes data, address fallbackHandler,
                       -- address paymentToken, uint256 payment, address paymentReceiver) (0xb63e800d): no module setup, no payment
                       CASE WHEN kind = 'safe'
                            THEN unhex('b63e800d') || demo_word(256) || demo_word(sf_threshold) || demo_word(0) || demo_word(288 + 32 * len(sf_owners))
                                 || demo_pad(({{SafeAddressList(f => f.FallbackHandler)}})[sf_version + 1]) || demo_word(0) || demo_word(0) || demo_word(0)
                                 || demo_word(len(sf_owners)) || list_reduce(list_transform(sf_owners, lambda o: demo_pad(o)), lambda a, b: a || b)
                                 || demo_word(0) END AS sf_setup,
                       CASE kind WHEN 'eth' THEN 21000
                                 WHEN 'blob' THEN 21000
                                 WHEN 'erc20' THEN 34000 + demo_int(i, 45, 30000) + 5000 * proxy::INTEGER
                                 WHEN 'approve' THEN 44000 + demo_int(i, 45, 3000) + 5000 * proxy::INTEGER
                                 WHEN 'swap' THEN 90000 + 60000 * hops + demo_int(i, 45, 40000)
                                 WHEN 'weth' THEN CASE WHEN mode = 'deposit' THEN 27000 ELSE 35000 END + demo_int(i, 45, 10000)
                                 WHEN 'lido' THEN 70000 + demo_int(i, 45, 30000)
                                 WHEN 'beacon' THEN 50000 + demo_int(i, 45, 12000)
                                 WHEN 'safe' THEN 240000 + 25000 * len(sf_owners) + demo_int(i, 45, 30000)
                                 WHEN 'safe_exec' THEN 60000 + 8000 * sf_threshold + demo_int(i, 45, 40000)
                                 WHEN 'aa' THEN 46000 + aa_gas  -- the validations and innerHandleOps, the loops and the payment
                                 WHEN 'cow' THEN 90000 + 75000 * cow_m + demo_int(i, 45, 40000)  -- per trade: signature, transfers in and out
                                 -- the Pool's reserve update, the aToken or debt token mint / burn and the token transfer
                                 WHEN 'aave' THEN CASE av_act WHEN 'liquidation' THEN 300000 WHEN 'borrow' THEN 230000 ELSE 150000 END + demo_int(i, 45, 100000)
                                 WHEN 'nft' THEN 60000 + 50000 * nft_count + demo_int(i, 45, 20000)
                                 -- the order's checks, the token's transfer and the payments
                                 WHEN 'seaport' THEN 80000 + 20000 * len(sp_payees) + 10000 * sp_weth::INTEGER + demo_int(i, 45, 30000)
                                 -- the balances written: the recipient's (and the sender's) a token id
                                 WHEN 'erc1155' THEN 35000 + 25000 * len(e1_ids) + demo_int(i, 45, 20000)
                                 WHEN 'call' THEN 30000 + 20000 * call_logs + 15000 * call_children + demo_int(i, 45, 100000)
                                 ELSE 200000 + demo_int(i, 45, 1500000) END AS full_gas,
                       -- Dune's names of the transaction types 0-2; a blob transaction (type 3) is '3'
                       CASE WHEN kind = 'blob' THEN '3' WHEN demo_int(i, 48, 100) < 88 THEN 'DynamicFee'
                            WHEN demo_int(i, 48, 100) < 97 THEN 'Legacy' ELSE 'AccessList' END AS type,
                       CASE WHEN kind = 'blob' OR demo_int(i, 48, 100) < 88
                            THEN 1000000 + 10000000 * demo_int(i, 49, 30) END AS max_priority_fee_per_gas,
                       CASE WHEN kind = 'blob' THEN 1 + demo_int(i, 51, 6) END AS blobs
                FROM p
            ), lim AS (
                SELECT *,
                       -- a bundler's limit covers the EntryPoint's own work and every operation's limits (DemoData.Erc4337.cs)
                       CASE WHEN kind IN ('eth', 'blob') THEN 21000
                            WHEN kind = 'aa' THEN ((67000 + aa_limit) * (105 + demo_int(i, 47, 20)) // 100000 + 1) * 1000
                            ELSE (full_gas * (110 + demo_int(i, 47, 60)) // 100000 + 1) * 1000 END AS gas_limit,
                       -- one failed transaction in ten ran out of gas (not a Safe's, which reverts GS013, nor a bundle's FailedOp)
                       NOT success AND kind NOT IN ('safe_exec', 'aa') AND demo_int(i, 63, 10) = 0 AS oog
                FROM w
            )
            SELECT * EXCLUDE (full_gas, p1, p2, p3, sender_id, nft_count, call_logs, call_children, proxy, blobs),
                   -- a failed transaction that ran out of gas used all of its limit; a failed bundle stops at the first
                   -- account's validation (FailedOp); another failed transaction reverted part way
                   CASE WHEN success THEN full_gas
                        WHEN oog THEN gas_limit
                        WHEN kind = 'aa' THEN 21000 + 12000 + aa_g0
                        ELSE 21000 + (full_gas - 21000) * (10 + demo_int(i, 46, 60)) // 100 END AS gas_used,
                   base_fee * 2 + max_priority_fee_per_gas AS max_fee_per_gas,
                   coalesce(base_fee + max_priority_fee_per_gas,
                            base_fee + 100000000 + 20000000 * demo_int(i, 50, 100)) AS gas_price,
                   -- the blob transactions' versioned hashes (version byte 0x01) and blob fee cap
                   CASE WHEN kind = 'blob'
                        THEN list_transform(range(blobs), lambda x: unhex('01' || substr(hex(demo_hash(i * 8 + x, 52)), 3))) END AS blob_versioned_hashes,
                   CASE WHEN kind = 'blob' THEN 1000000000 * (1 + demo_int(i, 53, 20)) END AS max_fee_per_blob_gas,
                   -- EIP-2930 access lists: always on AccessList transactions, on some others; none on legacy ones
                   CASE WHEN type = 'Legacy' THEN NULL
                        WHEN type = 'AccessList' OR demo_int(i, 54, 20) = 0
                            THEN [{'address': coalesce(to_addr, demo_contract(contract_id)),
                                   'storagekeys': [demo_hash(i, 55), demo_hash(i, 56), demo_hash(i, 57)][1:1 + demo_int(i, 58, 3)]}]
                        ELSE [] END::STRUCT(address BLOB, storagekeys BLOB[])[] AS access_list,
                   CASE kind
                       WHEN 'eth' THEN ''::BLOB
                       WHEN 'blob' THEN ''::BLOB
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
                       WHEN 'lido' THEN unhex('a1903eab') || coalesce(demo_pad(referral), demo_word(0))  -- submit(address)
                       WHEN 'beacon' THEN unhex('22895118')  -- deposit(bytes pubkey, bytes withdrawal_credentials, bytes signature, bytes32 deposit_data_root)
                           || demo_word(128) || demo_word(224) || demo_word(288) || demo_deposit_root(bc_pubkey, bc_credentials, bc_signature)
                           || demo_word(48) || bc_pubkey || unhex('00000000000000000000000000000000')
                           || demo_word(32) || bc_credentials || demo_word(96) || bc_signature
                       -- createProxyWithNonce(address _singleton, bytes initializer, uint256 saltNonce): the setup call, padded to words
                       WHEN 'safe' THEN unhex('1688f0b9') || demo_pad(({{SafeAddressList(f => f.Singleton)}})[sf_version + 1]) || demo_word(96)
                           || demo_word(sf_salt) || demo_word(octet_length(sf_setup)) || sf_setup || unhex('00000000000000000000000000000000000000000000000000000000')
                       -- execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas,
                       -- uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) (0x6a761202): a call of a contract
                       -- (a selector and a word), no refund, one 65-byte signature (r, s, v) per confirmation the Safe needs
                       WHEN 'safe_exec' THEN unhex('6a761202') || demo_pad(demo_contract(contract_id)) || demo_word(0) || demo_word(320)
                           || demo_word(0) || demo_word(0) || demo_word(0) || demo_word(0) || demo_word(0) || demo_word(0) || demo_word(416)
                           || demo_word(36) || (hash(contract_id, variant % 4, 38) >> 32)::UINTEGER::BIT::BLOB || demo_hash(i, 40)
                           || unhex('00000000000000000000000000000000000000000000000000000000')
                           || demo_word(65 * sf_threshold)
                           || list_reduce(list_transform(range(sf_threshold), lambda j: demo_hash(i * 4 + j, 91) || demo_hash(i * 4 + j, 92)
                                                                                       || CASE WHEN demo_int(i * 4 + j, 93, 2) = 0 THEN unhex('1b') ELSE unhex('1c') END),
                                          lambda a, b: a || b)
                           || repeat(unhex('00'), (32 - sf_threshold)::INTEGER)
                       WHEN 'aa' THEN aa_data  -- handleOps(UserOperation[],address) (DemoData.Erc4337.cs)
                       WHEN 'cow' THEN cow_data  -- settle(address[],uint256[],Trade[],Interaction[][3]) (DemoData.Cow.cs)
                       WHEN 'aave' THEN av_input  -- the Pool's supply, withdraw, borrow, repay or liquidationCall (DemoData.Aave.cs)
                       WHEN 'seaport' THEN sp_input  -- fulfillBasicOrder(_efficient_6GL6yc)(BasicOrderParameters) (DemoData.Seaport.cs)
                       WHEN 'erc1155' THEN e1_input  -- mint / mintBatch / safeTransferFrom / safeBatchTransferFrom (DemoData.Erc1155.cs)
                       WHEN 'call' THEN (hash(contract_id, variant % 4, 38) >> 32)::UINTEGER::BIT::BLOB
                           || CASE demo_int(i, 39, 4) WHEN 0 THEN ''::BLOB
                                                      WHEN 1 THEN demo_hash(i, 40)
                                                      WHEN 2 THEN demo_hash(i, 40) || demo_hash(i, 41)
                                                      ELSE demo_hash(i, 40) || demo_hash(i, 41) || demo_hash(i, 42) END
                       ELSE unhex('608060405234801561001057600080fd5b50') || repeat(demo_hash(i, 43), 4 + demo_int(i, 44, 12)::INTEGER)
                   END AS data,
                   CASE kind WHEN 'erc20' THEN 1 + proxy::INTEGER
                             WHEN 'approve' THEN 1 + proxy::INTEGER
                             WHEN 'lido' THEN 1 + proxy::INTEGER
                             WHEN 'weth' THEN CASE WHEN mode = 'withdraw' THEN 2 ELSE 1 END
                             WHEN 'call' THEN 1 + call_children
                             WHEN 'aa' THEN 1  -- its calls are DemoData.Erc4337.cs's
                             WHEN 'cow' THEN 2  -- the settlement's interaction call
                             -- Seaport's transferFrom of the token and its payments
                             WHEN 'seaport' THEN CASE WHEN success THEN 2 + len(sp_payees) ELSE 1 END
                             WHEN 'safe' THEN CASE WHEN success THEN 4 ELSE 1 END  -- the factory's CREATE2 and its setup call, which delegatecalls
                             -- the Safe delegatecalls its singleton, which calls; a failed one is the call reverting (the Safe, asked for no
                             -- safeTxGas and no refund, then reverts with GS013), so it has the same three traces
                             WHEN 'safe_exec' THEN 3
                             WHEN 'swap' THEN 1 + CASE WHEN mode = 'eth_in' THEN 2 ELSE 1 END + 4 * hops
                                              + CASE WHEN mode = 'eth_out' THEN 3 ELSE 0 END
                             ELSE 1 END AS n_traces
            FROM lim
            """;
    }
}
