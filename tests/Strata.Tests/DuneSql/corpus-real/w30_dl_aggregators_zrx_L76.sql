-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, aggregators/zrx/index.ts (template string at line 76; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT COALESCE(SUM(amount_usd), 0) AS volume_24
    FROM (
      SELECT
        amount_usd,
        token_sold_mint_address,
        -- dex_solana.trades has one row per pool hop. One 0x swap is one
        -- outer instruction; its volume is the sum of the legs that sell the
        -- route's entry mint: each parallel branch once.
        FIRST_VALUE(token_sold_mint_address) OVER (
          PARTITION BY tx_id, trader_id, outer_instruction_index
          ORDER BY inner_instruction_index ASC
        ) AS entry_mint
      FROM dex_solana.trades
      WHERE block_time >= from_unixtime(1764979200)
        AND block_time <  from_unixtime(1765065600)
        AND trade_source = 'Sett1erwx2eqT5A8uvu8GBxDFT2W5TNnhirL7hLmb8m'
    )
    WHERE token_sold_mint_address = entry_mint
