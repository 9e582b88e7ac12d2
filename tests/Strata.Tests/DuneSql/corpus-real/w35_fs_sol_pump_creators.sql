-- Source: public GitHub file found with find_string on "FROM dex_solana.trades" (the index names no repository nor path; read_file id 51962338350), pump.fun coins' first buyers (parameters {{block_month}} = 2025-01-01, {{start_date}} = 2025-01-01, {{end_date}} = 2035-01-01; SQL otherwise verbatim)
WITH first_trades AS (
    SELECT
        token_bought_mint_address                    AS coin_address,
        MIN(block_time)                              AS created_at,
        MIN_BY(trader_id, block_time)                AS creator_wallet
    FROM dex_solana.trades
    WHERE project = 'pumpdotfun'
      AND token_sold_mint_address = 'So11111111111111111111111111111111111111112'
      AND block_month >= DATE '2025-01-01'
      AND block_time  >= TIMESTAMP '2025-01-01'
      AND block_time  <  TIMESTAMP '2035-01-01'
    GROUP BY token_bought_mint_address
)
SELECT
    coin_address,
    created_at,
    creator_wallet
FROM first_trades
ORDER BY created_at ASC
