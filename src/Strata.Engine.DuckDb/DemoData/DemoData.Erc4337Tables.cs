namespace Strata.Engine.DuckDb;

/// <summary>
/// The ERC-4337 tables (DemoData.Erc4337.cs): Dune's decoded <c>erc4337_ethereum</c> EntryPoint v0.6 tables from the logs and
/// traces, and spellbook's <c>account_abstraction_erc4337</c> user operations from them.
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> Erc4337Script()
    {
        const string userOperationEvent = "49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f";
        yield return "CREATE SCHEMA IF NOT EXISTS erc4337_ethereum; CREATE SCHEMA IF NOT EXISTS account_abstraction_erc4337_ethereum; "
            + "CREATE SCHEMA IF NOT EXISTS account_abstraction_erc4337;";
        // Reading ABI-encoded calldata as hex text h: a small integer word, a word's low 20 bytes, a `bytes` at its length word.
        yield return """
            CREATE OR REPLACE TEMP MACRO demo_hx_int(h, pos) AS ('0x' || substr(h, 2 * pos + 49, 16))::UBIGINT::BIGINT;
            CREATE OR REPLACE TEMP MACRO demo_hx_word(h, pos) AS unhex(substr(h, 2 * pos + 1, 64));
            CREATE OR REPLACE TEMP MACRO demo_hx_bytes(h, pos) AS unhex(substr(h, 2 * pos + 65, 2 * demo_hx_int(h, pos)));
            """;
        yield return $"""
            CREATE OR REPLACE TABLE erc4337_ethereum."EntryPoint_v0_6_evt_UserOperationEvent" AS
            SELECT l.contract_address, {EventColumns},
                   l.topic1 AS "userOpHash",
                   unhex(substr(hex(l.topic2), 25, 40)) AS sender,
                   unhex(substr(hex(l.topic3), 25, 40)) AS paymaster,
                   {LowWord("l.data")} AS nonce,
                   substr(hex(l.data), 65, 64) <> repeat('0', 64) AS success,
                   {LowWord("unhex(substr(hex(l.data), 129, 64))")} AS "actualGasCost",
                   {LowWord("unhex(substr(hex(l.data), 193, 64))")} AS "actualGasUsed"
            FROM ethereum.logs l
            WHERE l.contract_address = unhex('{EntryPointV06}') AND l.topic0 = unhex('{userOperationEvent}')
            ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE erc4337_ethereum."EntryPoint_v0_6_evt_BeforeExecution" AS
            SELECT l.contract_address, {EventColumns}
            FROM ethereum.logs l
            WHERE l.contract_address = unhex('{EntryPointV06}')
              AND l.topic0 = unhex('bb47ee3e183a558b1a2ff0874b079f3fc5478b7454eacf2bfc5af2ff5878f972')
            ORDER BY evt_block_number, evt_index;
            """;
        // The handleOps calls (successful or not, as Dune's call tables hold them): ops decoded from the input, each tuple at
        // 4 + 96 + its offset; its bytes members at the tuple's start + their offsets.
        string u256(string at) => LowWord($"demo_hx_word(h, {at})");
        yield return $$"""
            CREATE OR REPLACE TABLE erc4337_ethereum."EntryPoint_v0_6_call_handleOps" AS
            WITH c AS (
                SELECT tr.*, hex(tr.input) AS h, t."from" AS tx_from, t."to" AS tx_to
                FROM ethereum.traces tr
                JOIN ethereum.transactions t ON t.hash = tr.tx_hash AND t.block_number = tr.block_number
                WHERE tr."to" = unhex('{{EntryPointV06}}') AND tr.call_type = 'call' AND substr(hex(tr.input), 1, 8) = '1FAD948C'
            ), o AS (
                SELECT *, list_transform(range(demo_hx_int(h, 68)), lambda j: 100 + demo_hx_int(h, 100 + 32 * j)) AS starts FROM c
            )
            SELECT "to" AS contract_address, success AS call_success, tx_hash AS call_tx_hash, tx_from AS call_tx_from, tx_to AS call_tx_to,
                   tx_index AS call_tx_index, trace_address AS call_trace_address, block_time AS call_block_time,
                   block_number AS call_block_number, block_date AS call_block_date,
                   list_transform(starts, lambda p: {
                       'sender': unhex(substr(h, 2 * p + 25, 40)),
                       'nonce': {{u256("p + 32")}},
                       'initCode': demo_hx_bytes(h, p + demo_hx_int(h, p + 64)),
                       'callData': demo_hx_bytes(h, p + demo_hx_int(h, p + 96)),
                       'callGasLimit': {{u256("p + 128")}},
                       'verificationGasLimit': {{u256("p + 160")}},
                       'preVerificationGas': {{u256("p + 192")}},
                       'maxFeePerGas': {{u256("p + 224")}},
                       'maxPriorityFeePerGas': {{u256("p + 256")}},
                       'paymasterAndData': demo_hx_bytes(h, p + demo_hx_int(h, p + 288)),
                       'signature': demo_hx_bytes(h, p + demo_hx_int(h, p + 320))}) AS ops,
                   unhex(substr(h, 2 * 36 + 25, 40)) AS beneficiary
            FROM o
            ORDER BY call_block_number, call_tx_index, call_trace_address;
            """;
        // spellbook's erc4337_userops_basics (v0.6) and erc4337_userops_enrichments (ethereum), then the cross-chain union.
        yield return """
            CREATE OR REPLACE TABLE account_abstraction_erc4337_ethereum.v0_6_userops_basics AS
            WITH userop AS (
                SELECT 'ethereum' AS blockchain, 'v0.6' AS version,
                       CAST(date_trunc('month', timezone('UTC', evt_block_time)) AS DATE) AS block_month,
                       evt_block_time AS block_time, contract_address AS entrypoint_contract, evt_tx_hash AS tx_hash, sender,
                       "userOpHash" AS userop_hash, success, paymaster, CAST("actualGasCost" AS DOUBLE) / 1e18 AS op_fee
                FROM erc4337_ethereum."EntryPoint_v0_6_evt_UserOperationEvent"
            ), handleops AS (
                SELECT DISTINCT call_tx_hash AS tx_hash, beneficiary
                FROM erc4337_ethereum."EntryPoint_v0_6_call_handleOps"
                WHERE call_success = true
            )
            SELECT userop.*, handleops.beneficiary
            FROM userop LEFT JOIN handleops ON userop.tx_hash = handleops.tx_hash
            ORDER BY block_time, tx_hash, userop_hash;
            CREATE OR REPLACE TABLE account_abstraction_erc4337_ethereum.userops AS
            WITH txs AS (
                SELECT hash AS tx_hash, tx."from" AS tx_from, tx."to" AS tx_to, 'ETH' AS gas_symbol,
                       CAST(gas_used AS DOUBLE) * gas_price / 1e18 AS tx_fee
                FROM ethereum.transactions tx
                WHERE hash IN (SELECT tx_hash FROM account_abstraction_erc4337_ethereum.v0_6_userops_basics)
                  AND block_time > DATE '2023-02-15'
            ), price AS (
                SELECT symbol, decimals, minute, price
                FROM prices.usd
                WHERE minute > DATE '2023-02-15' AND contract_address = unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
                  AND blockchain = 'ethereum'
            )
            SELECT userop.blockchain, userop.version, userop.block_month, userop.block_time, userop.entrypoint_contract, userop.tx_hash,
                   userop.sender, userop.userop_hash, userop.success, userop.paymaster, userop.op_fee,
                   userop.op_fee * price.price AS op_fee_usd,
                   txs.tx_from AS bundler, txs.tx_to, txs.gas_symbol, txs.tx_fee, txs.tx_fee * price.price AS tx_fee_usd,
                   userop.beneficiary
            FROM account_abstraction_erc4337_ethereum.v0_6_userops_basics userop
            LEFT JOIN txs ON userop.tx_hash = txs.tx_hash
            LEFT JOIN price ON date_trunc('minute', userop.block_time) = price.minute
            ORDER BY block_time, tx_hash, userop_hash;
            CREATE OR REPLACE TABLE account_abstraction_erc4337.userops AS
            SELECT blockchain, version, block_month, block_time, entrypoint_contract, tx_hash, sender, userop_hash, success, paymaster,
                   op_fee, op_fee_usd, bundler, tx_to, gas_symbol, tx_fee, tx_fee_usd, beneficiary
            FROM account_abstraction_erc4337_ethereum.userops;
            """;
    }
}
