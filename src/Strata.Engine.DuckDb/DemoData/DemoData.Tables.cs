namespace Strata.Engine.DuckDb;

/// <summary>The demo tables selected from the temporary ones: blocks, transactions, logs and decoded transfers.</summary>
public static partial class DemoData
{
    private static IEnumerable<string> TableScript(Sizes size)
    {
        string wallets = Sql(size.Wallets);

        yield return """
            CREATE SCHEMA IF NOT EXISTS ethereum;
            CREATE SCHEMA IF NOT EXISTS erc20_ethereum;
            """;

        // Post-Merge blocks: difficulty 0, the final total difficulty, a zero nonce. The blob gas and excess blob gas are
        // DemoData.BlobFee.cs's (demo_blob_gas: EIP-4844's rule, and EIP-7918's reserve price from Fusaka on).
        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.blocks AS
            WITH t AS (
                SELECT b, sum(gas_used)::BIGINT AS gas_used, sum(110 + octet_length(data))::BIGINT AS bytes
                FROM demo_tx GROUP BY b
            )
            SELECT demo_tz(k.time) AS time,
                   k.number,
                   greatest(k.gas_limit, coalesce(t.gas_used, 0))::BIGINT AS gas_limit,
                   coalesce(t.gas_used, 0)::BIGINT AS gas_used,
                   0::{{Uint256Type}} AS difficulty,
                   58750003716598352816469::{{Uint256Type}} AS total_difficulty,
                   (540 + coalesce(t.bytes, 0))::BIGINT AS size,
                   k.base_fee AS base_fee_per_gas,
                   demo_block_hash(k.b) AS hash,
                   demo_block_hash(k.b - 1) AS parent_hash,
                   -- the fee recipient, often one of two real block builders
                   CASE WHEN demo_int(k.b, 6, 100) < 35 THEN unhex('95222290dd7278aa3ddd389cc1e1d165cc4bafe5')  -- beaverbuild
                        WHEN demo_int(k.b, 6, 100) < 60 THEN unhex('4838b106fce9647bdf1e7877bf73ce8b0bad5f97')  -- Titan Builder
                        ELSE demo_addr(demo_pick(k.b, 5, 40, 2.5), 203) END AS miner,
                   unhex('0000000000000000') AS nonce,
                   CAST(k.time AS DATE) AS date,
                   x.blob_gas_used,
                   x.excess_blob_gas,
                   demo_hash(k.b, 9) AS parent_beacon_block_root
            FROM demo_blocks k
            LEFT JOIN t USING (b)
            JOIN demo_blob_gas x USING (b)
            ORDER BY k.number
            """;

        yield return """
            CREATE OR REPLACE TABLE ethereum.transactions AS
            SELECT demo_tz(block_time) AS block_time,
                   block_number,
                   value,
                   gas_limit::BIGINT AS gas_limit,
                   gas_price::BIGINT AS gas_price,
                   gas_used::BIGINT AS gas_used,
                   max_fee_per_gas::BIGINT AS max_fee_per_gas,
                   max_priority_fee_per_gas::BIGINT AS max_priority_fee_per_gas,
                   (gas_price - base_fee)::BIGINT AS priority_fee_per_gas,
                   nonce::BIGINT AS nonce,
                   tx_index::BIGINT AS "index",
                   success,
                   sender AS "from",
                   to_addr AS "to",
                   block_hash,
                   data,
                   hash,
                   type,
                   access_list,
                   CAST(block_time AS DATE) AS block_date,
                   max_fee_per_blob_gas::BIGINT AS max_fee_per_blob_gas,
                   blob_versioned_hashes
            FROM demo_tx
            ORDER BY block_number, "index"
            """;

        // Logs. Per transaction: an ERC-20 transfer (of stETH: and its TransferShares), approval, WETH deposit or
        // withdrawal logs one event; a Lido submit logs Submitted, the mint Transfer and TransferShares; a swap
        // logs [Deposit], Transfer in, per hop (Transfer out, Sync, Swap), [Withdrawal]; an NFT mint logs a
        // Transfer with the token id as topic3 per token; other calls log events of their contract.
        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.logs AS
            WITH x AS (
                SELECT t.*, unnest(range(t.n_logs)) AS k FROM demo_tx t WHERE t.n_logs > 0
            ), s AS (
                SELECT *,
                       CASE WHEN kind = 'lido' THEN ['submitted', 'mint', 'shares'][k + 1]
                            WHEN kind = 'safe' THEN ['safe_setup', 'proxy_creation'][k + 1]  -- the new Safe's SafeSetup, then the factory's event
                            WHEN kind = 'aa' THEN CASE WHEN k = 0 THEN 'aa_before' ELSE 'aa_op' END  -- BeforeExecution, a UserOperationEvent an op
                            -- a Trade a trade, the Interaction, the Settlement (DemoData.Cow.cs)
                            WHEN kind = 'cow' THEN CASE WHEN k < cow_m THEN 'cow_trade' WHEN k = cow_m THEN 'cow_interaction' ELSE 'cow_settlement' END
                            WHEN kind = 'erc20' AND k = 1 THEN 'transfer_shares'  -- stETH's TransferShares after its Transfer
                            -- OrderFulfilled, the token's Transfer, WETH's Transfer a payee (DemoData.Seaport.cs)
                            WHEN kind = 'seaport' THEN CASE k WHEN 0 THEN 'sp_fulfilled' WHEN 1 THEN 'sp_nft' ELSE 'sp_pay' END
                            WHEN kind <> 'swap' THEN kind
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
                       CASE step WHEN 'erc20' THEN 1 WHEN 'mint' THEN 1 WHEN 'transfer_in' THEN 1 WHEN 'transfer_out' THEN hop + 2 END AS moved
                FROM s
            )
            SELECT demo_tz(block_time) AS block_time,
                   block_number,
                   block_hash,
                   CASE step WHEN 'nft' THEN contract WHEN 'call' THEN contract WHEN 'create' THEN created
                             WHEN 'deposit' THEN unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
                             WHEN 'withdrawal' THEN unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
                             WHEN 'sync' THEN pairs[hop + 1]
                             WHEN 'swap' THEN pairs[hop + 1]
                             WHEN 'beacon' THEN unhex('{{BeaconDepositContract}}')
                             WHEN 'safe_setup' THEN sf_proxy       -- the proxy's own log (it delegatecalls the singleton)
                             WHEN 'proxy_creation' THEN to_addr    -- the factory
                             WHEN 'safe_exec' THEN sf_proxy
                             WHEN 'aa_before' THEN to_addr         -- the EntryPoint
                             WHEN 'aa_op' THEN to_addr
                             WHEN 'cow_trade' THEN to_addr         -- GPv2Settlement
                             WHEN 'cow_interaction' THEN to_addr
                             WHEN 'cow_settlement' THEN to_addr
                             WHEN 'aave' THEN to_addr              -- the Pool (DemoData.Aave.cs)
                             WHEN 'sp_fulfilled' THEN to_addr      -- Seaport (DemoData.Seaport.cs)
                             WHEN 'sp_nft' THEN sp_nft
                             WHEN 'sp_pay' THEN unhex('{{WethHex}}')
                             WHEN 'erc1155' THEN to_addr           -- the collection (DemoData.Erc1155.cs)
                             ELSE path_tok[coalesce(moved, 1)] END AS contract_address,
                   CASE WHEN moved IS NOT NULL OR step IN ('nft', 'sp_nft', 'sp_pay')
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
                        WHEN step = 'submitted'
                            THEN unhex('96a25c8ce0baabc1fdefd93e9ed25d8e092a3332f3aa9a41722b5697231d1d1a')  -- Submitted(address,uint256,address)
                        WHEN step = 'beacon'
                            THEN unhex('649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5')  -- DepositEvent(bytes,bytes,bytes,bytes,bytes)
                        WHEN step IN ('shares', 'transfer_shares')
                            THEN unhex('9d9c909296d9c674451c0c24f02cb64981eb3b727f99865939192f880a755dcb')  -- TransferShares(address,address,uint256)
                        WHEN step = 'safe_setup'
                            THEN unhex('141df868a6331af528e38c83b7aa03edc19be66e37ae67f9285bf4f8e3c6a1a8')  -- SafeSetup(address,address[],uint256,address,address)
                        WHEN step = 'proxy_creation'
                            THEN unhex('4f51faf6c4561ff95f067657e43439f0f856d97c04d9ec9070a6199ad418e235')  -- ProxyCreation(address,address)
                        WHEN step = 'safe_exec'
                            THEN unhex('442e715f626346e8c54381002da614f62bee8d27386535b2521ec8540898556e')  -- ExecutionSuccess(bytes32,uint256)
                        WHEN step = 'aa_before'
                            THEN unhex('bb47ee3e183a558b1a2ff0874b079f3fc5478b7454eacf2bfc5af2ff5878f972')  -- BeforeExecution()
                        WHEN step = 'aa_op'  -- UserOperationEvent(bytes32,address,address,uint256,bool,uint256,uint256)
                            THEN unhex('49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f')
                        WHEN step = 'cow_trade'  -- Trade(address,address,address,uint256,uint256,uint256,bytes)
                            THEN unhex('a07a543ab8a018198e99ca0184c93fe9050a79400a0a723441f84de1d972cc17')
                        WHEN step = 'cow_interaction'  -- Interaction(address,uint256,bytes4)
                            THEN unhex('ed99827efb37016f2275f98c4bcf71c7551c75d59e9b450f79fa32e60be672c2')
                        WHEN step = 'cow_settlement'  -- Settlement(address)
                            THEN unhex('40338ce1a7c49204f0099533b1e9a7ee0a3d261f84974ab7af36105b8c4e9db4')
                        WHEN step = 'aave' THEN av_topic0
                        WHEN step = 'sp_fulfilled' THEN unhex('{{OrderFulfilledTopic}}')
                        WHEN step = 'erc1155' THEN unhex(CASE WHEN e1_batch THEN '{{TransferBatchTopic}}' ELSE '{{TransferSingleTopic}}' END)
                        ELSE demo_hash(contract_id * 4 + k % 3, 51) END AS topic0,
                   CASE step WHEN 'erc20' THEN demo_pad(sender)
                             WHEN 'transfer_shares' THEN demo_pad(sender)
                             WHEN 'submitted' THEN demo_pad(sender)
                             WHEN 'mint' THEN demo_word(0)
                             WHEN 'shares' THEN demo_word(0)
                             WHEN 'transfer_in' THEN demo_pad(CASE WHEN mode = 'eth_in' THEN router ELSE sender END)
                             WHEN 'transfer_out' THEN demo_pad(pairs[hop + 1])
                             WHEN 'approve' THEN demo_pad(sender)
                             WHEN 'weth' THEN demo_pad(sender)
                             WHEN 'nft' THEN demo_word(0)
                             WHEN 'create' THEN demo_word(0)
                             WHEN 'deposit' THEN demo_pad(router)
                             WHEN 'withdrawal' THEN demo_pad(router)
                             WHEN 'swap' THEN demo_pad(router)
                             WHEN 'safe_setup' THEN demo_pad(to_addr)  -- initiator: the factory, which called setup
                             WHEN 'proxy_creation' THEN CASE WHEN sf_version = 1 THEN demo_pad(sf_proxy) END  -- indexed from 1.4.1 on
                             WHEN 'aa_op' THEN aa_ops[k]['hash']  -- userOpHash
                             WHEN 'cow_trade' THEN demo_pad(cow_trades[k + 1]['owner'])
                             WHEN 'cow_interaction' THEN demo_pad(cow_target)
                             WHEN 'cow_settlement' THEN demo_pad(sender)  -- the solver
                             WHEN 'aave' THEN av_topic1
                             WHEN 'sp_fulfilled' THEN demo_pad(sp_seller)  -- offerer
                             WHEN 'sp_nft' THEN demo_pad(sp_seller)
                             WHEN 'sp_pay' THEN demo_pad(sender)
                             WHEN 'erc1155' THEN demo_pad(sender)  -- operator
                             WHEN 'call' THEN CASE WHEN k % 2 = 0 THEN demo_pad(sender) END END AS topic1,
                   CASE step WHEN 'erc20' THEN demo_pad(recipient)
                             WHEN 'transfer_shares' THEN demo_pad(recipient)
                             WHEN 'mint' THEN demo_pad(sender)
                             WHEN 'shares' THEN demo_pad(sender)
                             WHEN 'transfer_in' THEN demo_pad(pairs[1])
                             WHEN 'transfer_out' THEN demo_pad(dest)
                             WHEN 'swap' THEN demo_pad(dest)
                             WHEN 'approve' THEN demo_pad(router)
                             WHEN 'nft' THEN demo_pad(sender)
                             WHEN 'create' THEN demo_pad(sender)
                             WHEN 'aa_op' THEN demo_pad(aa_ops[k]['account'])  -- the op's sender
                             WHEN 'aave' THEN av_topic2
                             WHEN 'sp_fulfilled' THEN demo_word(0)  -- zone: none
                             WHEN 'sp_nft' THEN demo_pad(sender)
                             WHEN 'sp_pay' THEN demo_pad(sp_payees[k - 1])
                             WHEN 'erc1155' THEN demo_pad(e1_from)
                             WHEN 'call' THEN CASE WHEN k % 4 = 0 THEN demo_pad(demo_wallet(demo_pick(lk, 52, {{wallets}}, 2))) END
                             END AS topic2,
                   CASE WHEN step = 'nft' THEN demo_nft_word(i * 5 + k)  -- a mint's tokens: ids of its own (at most five), none minted twice
                        WHEN step = 'aa_op' THEN demo_pad(coalesce(aa_ops[k]['paymaster'], unhex('0000000000000000000000000000000000000000')))
                        WHEN step = 'aave' THEN av_topic3
                        WHEN step = 'sp_nft' THEN demo_nft_word(sp_token_id)
                        WHEN step = 'erc1155' THEN demo_pad(e1_to) END AS topic3,
                   CASE WHEN step = 'mint' THEN demo_word128(steth_value)  -- getPooledEthByShares(shares) (DemoData.StethPool.cs)
                        WHEN moved IS NOT NULL THEN path_word[moved]
                        WHEN step = 'approve' THEN allowance_word
                        WHEN step = 'submitted' THEN path_word[1] || coalesce(demo_pad(referral), demo_word(0))
                        WHEN step IN ('shares', 'transfer_shares') THEN demo_word128(steth_shares)
                        -- DepositEvent's five byte strings: pubkey, withdrawal_credentials, amount and index (8 bytes, little-endian
                        -- gwei and count), signature; each a length word and its bytes padded to whole words
                        WHEN step = 'beacon'
                            THEN demo_word(160) || demo_word(256) || demo_word(320) || demo_word(384) || demo_word(512)
                                 || demo_word(48) || bc_pubkey || unhex('00000000000000000000000000000000')
                                 || demo_word(32) || bc_credentials
                                 || demo_word(8) || unhex('0040597307000000000000000000000000000000000000000000000000000000')
                                 || demo_word(96) || bc_signature
                                 || demo_word(8) || demo_le8(bc_index) || unhex('000000000000000000000000000000000000000000000000')
                        -- SafeSetup: owners (offset 0x80), threshold, initializer (no module setup: zero), fallbackHandler, then the owners
                        WHEN step = 'safe_setup'
                            THEN demo_word(128) || demo_word(sf_threshold) || demo_word(0) || unhex(substr(hex(sf_setup), 2 * (4 + 4 * 32) + 1, 64))
                                 || unhex(substr(hex(sf_setup), 2 * (4 + 8 * 32) + 1, 64 * (1 + len(sf_owners))))
                        -- ProxyCreation: (proxy, singleton) in 1.3.0, (singleton) after the indexed proxy in 1.4.1
                        WHEN step = 'proxy_creation'
                            THEN CASE WHEN sf_version = 0 THEN demo_pad(sf_proxy) ELSE ''::BLOB END || unhex(substr(hex(data), 9, 64))
                        WHEN step = 'safe_exec' THEN demo_hash(i, 94) || demo_word(0)  -- the Safe transaction's hash, no payment
                        -- UserOperationEvent: nonce, success, actualGasCost, actualGasUsed
                        -- Trade: sellToken, buyToken, sellAmount (with the fee), buyAmount, feeAmount, orderUid (56 bytes)
                        WHEN step = 'cow_trade'
                            THEN demo_pad(cow_trades[k + 1]['sell']) || demo_pad(cow_trades[k + 1]['buy']) || demo_word128(cow_trades[k + 1]['sold'])
                                 || demo_word128(cow_trades[k + 1]['bought']) || demo_word128(cow_trades[k + 1]['fee']) || demo_word(192)
                                 || demo_word(56) || cow_trades[k + 1]['uid'] || unhex('0000000000000000')
                        -- Interaction: value 0, the call's selector (a bytes4, left-aligned)
                        WHEN step = 'cow_interaction' THEN demo_word(0) || unhex(substr(hex(cow_icall), 1, 8)) || repeat(unhex('00'), 28)
                        WHEN step = 'aa_op' THEN demo_word128(aa_ops[k]['nonce']) || demo_word(aa_ops[k]['success']::INTEGER)
                                                 || demo_word(aa_ops[k]['cost']) || demo_word(aa_ops[k]['used'])
                        WHEN step = 'aave' THEN av_data
                        WHEN step = 'sp_fulfilled' THEN sp_event
                        WHEN step = 'erc1155' THEN e1_event
                        WHEN step = 'sp_pay' THEN demo_word128(sp_amounts[k - 1])
                        WHEN step IN ('weth', 'deposit') THEN path_word[1]
                        WHEN step = 'withdrawal' THEN path_word[hops + 1]
                        WHEN step = 'sync' THEN v2_sync[hop + 1]  -- the pair's reserves after the hop (DemoData.V2Swaps.cs)
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
                   (log_first + k)::BIGINT AS "index",
                   tx_index::BIGINT AS tx_index,
                   CAST(block_time AS DATE) AS block_date,
                   sender AS tx_from,
                   to_addr AS tx_to
            FROM e
            ORDER BY block_number, "index"
            """;

        // The ERC-20 Transfer events of the logs above, decoded: one per ERC-20 transfer transaction, and
        // per swap the Transfer in (log k = p, p = 1 after a Deposit, else 0) and one Transfer out per hop
        // (log k = p + 1 + 3 * hop).
        yield return $$"""
            CREATE OR REPLACE TABLE erc20_ethereum."evt_Transfer" AS
            WITH x AS (
                SELECT t.*, unnest(range(CASE WHEN kind = 'swap' THEN hops + 1 WHEN kind = 'seaport' THEN len(sp_payees) ELSE 1 END)) AS j
                FROM demo_tx t
                WHERE success AND (kind IN ('erc20', 'swap', 'lido') OR (kind = 'seaport' AND sp_weth))
            ), e AS (
                SELECT *,
                       CASE WHEN kind = 'lido' THEN 1  -- a Lido submit's mint follows its Submitted log
                            WHEN kind = 'seaport' THEN 2 + j  -- after OrderFulfilled and the token's Transfer
                            ELSE CASE WHEN mode = 'eth_in' THEN 1 ELSE 0 END + CASE WHEN j = 0 THEN 0 ELSE 3 * j - 2 END END AS k
                FROM x
            )
            SELECT CASE WHEN kind = 'seaport' THEN unhex('{{WethHex}}') ELSE path_tok[j + 1] END AS contract_address,
                   hash AS evt_tx_hash,
                   sender AS evt_tx_from,
                   to_addr AS evt_tx_to,
                   tx_index::BIGINT AS evt_tx_index,
                   (log_first + k)::BIGINT AS evt_index,
                   demo_tz(block_time) AS evt_block_time,
                   block_number AS evt_block_number,
                   CAST(block_time AS DATE) AS evt_block_date,
                   CASE WHEN kind IN ('erc20', 'seaport') THEN sender
                        WHEN kind = 'lido' THEN unhex('0000000000000000000000000000000000000000')
                        WHEN j > 0 THEN pairs[j]
                        WHEN mode = 'eth_in' THEN router
                        ELSE sender END AS "from",
                   CASE WHEN kind = 'erc20' THEN recipient
                        WHEN kind = 'seaport' THEN sp_payees[j + 1]
                        WHEN kind = 'lido' THEN sender
                        WHEN j = 0 THEN pairs[1]
                        WHEN j < hops THEN pairs[j + 1]
                        WHEN mode = 'eth_out' THEN router
                        ELSE sender END AS "to",
                   CASE WHEN kind = 'lido' THEN steth_value::{{Uint256Type}} WHEN kind = 'seaport' THEN sp_amounts[j + 1]::{{Uint256Type}}
                        ELSE path_amt[j + 1] END AS value
            FROM e
            ORDER BY evt_block_number, evt_index
            """;
    }
}
