-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, aggregators/nanoport/index.ts (template string at line 18; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT
      blockchain,
      COALESCE(SUM(amount_usd), 0) AS volume
    FROM dex.trades
    WHERE tx_from = 0xF0E9286CfCB75c94ac19E99bCD93D814da55e304
    AND block_time >= from_unixtime(1764979200)
    AND block_time < from_unixtime(1765065600)
    GROUP BY blockchain
