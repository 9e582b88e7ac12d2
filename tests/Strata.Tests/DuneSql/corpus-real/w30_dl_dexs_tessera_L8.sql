-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/tessera/index.ts (template string at line 8; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
select 
      sum(amount_usd) as daily_volume
    from dex_solana.trades
    where project = 'tessera'
    and block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
