-- Source: github.com/DefiLlama/dimension-adapters @99d91f7b6, fees/sophon.ts (template string at line 14; ${options.startTimestamp}/${options.endTimestamp} time bounds substituted, SQL otherwise verbatim)
    SELECT
      COALESCE(SUM(tx_fee), 0) AS total_fee
    FROM gas.fees
    WHERE blockchain = 'sophon'
      AND block_time >= from_unixtime(1764979200)
      AND block_time < from_unixtime(1765065600)
