-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/chainlink/optimism/chainlink_optimism_fm_reverted_transactions.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
WITH
  optimism_usd AS (
    SELECT
      minute as block_time,
      price as usd_amount
    FROM
      prices.usd price
    WHERE
      symbol = 'ETH'
      
  ),
  fm_reverted_transactions AS (
    SELECT
      tx.hash as tx_hash,
      tx.index as tx_index,
      MAX(tx.block_time) as block_time,
      cast(date_trunc('month', MAX(tx.block_time)) as date) as date_month,
      tx."from" as "node_address",
       MAX(
        ((gas_price * gas_used) + l1_fee) / 1e18
      ) as token_amount,
      MAX(optimism_usd.usd_amount) as usd_amount
    FROM
      optimism.transactions tx
      LEFT JOIN optimism_usd ON date_trunc('minute', tx.block_time) = optimism_usd.block_time
    WHERE
      success = false
      
    GROUP BY
      tx.hash,
      tx.index,
      tx."from"
  )
SELECT
 'optimism' as blockchain,
  block_time,
  date_month,
  node_address,
  token_amount,
  usd_amount,
  tx_hash,
  tx_index
FROM
  fm_reverted_transactions
