namespace Strata.Engine.DuckDb;

/// <summary>
/// <c>ethereum.blobs_submissions</c>: spellbook's <c>ethereum_blob_submissions</c> model over the demo chain's blob transactions
/// (DemoData.Chain.cs, kind <c>blob</c>, type <c>'3'</c>: six rollup batchers posting one to six blobs each) and their blocks.
/// <list type="bullet">
/// <item>One row per type-3 transaction: the transaction's block, hash, value, sender (<c>blob_submitter</c>), recipient
/// (<c>blob_receiver</c>), index, success, data, type, versioned hashes and blob fee cap; <c>blob_count</c> the number of hashes,
/// <c>blob_gas_used</c> that times 2^17 (a DOUBLE, as the model's <c>pow</c> gives it), <c>blob_indexes</c> the block-wide
/// positions of its blobs (those of the block's earlier type-3 transactions first), <c>is_blobscription</c> whether the data
/// begins with <c>data:</c>.</item>
/// <item><c>blob_base_fee</c>: the block's <c>floor(exp(excess_blob_gas / update fraction))</c>, the fraction by the block's
/// number as the model has it (Dencun, Pectra, Fusaka's BPO1 and BPO2).</item>
/// <item>The beacon slot and epoch: the model reads them from <c>beacon.blocks</c> (by the parent beacon root), which the demo
/// lacks; a slot is 12 seconds from the beacon chain's genesis (1606824023, 2020-12-01 12:00:23 UTC) and an epoch 32 slots, so
/// the block's time gives both.</item>
/// <item><c>blob_submitter_label</c>: the model's list of submitters names real batchers' addresses, none of them a demo wallet;
/// the demo's batchers are labelled by the inbox they post to (Base's and OP Mainnet's batch inboxes), the others NULL, as an
/// address the list lacks is on Dune. <c>blob_proposer_label</c> is the list's empty proposer where labelled.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>The beacon chain's genesis time (unix seconds): slot 0.</summary>
    public const long BeaconGenesisUnix = 1_606_824_023;

    private static readonly string[] BlobTables = ["ethereum.blobs_submissions"];

    private static IEnumerable<string> BlobScript()
    {
        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.blobs_submissions AS
            WITH t AS (
                SELECT *, len(blob_versioned_hashes)::BIGINT AS n,
                       sum(len(blob_versioned_hashes)) OVER (PARTITION BY block_number ORDER BY "index")::BIGINT AS upto
                FROM ethereum.transactions
                WHERE type = '3'
            ), b AS (
                SELECT number, time,
                       floor(exp(CAST(excess_blob_gas AS DOUBLE) /
                                 CASE WHEN number >= 24179383 THEN 11684671 WHEN number >= 23975778 THEN 8346193
                                      WHEN number >= 22431084 THEN 5007716 ELSE 3338477 END))::BIGINT AS blob_base_fee
                FROM ethereum.blocks
            )
            SELECT t.block_number, t.block_time, t.block_date,
                   ((epoch(b.time)::BIGINT - {{BeaconGenesisUnix}}) // 12)::BIGINT AS beacon_slot_number,
                   ((epoch(b.time)::BIGINT - {{BeaconGenesisUnix}}) // 12 // 32)::BIGINT AS beacon_epoch,
                   t.value AS tx_value, t.hash AS tx_hash, t."from" AS blob_submitter, t."to" AS blob_receiver,
                   CASE t."to" WHEN unhex('ff00000000000000000000000000000000008453') THEN 'Base'
                               WHEN unhex('ff00000000000000000000000000000000000010') THEN 'OP Mainnet' END AS blob_submitter_label,
                   CASE WHEN t."to" IN (unhex('ff00000000000000000000000000000000008453'), unhex('ff00000000000000000000000000000000000010'))
                        THEN '' END AS blob_proposer_label,
                   t."index" AS tx_index, t.success AS tx_success, t.data AS tx_data, t.type AS tx_type, t.blob_versioned_hashes,
                   range(t.upto - t.n, t.upto) AS blob_indexes,
                   t.n AS blob_count, CAST(t.n * pow(2, 17) AS DOUBLE) AS blob_gas_used, b.blob_base_fee, t.max_fee_per_blob_gas,
                   coalesce(substr(hex(t.data), 1, 10) = '646174613A', false) AS is_blobscription  -- 'data:' in UTF-8
            FROM t JOIN b ON b.number = t.block_number
            ORDER BY t.block_number, t."index"
            """;
    }
}
