-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_projects/opensea/solana/opensea_solana_token_trades.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
WITH opensea_tx_ids AS (
    SELECT DISTINCT(tx_id) AS tx_id
    FROM solana.instruction_calls
    WHERE CONTAINS(log_messages, 'Program log: Memo (len 8): "865d8597"')
        AND executing_account_prefix = 'Me'
        AND executing_account = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr'
        AND block_time > TRY_CAST('2025-05-26 00:00' AS TIMESTAMP)
        
)

SELECT 
    dst.blockchain
    , dst.project
    , dst.trader_id
    , dst.block_time
    , dst.token_bought_symbol
    , dst.token_bought_mint_address
    , dst.token_sold_symbol
    , dst.token_sold_mint_address
    , dst.token_sold_amount
    , dst.amount_usd
    , dst.tx_id 
    , dst.inner_instruction_index
    , dst.outer_instruction_index
FROM dex_solana.trades dst
INNER JOIN opensea_tx_ids oti 
    ON dst.tx_id = oti.tx_id
WHERE dst.block_time  > TRY_CAST('2025-05-26 00:00' AS TIMESTAMP)
