-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/taiko.ts (the query at line 34; ${contracts} and ${selectors} as its asVarbinaryList joins TAIKO_ROLLUP_CONTRACTS / TAIKO_ROLLUP_SELECTORS, ${options.startTimestamp}/${options.endTimestamp} 1764979200/1765065600, SQL otherwise verbatim)
    WITH l2_fees AS (
      SELECT
        CAST(
          COALESCE(SUM(CAST(tx_fee_raw AS DECIMAL(38, 0))), 0)
          AS VARCHAR
        ) AS l2_fees_wei
      FROM gas.fees
      WHERE blockchain = 'taiko'
        AND block_time >= from_unixtime(1764979200)
        AND block_time < from_unixtime(1765065600)
    ),
    taiko_blob_txs AS (
      SELECT DISTINCT tx_hash
      FROM ethereum.blobs_submissions
      WHERE block_time >= from_unixtime(1764979200)
        AND block_time < from_unixtime(1765065600)
        AND blob_submitter_label = 'Taiko'
    ),
    taiko_selector_txs AS (
      SELECT DISTINCT hash AS tx_hash
      FROM ethereum.transactions
      WHERE block_time >= from_unixtime(1764979200)
        AND block_time < from_unixtime(1765065600)
        AND success
        AND "to" IN (0x06a9Ab27c7e2255df1815E6CC0168d7755Feb19a, 0x68d30f47F19c07bCCEf4Ac7FAE2Dc12FCa3e0dC9, 0x6f21c543a4af5189ebdb0723827577e1ef57ef1f)
        AND bytearray_substring(data, 1, 4) IN (0x47faad14, 0xc9cc2843, 0x0cc62b42, 0x648885fb, 0x0c8f4a10, 0xe4882785, 0x10d008bd, 0x440b6e18, 0x9791e644, 0xea191743)
    ),
    taiko_l1_txs AS (
      SELECT tx_hash FROM taiko_blob_txs
      UNION
      SELECT tx_hash FROM taiko_selector_txs
    ),
    l1_execution_costs AS (
      SELECT
        CAST(
          COALESCE(
            SUM(CAST(t.gas_used AS DECIMAL(18, 0)) * CAST(t.gas_price AS DECIMAL(20, 0))),
            CAST(0 AS DECIMAL(38, 0))
          )
          AS VARCHAR
        ) AS l1_execution_wei
      FROM ethereum.transactions t
      INNER JOIN taiko_l1_txs rollup_tx ON rollup_tx.tx_hash = t.hash
      WHERE t.block_time >= from_unixtime(1764979200)
        AND t.block_time < from_unixtime(1765065600)
    ),
    l1_blob_costs AS (
      SELECT
        CAST(
          COALESCE(
            SUM(CAST(b.blob_gas_used AS DECIMAL(18, 0)) * CAST(b.blob_base_fee AS DECIMAL(20, 0))),
            CAST(0 AS DECIMAL(38, 0))
          )
          AS VARCHAR
        ) AS l1_blob_wei
      FROM ethereum.blobs_submissions b
      INNER JOIN taiko_blob_txs blob_tx ON blob_tx.tx_hash = b.tx_hash
      WHERE b.block_time >= from_unixtime(1764979200)
        AND b.block_time < from_unixtime(1765065600)
    )
    SELECT
      l2_fees.l2_fees_wei,
      l1_execution_costs.l1_execution_wei,
      l1_blob_costs.l1_blob_wei
    FROM l2_fees
    CROSS JOIN l1_execution_costs
    CROSS JOIN l1_blob_costs
