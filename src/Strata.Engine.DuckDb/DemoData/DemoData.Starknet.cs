namespace Strata.Engine.DuckDb;

/// <summary>
/// Starknet: <c>starknet.blocks</c>, <c>starknet.transactions</c>, <c>starknet.events</c> and <c>starknet.calls</c>, a replay of
/// a sample of the Ethereum demo transactions at the same second, in Starknet's own shapes.
/// </summary>
/// <remarks>
/// <para>
/// Columns: spellbook's <c>sources/_base_sources/other/starknet_base_sources.yml</c> (blocks, transactions, events; names and
/// order as listed there, with <c>transaction_hash</c> of the events, which the yml leaves out and Dune's queries read) and
/// dune-docs' data-catalog/starknet/*.mdx (value sets of <c>type</c>, <c>block_status</c>, <c>actual_fee_unit</c>,
/// <c>call_type</c>, <c>entry_point_type</c>). No source lists the calls table's columns; those are the ones real queries read
/// (<c>transaction_hash</c>, <c>caller_address</c>, <c>contract_address</c>, <c>entry_point_selector</c>, <c>calldata</c>)
/// plus the docs page's <c>call_type</c>, <c>entry_point_type</c> and <c>transaction_type</c>.
/// </para>
/// <para>
/// Felts (addresses, hashes, selectors, calldata words) are 32-byte varbinary. Every Starknet address is a function of the
/// Ethereum address it stands for (the sender's account, the recipient, a contract), so the same wallet is the same account
/// everywhere; ETH, USDC, USDT, DAI and WBTC are at their real Starknet contracts, STRK (the fee token) too. Selectors are
/// Starknet's (sn_keccak of the name: Transfer, __execute__, transfer, approve, swap, mint, multicall).
/// </para>
/// <para>
/// Every sampled transaction is an INVOKE v3 from the sender's account: one call to the account's <c>__execute__</c> (caller
/// 0x0) and one inner call to the target; its events are the ERC-20 Transfer events of the Ethereum transaction (Starknet's
/// ERC-20 layout: keys = [selector], data = [from, to, value.low, value.high]; a plain ETH transfer is a Transfer of the ETH
/// token, as ETH is an ERC-20 on Starknet), then the fee's Transfer in STRK from the account to the sequencer. A reverted
/// transaction pays its fee and emits only the fee's Transfer. Estimates, not Starknet's: block 2,400,000 at 2025-10-01
/// 00:00 UTC, 6-second blocks; fees in FRI from the Ethereum transaction's gas.
/// </para>
/// <para>
/// <c>messages_sent</c> is the receipt's L2→L1 messages in the shape of Starknet's <c>MSG_TO_L1</c> (the sending contract, the
/// L1 recipient, the payload's felts): <c>array(row(from_address varbinary, to_address varbinary, payload array(varbinary)))</c>,
/// not text. The replayed transfers send no message to L1, so each is an empty array, as a receipt's <c>messages_sent: []</c>.
/// </para>
/// </remarks>
public static partial class DemoData
{
    /// <summary>The Starknet demo tables.</summary>
    private static readonly string[] StarknetTables = ["starknet.blocks", "starknet.transactions", "starknet.events", "starknet.calls"];

    /// <summary>Per mille of the Ethereum demo transactions (of the kinds Starknet replays) on Starknet.</summary>
    private const int StarknetShare = 30;

    /// <summary>Starknet's selectors (sn_keccak: keccak-256 of the name, the low 250 bits).</summary>
    public const string StarknetTransferKey = "0099cd8bde557814842a3121e8ddfd433a539b8c9f14bf31ebf108d12e6196e9";

    /// <summary>The account entry point every INVOKE transaction calls.</summary>
    public const string StarknetExecute = "015d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad";

    /// <summary>STRK, the token v3 transactions pay their fee in (FRI = 10^-18 STRK).</summary>
    public const string StarknetStrk = "04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d";

    /// <summary>ETH's ERC-20 contract on Starknet.</summary>
    public const string StarknetEth = "049d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7";

