-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/chainlink/arbitrum/chainlink_arbitrum_ocr_reverted_transactions.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
WITH
  arbitrum_usd AS (
    SELECT
      minute as block_time,
      price as usd_amount
    FROM
      prices.usd price
    WHERE
      symbol = 'ETH'
      
  ),
  ocr_reverted_transactions AS (
    SELECT
      tx.hash as tx_hash,
      tx.index as tx_index,
      MAX(tx.block_time) as block_time,
      cast(date_trunc('month', MAX(tx.block_time)) as date) as date_month,
      tx."from" as "node_address",
      MAX(
        (cast((gas_used) as double) / 1e18) * effective_gas_price
      ) as token_amount,
      MAX(arbitrum_usd.usd_amount) as usd_amount
    FROM
      arbitrum.transactions tx
      LEFT JOIN arbitrum_usd ON date_trunc('minute', tx.block_time) = arbitrum_usd.block_time
    WHERE
      success = false
      
    GROUP BY
      tx.hash,
      tx.index,
      tx."from"
  )
SELECT
 'arbitrum' as blockchain,
  block_time,
  date_month,
  node_address,
  token_amount,
  usd_amount,
  tx_hash,
  tx_index
FROM
  ocr_reverted_transactions
