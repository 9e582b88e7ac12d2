-- Source: public GitHub file found with find_string on "FROM dex_solana.trades" (the index names no repository nor path; read_file id 62580521205), all trades of a set of mints (parameters {{since}} = 2025-01-01, {{mints}} = the wSOL and USDC mints; SQL otherwise verbatim)
-- Batch-забор: все сделки НАБОРА токенов одним запросом (экономия кредитов Dune).
-- Универсальный mint определяется на стороне кода (bought или sold ∈ набор).
-- Плейсхолдеры: {{since}} — 'YYYY-MM-DD', {{mints}} — 'm1','m2',... (валидируются в коде).
SELECT
    block_slot                  AS slot,
    block_time,
    tx_id,
    trader_id                   AS wallet,
    project,
    token_bought_mint_address   AS bought_mint,
    token_sold_mint_address     AS sold_mint,
    token_bought_amount         AS bought_amount,
    token_sold_amount           AS sold_amount,
    amount_usd
FROM dex_solana.trades
WHERE block_time >= TIMESTAMP '2025-01-01'
  AND ( token_bought_mint_address IN ('So11111111111111111111111111111111111111112', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGkZwyTDt1v')
     OR token_sold_mint_address  IN ('So11111111111111111111111111111111111111112', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGkZwyTDt1v') )
ORDER BY block_slot, block_time
