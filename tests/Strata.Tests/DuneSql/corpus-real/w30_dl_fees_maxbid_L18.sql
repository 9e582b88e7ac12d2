-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/maxbid/index.ts (template string at line 18; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
select
      coalesce(sum(case when to_owner = '8iMq4uShCbj4HAGKrHHd9EY4SmYor2y1XRP7Fh21BwHJ' then amount_usd end), 0) as leverage_fee_usd,
      coalesce(sum(case when to_owner = '3JtcndcJ7EePpfYh6Hhs17qXNoeq2b9MCgidcreMzsrc' then amount_usd end), 0) as spot_fee_usd
    from tokens_solana.transfers
    where action = 'transfer'
      and to_owner in ('8iMq4uShCbj4HAGKrHHd9EY4SmYor2y1XRP7Fh21BwHJ', '3JtcndcJ7EePpfYh6Hhs17qXNoeq2b9MCgidcreMzsrc')
      AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