    /// <summary>The sequencer every block names (Starknet's).</summary>
    public const string StarknetSequencer = "01176a1bd84444c89232ec27754698e5d2e7e1a7f1539f12027f28b23ec9f3d8";

    /// <summary>Well-known tokens at their Starknet contracts (same decimals as on Ethereum; WETH is Starknet's ETH).</summary>
    private static readonly (string Symbol, string Address)[] StarknetTokens =
    [
        ("WETH", StarknetEth),
        ("USDC", "053c91253bc9682c04929ca02ed00b3e423f6710d2ee7e0d5ebb06f3ecf368a8"),
        ("USDT", "068f5c6a61780768455de69077e07e89787839bf8166decfbf92b645209c0fb8"),
        ("DAI", "00da114221cb83fa859dbdb4c44beeaa0bb37c7537ad5ae66fe5e0efd20e6eb3"),
        ("WBTC", "03fe2b97c1fd336e750087d68b9b867997fd64a2661ff3ca5a7c771641e8e7ac"),
    ];

    private static IEnumerable<string> StarknetScript(Sizes size)
    {
        const long refBlock = 2_400_000, refUnix = 1_759_276_800, blockSeconds = 6;
        string known = string.Join(", ", StarknetTokens.Select(t => $"('{t.Symbol}', unhex('{t.Address}'))"));
        // The selectors of the inner call by kind.
        const string transfer = "0083afd3f4caedc6eebf44246fe54e38c95e3179a5ec9ea81740eca5b482d12e";
        const string approve = "0219209e083275171774dab1df80982e9df2096516f06319c5c6d71ae0a8480c";
        const string swap = "015543c3708653cda9d418b4ccd3be11368e40636c10c44b18cfe756b6d88b29";
        const string mint = "02f0b3c5710379609eb5495f1ecd348cb28167711b73609fe565a72734550354";
        const string multicall = "0204629114d253b51e3764b521f793713ac9d804db933e839857e022b5fe4150";

        // demo_sn: the Starknet felt standing for an Ethereum address (zero stays zero); demo_felt: a small number as a felt;
        // demo_lo / demo_hi: a uint256's low and high 128 bits as felts.
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS starknet;
            CREATE OR REPLACE TEMP MACRO demo_sn(a) AS
                CASE WHEN a = {{ZeroAddress}} THEN unhex(repeat('00', 32)) ELSE unhex('00' || substr(hex(demo_hash(a, 1301)), 3)) END;
            CREATE OR REPLACE TEMP MACRO demo_felt(x) AS unhex(repeat('00', 24)) || x::BIGINT::BIT::BLOB;
            CREATE OR REPLACE TEMP MACRO demo_lo(v) AS unhex(repeat('00', 16) || substr(hex(demo_uint(v)), 33, 32));
            CREATE OR REPLACE TEMP MACRO demo_hi(v) AS unhex(repeat('00', 16) || substr(hex(demo_uint(v)), 1, 32));
            CREATE OR REPLACE TEMP TABLE demo_sn_tokens AS
            SELECT t.address AS eth_address, coalesce(k.address, demo_sn(t.address)) AS address
            FROM demo_tokens t LEFT JOIN (VALUES {{known}}) k(symbol, address) ON k.symbol = t.symbol AND t.id < {{WellKnownTokens.Count}}
            """;

        // The sample, with its block, index, nonce, hash, fee and the felts of its sender and target.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_sn_tx AS
            WITH x AS (
                SELECT x.*, {{refBlock}} + (epoch(x.block_time)::BIGINT - {{refUnix}}) // {{blockSeconds}} AS number
                FROM demo_tx x
                WHERE x.kind IN ('eth', 'erc20', 'approve', 'swap', 'nft', 'call') AND demo_int(x.i, 1310, 1000) < {{StarknetShare}}
                  AND NOT list_has_any(coalesce(x.path_tok, []::BLOB[]), [{{EthereumOnlyTokensSql}}])
            )
            SELECT x.*,
                   make_timestamp(({{refUnix}} + (number - {{refBlock}}) * {{blockSeconds}}) * 1000000) AS sn_time,
                   (row_number() OVER (PARTITION BY number ORDER BY i) - 1)::BIGINT AS sn_index,
                   (row_number() OVER (PARTITION BY sender ORDER BY i) - 1 + demo_int(sender, 1311, 300))::BIGINT AS sn_nonce,
                   demo_sn(sender) AS sn_sender,
                   CASE kind WHEN 'eth' THEN unhex('{{StarknetEth}}')
                             WHEN 'erc20' THEN tk.address WHEN 'approve' THEN tk.address
                             ELSE demo_sn(to_addr) END AS sn_target,
                   CASE kind WHEN 'eth' THEN unhex('{{transfer}}') WHEN 'erc20' THEN unhex('{{transfer}}')
                             WHEN 'approve' THEN unhex('{{approve}}') WHEN 'swap' THEN unhex('{{swap}}')
                             WHEN 'nft' THEN unhex('{{mint}}') ELSE unhex('{{multicall}}') END AS sn_selector,
                   CASE kind WHEN 'eth' THEN [demo_sn(recipient), demo_lo(value), demo_hi(value)]
                             WHEN 'erc20' THEN [demo_sn(recipient), demo_lo(path_amt[1]), demo_hi(path_amt[1])]
                             ELSE []::BLOB[] END AS sn_args,
                   unhex('00' || substr(hex(demo_hash(i, 1312)), 3)) AS sn_hash,
                   unhex('00' || substr(hex(demo_hash(number, 1313)), 3)) AS sn_block_hash,
                   (CAST(gas_used AS HUGEINT) * gas_price * 20)::HUGEINT AS sn_fee
            FROM x LEFT JOIN demo_sn_tokens tk ON tk.eth_address = x.path_tok[1]
            """;

        // Block-level gas prices (per block number, the same in every table that repeats them).
        const string blockColumns = """
                   'BLOB' AS block_l1_da_mode,
                   (100000 + demo_int(number, 1314, 900000))::{0} AS block_l1_data_gas_price_in_fri,
                   (1 + demo_int(number, 1315, 50))::{0} AS block_l1_data_gas_price_in_wei,
                   (20000000000000 + demo_int(number, 1316, 30000000000000))::{0} AS block_l1_gas_price_in_fri,
                   (100000000 + demo_int(number, 1317, 900000000))::{0} AS block_l1_gas_price_in_wei,
                   '0.14.0' AS block_starknet_version,
                   CASE WHEN sn_time < {1} THEN 'ACCEPTED_ON_L1' ELSE 'ACCEPTED_ON_L2' END AS block_status
            """;
        // Blocks older than six hours before the end are proven on L1.
        string l1Cut = Sql(size.End.AddHours(-6));
        string blockCols = string.Format(System.Globalization.CultureInfo.InvariantCulture, blockColumns, Uint256Type, l1Cut);
        const string blockTail = """
                   sn_block_hash AS block_hash,
                   unhex('00' || substr(hex(demo_hash(number, 1318)), 3)) AS block_new_root,
                   unhex('00' || substr(hex(demo_hash(number - 1, 1313)), 3)) AS block_parent_hash,
            """;

        yield return $$"""
            CREATE OR REPLACE TABLE starknet.transactions AS
            SELECT CAST(sn_time AS DATE) AS block_date,
                   demo_tz(sn_time) AS block_time,
                   number AS block_number,
            {{blockCols}},
                   'L1' AS fee_data_availability_mode,
                   sn_index AS "index",
                   CAST(NULL AS {{Uint256Type}}) AS max_fee,
                   sn_nonce AS nonce,
                   'L1' AS nonce_data_availability_mode,
                   (sn_fee // 20000000000000 * 2 + 1000)::{{Uint256Type}} AS resource_bounds_l1_gas_max_amount,
                   60000000000000::{{Uint256Type}} AS resource_bounds_l1_gas_max_price_per_unit,
                   0::{{Uint256Type}} AS tip,
                   'INVOKE' AS type,
                   '0x3' AS version,
                   sn_fee::{{Uint256Type}} AS actual_fee_amount,
                   'FRI' AS actual_fee_unit,
                   (demo_int(i, 1320, 40))::BIGINT AS execution_resources_bitwise_builtin_applications,
                   (demo_int(i, 1321, 200))::BIGINT AS execution_resources_data_availability_l1_gas,
                   (128 + demo_int(i, 1322, 512))::BIGINT AS execution_resources_data_availability_l1_data_gas,
                   (demo_int(i, 1323, 4))::BIGINT AS execution_resources_ec_op_builtin_applications,
                   0::BIGINT AS execution_resources_ecdsa_builtin_applications,
                   0::BIGINT AS execution_resources_keccak_builtin_applications,
                   (demo_int(i, 1324, 300))::BIGINT AS execution_resources_memory_holes,
                   (demo_int(i, 1325, 60))::BIGINT AS execution_resources_pedersen_builtin_applications,
                   (demo_int(i, 1326, 80))::BIGINT AS execution_resources_poseidon_builtin_applications,
                   (gas_used // 200)::BIGINT AS execution_resources_range_check_builtin_applications,
                   0::BIGINT AS execution_resources_segment_arena_builtin,
                   (gas_used // 3)::BIGINT AS execution_resources_steps,
                   CASE WHEN success THEN 'SUCCEEDED' ELSE 'REVERTED' END AS execution_status,
                   CASE WHEN sn_time < {{l1Cut}} THEN 'ACCEPTED_ON_L1' ELSE 'ACCEPTED_ON_L2' END AS finality_status,
                   'INVOKE' AS receipt_type,
            {{blockTail}}
                   unhex('{{StarknetSequencer}}') AS block_sequencer_address,
                   [demo_felt(1), sn_target, sn_selector, demo_felt(len(sn_args))] || sn_args AS calldata,
                   CAST(NULL AS BLOB) AS class_hash,
                   CAST(NULL AS BLOB) AS compiled_class_hash,
                   CAST(NULL AS BLOB[]) AS constructor_calldata,
                   CAST(NULL AS BLOB) AS contract_address,
                   CAST(NULL AS BLOB) AS contract_address_salt,
                   CAST(NULL AS BLOB) AS entry_point_selector,
                   sn_hash AS hash,
                   sn_sender AS sender_address,
                   [unhex('00' || substr(hex(demo_hash(i, 1327)), 3)), unhex('00' || substr(hex(demo_hash(i, 1328)), 3))] AS signature,
                   CAST(NULL AS BLOB) AS message_hash,
                   CAST([] AS STRUCT(from_address BLOB, to_address BLOB, payload BLOB[])[]) AS messages_sent,
                   CASE WHEN NOT success THEN 'Transaction execution has failed: execution reverted' END AS revert_reason,
                   sn_hash AS transaction_hash,
                   CAST(NULL AS VARCHAR) AS state_diff
            FROM demo_sn_tx
            ORDER BY block_number, "index"
            """;

        yield return $$"""
            CREATE OR REPLACE TABLE starknet.blocks AS
            SELECT CAST(any_value(sn_time) AS DATE) AS date,
                   number,
                   demo_tz(any_value(sn_time)) AS time,
                   'BLOB' AS l1_da_mode,
                   (100000 + demo_int(number, 1314, 900000))::{{Uint256Type}} AS l1_data_gas_price_in_fri,
                   (1 + demo_int(number, 1315, 50))::{{Uint256Type}} AS l1_data_gas_price_in_wei,
                   (20000000000000 + demo_int(number, 1316, 30000000000000))::{{Uint256Type}} AS l1_gas_price_in_fri,
                   (100000000 + demo_int(number, 1317, 900000000))::{{Uint256Type}} AS l1_gas_price_in_wei,
                   '0.14.0' AS starknet_version,
                   count(*)::BIGINT AS tx_count,
                   any_value(sn_block_hash) AS hash,
                   unhex('00' || substr(hex(demo_hash(number, 1318)), 3)) AS new_root,
                   unhex('00' || substr(hex(demo_hash(number - 1, 1313)), 3)) AS parent_hash,
                   unhex('{{StarknetSequencer}}') AS sequencer_address
            FROM demo_sn_tx
            GROUP BY number
            ORDER BY number
            """;

        // Events: the transaction's ERC-20 transfers (an ETH transfer's as the ETH token's), then the fee's.
        yield return $$"""
            CREATE OR REPLACE TABLE starknet.events AS
            WITH moves AS (
                SELECT t.i, 0 AS part, e.evt_index AS o, tk.address AS token, demo_sn(e."from") AS f, demo_sn(e."to") AS r, e.value
                FROM erc20_ethereum."evt_Transfer" e
                JOIN demo_sn_tx t ON t.hash = e.evt_tx_hash AND t.block_number = e.evt_block_number
                JOIN demo_sn_tokens tk ON tk.eth_address = e.contract_address
                UNION ALL
                SELECT i, 0, 0, unhex('{{StarknetEth}}'), sn_sender, demo_sn(recipient), value FROM demo_sn_tx WHERE kind = 'eth' AND success
                UNION ALL
                SELECT i, 1, 0, unhex('{{StarknetStrk}}'), sn_sender, unhex('{{StarknetSequencer}}'), sn_fee::{{Uint256Type}} FROM demo_sn_tx
            )
            SELECT CAST(t.sn_time AS DATE) AS block_date,
                   demo_tz(t.sn_time) AS block_time,
                   t.number AS block_number,
            {{blockCols.Replace("sn_time", "t.sn_time").Replace("number,", "t.number,")}},
                   (row_number() OVER (PARTITION BY m.i ORDER BY m.part, m.o) - 1)::BIGINT AS event_index,
            {{blockTail.Replace("(number", "(t.number").Replace("sn_block_hash", "t.sn_block_hash")}}
                   unhex('{{StarknetSequencer}}') AS block_sequencer_address,
                   [m.f, m.r, demo_lo(m.value), demo_hi(m.value)] AS data,
                   [unhex('{{StarknetTransferKey}}')] AS keys,
                   m.token AS from_address,
                   unhex('00' || substr(hex(demo_hash(m.token, 1319)), 3)) AS class_hash,
                   t.sn_hash AS transaction_hash
            FROM moves m JOIN demo_sn_tx t ON t.i = m.i
            ORDER BY block_number, t.sn_index, event_index
            """;

        // Calls: the account's __execute__ (caller 0x0), then its one inner call to the target.
        yield return $$"""
            CREATE OR REPLACE TABLE starknet.calls AS
            SELECT CAST(t.sn_time AS DATE) AS block_date,
                   demo_tz(t.sn_time) AS block_time,
                   t.number AS block_number,
                   t.sn_index AS transaction_index,
                   t.sn_hash AS transaction_hash,
                   'INVOKE' AS transaction_type,
                   c.trace_address,
                   c.caller_address,
                   c.contract_address,
                   c.entry_point_selector,
                   'CALL' AS call_type,
                   'EXTERNAL' AS entry_point_type,
                   c.calldata,
                   unhex('00' || substr(hex(demo_hash(c.contract_address, 1319)), 3)) AS class_hash,
                   t.success AS execution_succeeded
            FROM demo_sn_tx t,
                 LATERAL (SELECT []::BIGINT[] AS trace_address, unhex(repeat('00', 32)) AS caller_address, t.sn_sender AS contract_address,
                                 unhex('{{StarknetExecute}}') AS entry_point_selector,
                                 [demo_felt(1), t.sn_target, t.sn_selector, demo_felt(len(t.sn_args))] || t.sn_args AS calldata
                          UNION ALL
                          SELECT [0]::BIGINT[], t.sn_sender, t.sn_target, t.sn_selector, t.sn_args) c
            ORDER BY block_number, transaction_index, len(c.trace_address)
            """;
    }
}
