-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/pumpfun.ts (template string at line 9; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT 
      SUM(
        CASE 
          WHEN token_sold_mint_address = 'So11111111111111111111111111111111111111112' 
          THEN token_sold_amount_raw
          WHEN token_bought_mint_address = 'So11111111111111111111111111111111111111112'
          THEN token_bought_amount_raw
          ELSE 0
        END
      ) / 1e9 as total_sol_volume
    FROM dex_solana.trades
    WHERE project = 'pumpdotfun'
      AND block_time >= from_unixtime(1764979200)
      AND block_time <= from_unixtime(1765065600)
