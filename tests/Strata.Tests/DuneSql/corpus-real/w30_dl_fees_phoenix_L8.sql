-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/phoenix/index.ts (template string at line 8; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
select
      sum(fee_usd) as total_fee_usd
    from dex_solana.trades
    where
      project = 'phoenix'
      and block_time>=from_unixtime(1764979200) and block_time<from_unixtime(1765065600)
