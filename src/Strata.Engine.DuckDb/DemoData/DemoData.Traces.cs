namespace Strata.Engine.DuckDb;

/// <summary>The demo table <c>ethereum.traces</c>.</summary>
public static partial class DemoData
{
    private static IEnumerable<string> TraceScript(Sizes size)
    {
        string contracts = Sql(size.Contracts);

        // Traces: the root call of each transaction (k = 0) plus internal calls. A swap calls (after wrapping
        // ETH) transferFrom, then per hop pair.swap, which transfers the output and checks both balances, then
        // (when swapping to ETH) unwraps WETH and sends the ETH on. k numbers a transaction's traces in
        // depth-first order, the order of their trace_address.
        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.traces AS
            WITH x AS (
                SELECT t.*,
                       gas_limit - 21000 AS root_gas,
                       -- what each inner call (k = 1..) uses itself, a share of what the root used (at most 85 % in all); a call's
                       -- gas used is its own and its callees'
                       CASE WHEN kind NOT IN ('safe', 'safe_exec')
                            THEN list_transform(range(1, t.n_traces), lambda k: (gas_used - 21000) * (5 + demo_int(i * 8 + k, 62, 80)) // 100 // (t.n_traces - 1)) END AS owns,
                       unnest(range(1, t.n_traces)) AS k
                FROM demo_tx t WHERE t.n_traces > 1
            ), s AS (
                SELECT *,
                       CASE WHEN mode = 'eth_in' THEN 2 ELSE 1 END AS pre,
                       k - 1 - CASE WHEN mode = 'eth_in' THEN 2 ELSE 1 END AS o,
                       i * 8 + k AS tk
                FROM x
            ), r AS (
                SELECT *,
                       CASE WHEN kind IN ('erc20', 'approve', 'lido') THEN 'proxy'
                            WHEN kind = 'weth' THEN 'refund'
                            WHEN kind = 'safe' THEN ['safe_create', 'safe_call', 'safe_setup'][k]
                            WHEN kind = 'safe_exec' THEN ['exec_delegate', 'exec_call'][k]
                            WHEN kind = 'cow' THEN 'cow_interaction'  -- GPv2Settlement calls its interaction's target
                            -- Seaport moves the token, then pays each payee (DemoData.Seaport.cs)
                            WHEN kind = 'seaport' THEN CASE WHEN k = 1 THEN 'sp_nft' ELSE 'sp_pay' END
                            WHEN kind <> 'swap' THEN 'child'
                            WHEN k <= pre THEN CASE WHEN mode <> 'eth_in' THEN 'transfer_from' WHEN k = 1 THEN 'deposit' ELSE 'transfer' END
                            WHEN o < 4 * hops THEN ['pair_swap', 'transfer_out', 'balance_in', 'balance_out'][o % 4 + 1]
                            ELSE ['withdraw', 'withdraw_value', 'send_eth'][o - 4 * hops + 1] END AS step,
                       o // 4 AS hop
                FROM s
            ), q AS (
                -- a call's caller: the root, or (in a swap) the pair's swap or WETH's withdraw; a call is given 63/64 of the gas
                -- its caller has left (EIP-150), its caller having used its own share before and its earlier callees' gas
                SELECT *,
                       CASE WHEN step IN ('transfer_out', 'balance_in', 'balance_out') THEN 1 + pre + 4 * hop
                            WHEN step = 'withdraw_value' THEN k - 1 END AS kp,
                       coalesce(list_sum(owns[1:k - 1]), 0) AS before
                FROM r
            ), d AS (
                SELECT *,
                       CASE WHEN hop + 1 < hops THEN pairs[hop + 2] WHEN mode = 'eth_out' THEN router ELSE sender END AS dest,
                       -- a Safe creation: the setup call's gas, and what setup uses (about 24k gas an owner)
                       CASE step WHEN 'safe_create' THEN 210000 + demo_int(i, 88, 40000)
                                 WHEN 'safe_call' THEN 150000 + demo_int(i, 88, 40000)
                                 -- the proxy forwards all its gas to the singleton (63/64 of what it has left)
                                 WHEN 'safe_setup' THEN (150000 + demo_int(i, 88, 40000) - 700) * 63 // 64
                                 -- a Safe transaction's frames: the proxy forwards 63/64 of what it has left, the Safe (asked for no
                                 -- safeTxGas) calls with all it has but the 2,500 it keeps for its checks
                                 WHEN 'exec_delegate' THEN root_gas * 63 // 64 - 3000
                                 WHEN 'exec_call' THEN (root_gas * 63 // 64 - 3000) * 63 // 64 - 2500
                                 ELSE CASE WHEN kp IS NULL THEN (root_gas - before) * 63 // 64
                                           ELSE ((root_gas - coalesce(list_sum(owns[1:kp - 1]), 0)) * 63 // 64
                                                 - (before - coalesce(list_sum(owns[1:kp - 1]), 0) - owns[kp]) - owns[kp] // 2) * 63 // 64 END END AS gas,
                       CASE step WHEN 'safe_create' THEN 41000 + demo_int(i, 90, 3000)
                                 WHEN 'safe_call' THEN 52700 + 24000 * len(sf_owners) + demo_int(i, 89, 4000)
                                 WHEN 'safe_setup' THEN 50000 + 24000 * len(sf_owners) + demo_int(i, 89, 4000)
                                 -- a failed Safe transaction: its call reverted after half the gas the root used, the singleton
                                 -- reverted after nine tenths of it
                                 WHEN 'exec_delegate' THEN CASE WHEN success THEN 20000 + 6000 * sf_threshold + demo_int(i, 89, 4000)
                                                                ELSE (gas_used - 21000) * 9 // 10 END
                                 WHEN 'exec_call' THEN CASE WHEN success THEN 3000 + demo_int(i, 89, 10000)
                                                            ELSE (gas_used - 21000) * 5 // 10 END
                                 WHEN 'pair_swap' THEN owns[k] + owns[k + 1] + owns[k + 2] + owns[k + 3]
                                 WHEN 'withdraw' THEN owns[k] + owns[k + 1]
                                 ELSE owns[k] END AS own_gas_used,
                       CASE WHEN step = 'safe_create' THEN NULL WHEN step IN ('safe_setup', 'exec_delegate') THEN 'delegatecall'
                            WHEN step = 'child' THEN ['call', 'call', 'call', 'staticcall', 'delegatecall'][demo_int(tk, 61, 5) + 1]
                            WHEN step IN ('balance_in', 'balance_out') THEN 'staticcall'
                            WHEN step = 'proxy' THEN 'delegatecall'
                            ELSE 'call' END AS call_type
                FROM q
            ), calls AS (
                SELECT k,
                       block_time,
                       block_number,
                       CASE step WHEN 'refund' THEN path_amt[1]
                                 WHEN 'deposit' THEN path_amt[1]
                                 WHEN 'withdraw_value' THEN path_amt[hops + 1]
                                 WHEN 'send_eth' THEN path_amt[hops + 1]
                                 WHEN 'sp_pay' THEN CASE WHEN sp_weth THEN 0 ELSE sp_amounts[k - 1] END::{{Uint256Type}}
                                 ELSE 0::{{Uint256Type}} END AS value,
                       gas,
                       own_gas_used AS gas_used,
                       block_hash,
                       success,
                       tx_index,
                       CASE step WHEN 'pair_swap' THEN 3 WHEN 'withdraw' THEN 1 WHEN 'safe_call' THEN 1 WHEN 'exec_delegate' THEN 1 ELSE 0 END AS sub_traces,
                       -- a failed Safe transaction: the call reverted, so did the singleton (GS013); every other failed
                       -- transaction's inner calls completed and only their root failed
                       CASE WHEN kind = 'safe_exec' AND NOT success THEN 'Reverted' END AS error,
                       success AS tx_success,
                       hash AS tx_hash,
                       CASE step WHEN 'proxy' THEN path_tok[1]
                                 WHEN 'refund' THEN path_tok[1]
                                 WHEN 'child' THEN contract
                                 WHEN 'transfer_out' THEN pairs[hop + 1]
                                 WHEN 'balance_in' THEN pairs[hop + 1]
                                 WHEN 'balance_out' THEN pairs[hop + 1]
                                 WHEN 'withdraw_value' THEN unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
                                 WHEN 'safe_create' THEN to_addr
                                 WHEN 'safe_call' THEN to_addr
                                 WHEN 'safe_setup' THEN sf_proxy
                                 WHEN 'exec_delegate' THEN sf_proxy
                                 WHEN 'exec_call' THEN sf_proxy
                                 WHEN 'cow_interaction' THEN to_addr
                                 WHEN 'sp_nft' THEN to_addr
                                 WHEN 'sp_pay' THEN to_addr
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
                                 WHEN 'safe_create' THEN sf_proxy
                                 WHEN 'safe_call' THEN sf_proxy
                                 WHEN 'safe_setup' THEN unhex(substr(hex(data), 33, 40))  -- the singleton, createProxyWithNonce's first argument
                                 WHEN 'exec_delegate' THEN ({{SafeAddressList(f => f.Singleton)}})[sf_version + 1]
                                 WHEN 'exec_call' THEN unhex(substr(hex(data), 33, 40))    -- execTransaction's first argument
                                 WHEN 'cow_interaction' THEN cow_target
                                 WHEN 'sp_nft' THEN sp_nft
                                 WHEN 'sp_pay' THEN CASE WHEN sp_weth THEN unhex('{{WethHex}}') ELSE sp_payees[k - 1] END
                                 ELSE unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2') END AS "to",
                       CASE WHEN step = 'safe_setup' THEN [1, 0]
                            WHEN step = 'exec_call' THEN [0, 0]
                            WHEN kind <> 'swap' OR k <= pre THEN [k - 1]
                            WHEN step = 'pair_swap' THEN [pre + hop]
                            WHEN o < 4 * hops THEN [pre + hop, o % 4 - 1]
                            WHEN step = 'withdraw' THEN [pre + hops]
                            WHEN step = 'withdraw_value' THEN [pre + hops, 0]
                            ELSE [pre + hops + 1] END AS trace_address,
                       CASE WHEN step = 'safe_create' THEN 'create' ELSE 'call' END AS type,
                       CASE WHEN step = 'safe_create' THEN sf_proxy END AS address,
                       CASE WHEN step = 'safe_create' THEN {{SafeProxyCode("sf_version")}} END AS code,
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
                                 -- the proxy's creation code with the singleton as its constructor argument; setup, called and delegated
                                 WHEN 'safe_create' THEN {{SafeProxyCreationCode("sf_version")}} || unhex(substr(hex(data), 9, 64))
                                 WHEN 'safe_call' THEN sf_setup
                                 WHEN 'safe_setup' THEN sf_setup
                                 WHEN 'exec_delegate' THEN data
                                 WHEN 'exec_call' THEN unhex(substr(hex(data), 2 * 356 + 1, 72))  -- the Safe transaction's data
                                 WHEN 'cow_interaction' THEN cow_icall
                                 -- transferFrom(address,address,uint256): the token, seller to buyer; WETH, buyer to payee (ETH: no input)
                                 WHEN 'sp_nft' THEN unhex('23b872dd') || demo_pad(sp_seller) || demo_pad(sender) || demo_nft_word(sp_token_id)
                                 WHEN 'sp_pay' THEN CASE WHEN sp_weth THEN unhex('23b872dd') || demo_pad(sender) || demo_pad(sp_payees[k - 1])
                                                                           || demo_word128(sp_amounts[k - 1]) ELSE ''::BLOB END
                                 ELSE ''::BLOB END AS input,
                       CASE WHEN step = 'safe_create' THEN NULL::BLOB
                            WHEN NOT success THEN ''::BLOB
                            WHEN kind = 'lido' THEN demo_word128(steth_shares)  -- submit returns the shares minted
                            WHEN step IN ('proxy', 'transfer', 'transfer_from', 'transfer_out', 'exec_delegate') THEN demo_word(1)
                            WHEN step = 'sp_pay' AND sp_weth THEN demo_word(1)  -- WETH's transferFrom returns true
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
                            WHEN kind = 'safe' THEN least(2, n_traces - 1)  -- the CREATE2 and the setup call
                            WHEN kind = 'safe_exec' THEN least(1, n_traces - 1)  -- the delegatecall
                            -- the validations, the innerHandleOps and the payment; a failed bundle's first validation
                            WHEN kind = 'aa' THEN CASE WHEN success THEN aa_v + aa_m + 1 ELSE 1 END
                            ELSE n_traces - 1 END AS sub_traces,
                       CASE WHEN NOT success THEN CASE WHEN oog THEN 'Out of gas' ELSE 'Reverted' END END AS error,
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
                            WHEN kind = 'lido' THEN demo_word128(steth_shares)
                            WHEN kind = 'safe' THEN demo_pad(sf_proxy)  -- createProxyWithNonce returns the proxy
                            WHEN kind = 'safe_exec' THEN demo_word(1)   -- execTransaction returns success
                            WHEN kind = 'swap'  -- uint256[] amounts
                                THEN demo_word(32) || demo_word(hops + 1) || path_word[1] || path_word[2] || coalesce(path_word[3], ''::BLOB)
                            WHEN kind = 'call' AND variant % 2 = 0 THEN demo_hash(i, 68)
                            ELSE ''::BLOB END AS output
                FROM demo_tx
            )
            SELECT * EXCLUDE (k) REPLACE (demo_tz(block_time) AS block_time, gas::BIGINT AS gas, gas_used::BIGINT AS gas_used,
                                         tx_index::BIGINT AS tx_index, sub_traces::BIGINT AS sub_traces,
                                         trace_address::BIGINT[] AS trace_address),
                   NULL::BLOB AS refund_address,
                   CAST(block_time AS DATE) AS block_date
            FROM (SELECT * FROM roots UNION ALL SELECT * FROM calls UNION ALL {{Erc4337TraceSql}})
            ORDER BY block_number, tx_index, k
            """;
    }
}
