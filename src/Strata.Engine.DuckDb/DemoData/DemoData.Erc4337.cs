namespace Strata.Engine.DuckDb;

/// <summary>
/// ERC-4337 account abstraction on the demo chain: bundlers' <c>handleOps</c> calls of the EntryPoint v0.6 (kind <c>aa</c>, one
/// transaction in a hundred; DemoData.Chain.cs), decoded as Dune's <c>erc4337_ethereum</c> tables, and spellbook's
/// <c>account_abstraction_erc4337</c> user operations derived from them as its macros do.
/// <list type="bullet">
/// <item>A bundle is a bundler's (one of four wallets, ids 6-9) call of <c>handleOps(UserOperation[] ops, address beneficiary)</c>
/// (<c>0x1fad948c</c>) on the EntryPoint v0.6 (<see cref="EntryPointV06"/>, its address on every chain) with one to three
/// user operations and itself as the beneficiary. An operation's sender is a wallet's smart account, its call data the
/// account's <c>execute(address dest, uint256 value, bytes func)</c> (<c>0xb61d27f6</c>) of a demo contract, no init code (the
/// accounts exist before the span), a nonce with a fresh 192-bit key and sequence 0 (the EntryPoint's two-dimensional nonces),
/// gas limits, fees (<c>maxFeePerGas</c> twice the block's base fee plus the priority fee) and a 65-byte signature; six in ten are
/// sponsored by one of three verifying paymasters (<c>paymasterAndData</c>: the paymaster, validUntil and validAfter 0, a
/// signature), the others pay from the deposit their account holds in the EntryPoint (missingAccountFunds 0, so no deposit
/// call). One in twenty operations' calls revert, with no revert data.</item>
/// <item>Traces, as the EntryPoint runs: for each operation the account's <c>validateUserOp</c> (<c>0x3a871cdd</c>) and, when
/// sponsored, the paymaster's <c>validatePaymasterUserOp</c> (<c>0xf465c77e</c>, an empty context); then for each operation the
/// EntryPoint's <c>innerHandleOp</c> (<c>0x1d732756</c>, returning the actual gas cost), in it the EntryPoint's call of the
/// account with the call data and the account's call of the destination; last the EntryPoint's payment of the collected gas
/// costs to the beneficiary. Logs: <c>BeforeExecution()</c>, then one
/// <c>UserOperationEvent(bytes32 indexed userOpHash, address indexed sender, address indexed paymaster, uint256 nonce, bool success,
/// uint256 actualGasCost, uint256 actualGasUsed)</c> per operation (paymaster zero when none); a reverted operation logs no
/// UserOperationRevertReason (its revert data is empty). actualGasUsed is the gas before execution (validations and
/// preVerificationGas) plus innerHandleOp's; actualGasCost is it times <c>min(maxFeePerGas, maxPriorityFeePerGas + basefee)</c>.
/// A failed bundle (2.5 %) is a FailedOp revert after the first account's validation (the nonce already used: front-run): the
/// root and that validation, no logs.</item>
/// <item>Synthetic: the accounts', paymasters' and user operation hashes (no Keccak-256 in the demo) and the signatures.
/// Ethereum's only (DemoData.Homes.cs): the EntryPoint is on the other chains too, but the demo builds Ethereum's tables.</item>
/// <item>Decoded: <c>erc4337_ethereum.EntryPoint_v0_6_evt_UserOperationEvent</c>, <c>EntryPoint_v0_6_evt_BeforeExecution</c> and
/// <c>EntryPoint_v0_6_call_handleOps</c> (ops as <c>array(row(...))</c> in the struct's order). spellbook:
/// <c>account_abstraction_erc4337_ethereum.v0_6_userops_basics</c> (erc4337_userops_basics), <c>…_ethereum.userops</c>
/// (erc4337_userops_enrichments: the bundle's transaction and ETH's minute price) and <c>account_abstraction_erc4337.userops</c>.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>The ERC-4337 EntryPoint v0.6 (hex), the same address on every chain it is deployed on.</summary>
    public const string EntryPointV06 = "5ff137d4b0fdcd49dca30c7cf57e578a026d2789";

    private static readonly string[] Erc4337Tables =
    [
        "erc4337_ethereum.EntryPoint_v0_6_evt_UserOperationEvent", "erc4337_ethereum.EntryPoint_v0_6_evt_BeforeExecution",
        "erc4337_ethereum.EntryPoint_v0_6_call_handleOps", "account_abstraction_erc4337_ethereum.v0_6_userops_basics",
        "account_abstraction_erc4337_ethereum.userops", "account_abstraction_erc4337.userops",
    ];

    /// <summary>
    /// The bundles' user operations (temporary <c>demo_aa</c>, one row per operation) and per bundle its calldata and totals
    /// (<c>demo_aa_tx</c>), from demo_txk, before demo_tx.
    /// </summary>
    private static IEnumerable<string> Erc4337OpsScript(Sizes size)
    {
        string wallets = Sql(size.Wallets), contracts = Sql(size.Contracts);
        // An ABI `bytes` tail: its length word and its bytes, padded to whole words.
        yield return """
            CREATE OR REPLACE TEMP MACRO demo_abi_bytes(b) AS
                demo_word(octet_length(b)) || b || repeat(unhex('00'), ((32 - octet_length(b) % 32) % 32)::INTEGER);
            """;
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_aa AS
            WITH n AS (
                SELECT x.i, x.b, x.success AS tx_success, x.sender_id, unnest(range(x.aa_n)) AS j FROM demo_txk x WHERE x.kind = 'aa'
            ), o AS (
                SELECT n.*, k.base_fee, n.i * 4 + n.j AS ok,
                       demo_addr(demo_pick(n.i * 4 + n.j, 96, {{wallets}}, 2), 97) AS account,  -- a wallet's smart account
                       CASE WHEN demo_int(n.i * 4 + n.j, 99, 10) < 6 THEN demo_addr(demo_int(n.i * 4 + n.j, 100, 3), 101) END AS paymaster,
                       ((hash(n.i * 4 + n.j, 98) >> 1)::UHUGEINT << 64)::HUGEINT AS nonce,  -- a fresh key, sequence 0
                       demo_contract(demo_pick(n.i * 4 + n.j, 20, {{contracts}}, 2)) AS dest,
                       (hash(n.i * 4 + n.j, 38) >> 32)::UINTEGER::BIT::BLOB || demo_hash(n.i * 4 + n.j, 40) AS func,
                       demo_int(n.i * 4 + n.j, 102, 20) > 0 AS op_success,
                       demo_hash(n.i * 4 + n.j, 115) AS op_hash,
                       25000 + demo_int(n.i * 4 + n.j, 103, 10000) AS g_val,
                       3000 + demo_int(n.i * 4 + n.j, 105, 20000) AS g_dest,
                       45000 + demo_int(n.i * 4 + n.j, 108, 5000) AS pvg,
                       100000000 * (1 + demo_int(n.i * 4 + n.j, 110, 20)) AS prio
                FROM n JOIN demo_blocks k USING (b)
            ), g AS (
                SELECT *,
                       CASE WHEN paymaster IS NOT NULL THEN 12000 + demo_int(ok, 104, 5000) ELSE 0 END AS g_pm,
                       g_dest + 6000 + demo_int(ok, 106, 2000) AS g_exec,
                       2 * base_fee + prio AS max_fee,
                       unhex('b61d27f6') || demo_pad(dest) || demo_word(0) || demo_word(96) || demo_word(36) || func
                           || repeat(unhex('00'), 28) AS call_data,
                       CASE WHEN paymaster IS NULL THEN ''::BLOB
                            ELSE paymaster || demo_word(0) || demo_word(0) || demo_hash(ok, 111) || demo_hash(ok, 112) || unhex('1b') END AS pm_data,
                       demo_hash(ok, 113) || demo_hash(ok, 114) || unhex('1c') AS signature
                FROM o
            ), h AS (
                SELECT *,
                       g_exec + 9000 + demo_int(ok, 107, 2000) AS g_inner,
                       g_exec + 20000 + demo_int(ok, 109, 30000) AS call_gas,
                       g_val + g_pm + 30000 + demo_int(ok, 116, 20000) AS ver_gas,
                       g_val + g_pm + pvg + 3000 AS pre_op_gas
                FROM g
            ), c AS (
                SELECT *,
                       pre_op_gas + g_inner + 1000 AS used,
                       (pre_op_gas + g_inner + 1000) * (base_fee + prio) AS cost,  -- min(maxFeePerGas, priority + basefee) = basefee + priority
                       (call_gas + ver_gas * CASE WHEN paymaster IS NULL THEN 1 ELSE 3 END + pvg) * max_fee AS prefund,
                       -- the UserOperation tuple: eleven head words, then initCode (empty), callData, paymasterAndData, signature
                       demo_pad(account) || demo_word128(nonce) || demo_word(352) || demo_word(384) || demo_word(call_gas) || demo_word(ver_gas)
                           || demo_word(pvg) || demo_word(max_fee) || demo_word(prio)
                           || demo_word(384 + octet_length(demo_abi_bytes(call_data)))
                           || demo_word(384 + octet_length(demo_abi_bytes(call_data)) + octet_length(demo_abi_bytes(pm_data)))
                           || demo_word(0) || demo_abi_bytes(call_data) || demo_abi_bytes(pm_data) || demo_abi_bytes(signature) AS enc
                FROM h
            )
            SELECT *,
                   count(*) OVER (PARTITION BY i) AS m,
                   -- where op j's validation traces start, and its tuple's offset in the ops array
                   sum(1 + (paymaster IS NOT NULL)::INTEGER) OVER (PARTITION BY i ORDER BY j) - 1 - (paymaster IS NOT NULL)::INTEGER AS vpos,
                   sum(1 + (paymaster IS NOT NULL)::INTEGER) OVER (PARTITION BY i) AS v,
                   32 * count(*) OVER (PARTITION BY i) + sum(octet_length(enc)) OVER (PARTITION BY i ORDER BY j) - octet_length(enc) AS enc_off
            FROM c
            ORDER BY i, j
            """;
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_aa_tx AS
            SELECT i,
                   -- handleOps(UserOperation[] ops, address beneficiary): the bundler is the beneficiary
                   unhex('1fad948c') || demo_word(64) || demo_pad(demo_wallet(any_value(sender_id))) || demo_word(count(*))
                       || list_reduce(list(demo_word(enc_off) ORDER BY j), lambda a, b: a || b)
                       || list_reduce(list(enc ORDER BY j), lambda a, b: a || b) AS aa_data,
                   list({'hash': op_hash, 'account': account, 'paymaster': paymaster, 'nonce': nonce, 'success': op_success,
                         'cost': cost, 'used': used} ORDER BY j) AS aa_ops,
                   count(*) AS aa_m,
                   any_value(v) AS aa_v,
                   sum(g_val + g_pm + g_inner)::BIGINT AS aa_gas,
                   -- what the bundler asks for each operation: its validations' limits, its call's and innerHandleOp's own
                   sum(ver_gas * CASE WHEN paymaster IS NULL THEN 1 ELSE 2 END + call_gas + 5000)::BIGINT AS aa_limit,
                   arg_min(g_val, j)::BIGINT AS aa_g0,
                   sum(cost)::HUGEINT AS aa_cost
            FROM demo_aa GROUP BY i
            """;
    }

    /// <summary>The traces of the bundles (UNION ALL into ethereum.traces' calls; columns in its order, k orders them).</summary>
    private static string Erc4337TraceSql => $$"""
        SELECT CASE s WHEN 'validate' THEN 1 + vpos WHEN 'pm' THEN 2 + vpos ELSE v + 3 * j + ['inner', 'exec', 'dest'].list_position(s) END AS k,
               t.block_time, t.block_number, 0::{{Uint256Type}} AS value,
               CASE s WHEN 'validate' THEN ver_gas WHEN 'pm' THEN ver_gas WHEN 'inner' THEN call_gas + ver_gas + 5000
                      WHEN 'exec' THEN call_gas ELSE call_gas * 63 // 64 - 3000 END AS gas,
               CASE s WHEN 'validate' THEN g_val WHEN 'pm' THEN g_pm WHEN 'inner' THEN g_inner WHEN 'exec' THEN g_exec ELSE g_dest END AS gas_used,
               t.block_hash,
               t.success AND (op_success OR s NOT IN ('exec', 'dest')) AS success,
               t.tx_index,
               CASE WHEN s IN ('inner', 'exec') THEN 1 ELSE 0 END AS sub_traces,
               CASE WHEN s IN ('exec', 'dest') AND NOT op_success THEN 'Reverted' END AS error,
               t.success AS tx_success, t.hash AS tx_hash,
               CASE s WHEN 'dest' THEN account ELSE unhex('{{EntryPointV06}}') END AS "from",
               CASE s WHEN 'validate' THEN account WHEN 'pm' THEN paymaster WHEN 'inner' THEN unhex('{{EntryPointV06}}')
                      WHEN 'exec' THEN account ELSE dest END AS "to",
               CASE s WHEN 'validate' THEN [vpos] WHEN 'pm' THEN [vpos + 1] WHEN 'inner' THEN [v + j] WHEN 'exec' THEN [v + j, 0]
                      ELSE [v + j, 0, 0] END AS trace_address,
               'call' AS type, NULL::BLOB AS address, NULL::BLOB AS code, 'call' AS call_type,
               CASE s WHEN 'validate' THEN unhex('3a871cdd') || demo_word(96) || op_hash || demo_word(0) || enc  -- missingAccountFunds 0
                      WHEN 'pm' THEN unhex('f465c77e') || demo_word(96) || op_hash || demo_word(prefund) || enc       -- maxCost: the prefund
                      -- innerHandleOp(bytes callData, UserOpInfo opInfo, bytes context): the memory user op, its hash, prefund,
                      -- context offset (an empty context's) and preOpGas, then the call data and the empty context
                      WHEN 'inner' THEN unhex('1d732756') || demo_word(480) || demo_pad(account) || demo_word128(o.nonce) || demo_word(call_gas)
                          || demo_word(ver_gas) || demo_word(pvg) || demo_pad(coalesce(paymaster, {{ZeroAddress}})) || demo_word(max_fee)
                          || demo_word(prio) || op_hash || demo_word(prefund) || demo_word(96) || demo_word(pre_op_gas)
                          || demo_word(480 + octet_length(demo_abi_bytes(call_data))) || demo_abi_bytes(call_data) || demo_word(0)
                      WHEN 'exec' THEN call_data
                      ELSE func END AS input,
               CASE WHEN NOT t.success THEN ''::BLOB
                    WHEN s = 'validate' THEN demo_word(0)                               -- validationData: valid, no time range
                    WHEN s = 'pm' THEN demo_word(64) || demo_word(0) || demo_word(0)    -- (bytes context, uint256 validationData)
                    WHEN s = 'inner' THEN demo_word(cost)                               -- actualGasCost
                    ELSE ''::BLOB END AS output
        FROM demo_aa o
        JOIN demo_tx t ON t.i = o.i
        CROSS JOIN (SELECT unnest(['validate', 'pm', 'inner', 'exec', 'dest']) AS s) steps
        WHERE CASE WHEN NOT t.success THEN s = 'validate' AND j = 0  -- a failed bundle: FailedOp after the first validation
                   ELSE s <> 'pm' OR paymaster IS NOT NULL END
        UNION ALL
        -- the EntryPoint pays the bundle's gas costs to the beneficiary
        SELECT v + 3 * aa_m + 1, block_time, block_number, aa_cost::{{Uint256Type}}, 10000 + demo_int(i, 117, 20000), 0, block_hash, success,
               tx_index, 0, NULL, success, hash, unhex('{{EntryPointV06}}'), sender, [aa_v + aa_m], 'call', NULL, NULL, 'call', ''::BLOB, ''::BLOB
        FROM (SELECT *, aa_v AS v FROM demo_tx) WHERE kind = 'aa' AND success
        """;
}
