-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, aggregators/titan-exchange/index.ts (template string at line 15; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT
      COALESCE(SUM(amount_usd), 0) AS volume
    FROM dex_solana.trades
    WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
      AND trade_source = 'T1TANpTeScyeqVzzgNViGDNrkQ6qHz9KrSBS4aNXvGT'
