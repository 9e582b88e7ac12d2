-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/sudoswap-v2/index.ts (template string at line 12; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT
      blockchain,
      COALESCE(SUM(amount_usd), 0) as usd_volume
    FROM nft.trades
    WHERE project = 'sudoswap'
      AND version = 'v2'
      AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
    GROUP BY blockchain
