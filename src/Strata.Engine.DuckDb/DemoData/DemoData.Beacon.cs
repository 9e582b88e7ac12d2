namespace Strata.Engine.DuckDb;

/// <summary>
/// The beacon chain's deposit contract on the demo chain: the raw chain holds validator deposits (DemoData.Chain.cs, kind
/// <c>beacon</c>, one transaction in a hundred), decoded as Dune's <c>eth2_ethereum</c> tables, and spellbook's
/// <c>staking_ethereum.deposits</c> is derived from them as its model does.
/// <list type="bullet">
/// <item>A deposit is a wallet's transaction of 32 ETH to the deposit contract
/// (<c>0x00000000219ab540356cbb839cbe05303d7705fa</c>) calling <c>deposit(bytes pubkey, bytes withdrawal_credentials, bytes
/// signature, bytes32 deposit_data_root)</c> (<c>0x22895118</c>): a 48-byte validator key, 32 bytes of withdrawal credentials
/// (type 0x01, the sender's own address, in eight cases in ten; else type 0x00, a BLS key's hash), a 96-byte signature and the
/// SSZ hash tree root of that DepositData, which the contract checks. It logs
/// <c>DepositEvent(bytes pubkey, bytes withdrawal_credentials, bytes amount, bytes signature, bytes index)</c>: the amount
/// in gwei and the deposit count before it, each as 8 little-endian bytes. The contract calls nothing (its one trace is the
/// root call, which carries the 32 ETH). Deposits are Ethereum's only (the other chains do not replay them).</item>
/// <item><c>eth2_ethereum.DepositContract_evt_DepositEvent</c>: those logs with Dune's <c>evt_*</c> columns and the ABI's
/// names, every parameter varbinary as the ABI's <c>bytes</c>.</item>
/// <item><c>staking_ethereum.deposits</c>: spellbook's <c>staking_ethereum_deposits</c> — each DepositEvent with its
/// transaction's sender and the depositor (the <c>from</c> of the successful value-carrying call to the contract, matched
/// by amount and order within the transaction), the amount in ETH, the index, the withdrawal address of type 0x01/0x02
/// credentials. Its entity columns come from spellbook's curated lists of staking entities' addresses, on which no demo
/// address is: they are NULL, as on Dune for a depositor no list names.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static readonly string[] BeaconTables = ["eth2_ethereum.DepositContract_evt_DepositEvent", "staking_ethereum.deposits"];

    /// <summary>The beacon chain deposit contract on Ethereum, hex without 0x.</summary>
    public const string BeaconDepositContract = "00000000219ab540356cbb839cbe05303d7705fa";

    /// <summary>The deposit contract's deposit count at the span's start (the index of its first deposit in the demo).</summary>
    public const long BeaconDepositsAtStart = 2_000_000;

    /// <summary>SQL for an 8-byte little-endian byte string as a BIGINT (spellbook's <c>bytearray_to_bigint(reverse(b))</c>).</summary>
    private static string LittleEndian64(string b) =>
        $"CAST(('0x' || array_to_string(list_reverse(list_transform(range(8), lambda j: substr(hex({b}), 2 * j + 1, 2))), '')) AS UBIGINT)::BIGINT";

    private static IEnumerable<string> BeaconScript()
    {
        yield return "CREATE SCHEMA IF NOT EXISTS eth2_ethereum; CREATE SCHEMA IF NOT EXISTS staking_ethereum;";
        // The five byte strings at the offsets their head words give (0xa0, 0x100, 0x140, 0x180, 0x200), each after its length word.
        yield return $"""
            CREATE OR REPLACE TABLE eth2_ethereum."DepositContract_evt_DepositEvent" AS
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.data), 2 * 192 + 1, 2 * 48)) AS pubkey,
                   unhex(substr(hex(l.data), 2 * 288 + 1, 2 * 32)) AS withdrawal_credentials,
                   unhex(substr(hex(l.data), 2 * 352 + 1, 2 * 8)) AS amount,
                   unhex(substr(hex(l.data), 2 * 416 + 1, 2 * 96)) AS signature,
                   unhex(substr(hex(l.data), 2 * 544 + 1, 2 * 8)) AS "index"
            FROM ethereum.logs l
            WHERE l.contract_address = unhex('{BeaconDepositContract}')
              AND l.topic0 = unhex('649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5')
            ORDER BY evt_block_number, evt_index;
            """;
        yield return $"""
            CREATE OR REPLACE TABLE staking_ethereum.deposits AS
            WITH deposit_events AS (
                SELECT d.evt_block_time AS block_time, d.evt_block_number AS block_number, d.evt_index, d.evt_tx_hash AS tx_hash,
                       {LittleEndian64("d.amount")} / 1e9 AS amount,
                       d.contract_address,
                       {LittleEndian64("d.\"index\"")} AS deposit_index,
                       d.pubkey, d.signature,
                       unhex(substr(hex(d.withdrawal_credentials), 1, 2)) AS withdrawal_credentials_type,
                       CASE WHEN substr(hex(d.withdrawal_credentials), 1, 2) IN ('01', '02')
                            THEN unhex(substr(hex(d.withdrawal_credentials), 25)) END AS withdrawal_address,
                       d.withdrawal_credentials,
                       row_number() OVER (PARTITION BY d.evt_block_number, d.evt_tx_hash, {LittleEndian64("d.amount")} ORDER BY d.evt_index)
                           AS table_merging_deposits_id
                FROM eth2_ethereum."DepositContract_evt_DepositEvent" d
            ), traces AS (
                SELECT t.block_number, t.tx_hash, CAST(t.value AS DOUBLE) / 1e18 AS amount, t."from" AS depositor_address,
                       row_number() OVER (PARTITION BY t.block_number, t.tx_hash, t.value ORDER BY t.trace_address) AS table_merging_traces_id
                FROM ethereum.traces t
                WHERE t."to" = unhex('{BeaconDepositContract}')
                  AND (t.call_type NOT IN ('delegatecall', 'callcode', 'staticcall') OR t.call_type IS NULL)
                  AND t.value > 0::{Uint256Type}
                  AND t.success
            )
            SELECT d.block_time, d.block_number, d.amount AS amount_staked, ett.depositor_address,
                   NULL::VARCHAR AS entity, NULL::VARCHAR AS entity_unique_name, NULL::VARCHAR AS entity_category,
                   NULL::VARCHAR AS sub_entity, NULL::VARCHAR AS sub_entity_unique_name, NULL::VARCHAR AS sub_entity_category,
                   d.tx_hash, et."from" AS tx_from, d.deposit_index, d.pubkey, d.signature, d.withdrawal_address,
                   d.withdrawal_credentials_type, d.withdrawal_credentials, d.evt_index
            FROM deposit_events d
            JOIN ethereum.transactions et ON et.block_number = d.block_number AND et.hash = d.tx_hash
            JOIN traces ett ON ett.block_number = d.block_number AND ett.tx_hash = d.tx_hash AND ett.amount = d.amount
                AND ett.table_merging_traces_id = d.table_merging_deposits_id
            ORDER BY d.block_number, d.evt_index;
            """;
    }
}
