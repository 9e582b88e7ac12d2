-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/sophon.ts (template string at line 14; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT
      COALESCE(SUM(tx_fee), 0) AS total_fee
    FROM gas.fees
    WHERE blockchain = 'sophon'
      AND block_time >= from_unixtime(1764979200)
      AND block_time < from_unixtime(1765065600)
