-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/ethereum/index.ts (SQL_TOTAL_BLOB_FEES_BURNED, line 62; TIME_RANGE substituted as helpers/dune.ts does, SQL otherwise verbatim)

  SELECT SUM(blob_gas_used * blob_base_fee) AS blob_fees_wei
  FROM ethereum.blobs_submissions
  WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
