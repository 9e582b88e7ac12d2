-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, aggregators/jupiter-aggregator/index.ts (template string at line 7; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT COALESCE(SUM(amount_usd), 0) AS volume_24
  FROM (
    SELECT
      amount_usd,
      -- dex_solana.trades has one row per pool hop, so a multi-hop route would
      -- otherwise be counted once per hop. One Jupiter swap is one outer
      -- instruction, and a transaction can carry several of them.
      ROW_NUMBER() OVER (
        PARTITION BY tx_id, trader_id, outer_instruction_index
        ORDER BY amount_usd DESC
      ) AS rn
    FROM dex_solana.trades
    WHERE block_time >= from_unixtime(1764979200)
      AND block_time <  from_unixtime(1765065600)
      AND trade_source = 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4'
  )
  WHERE rn = 1
