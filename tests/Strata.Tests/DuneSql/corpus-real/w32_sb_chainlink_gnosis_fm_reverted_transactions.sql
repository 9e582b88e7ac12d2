-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/chainlink/gnosis/chainlink_gnosis_fm_reverted_transactions.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
WITH
  gnosis_usd AS (
    SELECT
      minute as block_time,
      price as usd_amount
    FROM
      prices.usd price
    WHERE
      symbol = 'XDAI'
      
  ),
  fm_reverted_transactions AS (
    SELECT
      tx.hash as tx_hash,
      tx.index as tx_index,
      MAX(tx.block_time) as block_time,
      cast(date_trunc('month', MAX(tx.block_time)) as date) as date_month,
      tx."from" as "node_address",
      MAX(
        (cast((gas_used) as double) / 1e18) * gas_price
      ) as token_amount,
      MAX(gnosis_usd.usd_amount) as usd_amount
    FROM
      gnosis.transactions tx
      LEFT JOIN gnosis_usd ON date_trunc('minute', tx.block_time) = gnosis_usd.block_time
    WHERE
      success = false
      
    GROUP BY
      tx.hash,
      tx.index,
      tx."from"
  )
SELECT
 'gnosis' as blockchain,
  block_time,
  date_month,
  node_address,
  token_amount,
  usd_amount,
  tx_hash,
  tx_index
FROM
  fm_reverted_transactions
