-- Source: public GitHub query found with find_string (the index names no repository; file aave_v3/funnel.sql, "STAGE 0 of the Aave arm"), per month and action the Aave v3 Pool's USDC/USDT/DAI supplies and borrows sent straight to the Pool (parameters {{window_start}} = 2025-01-01, {{window_end}} = 2035-01-01: a window holding the demo's 30 days whenever the tests run; the header's comments shortened, SQL otherwise verbatim)
-- aave_v3/funnel.sql — STAGE 0 of the Aave arm: one row per (month, action)
-- pinning exact population counts as validation gates, run BEFORE any bulk
-- fetch (same self-proving protocol as the other three arms).
--
-- Wallet = tx `from` (the signer), consistent with every arm.

WITH ev AS (
  SELECT 'supply' AS action, evt_tx_hash, evt_block_time
  FROM aave_v3_ethereum.pool_evt_supply
  WHERE reserve IN (0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48,
                    0xdAC17F958D2ee523a2206206994597C13D831ec7,
                    0x6B175474E89094C44Da98b954EedeAC495271d0F)
    AND evt_block_time >= TIMESTAMP '2025-01-01'
    AND evt_block_time <  TIMESTAMP '2035-01-01'
  UNION ALL
  SELECT 'borrow', evt_tx_hash, evt_block_time
  FROM aave_v3_ethereum.pool_evt_borrow
  WHERE reserve IN (0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48,
                    0xdAC17F958D2ee523a2206206994597C13D831ec7,
                    0x6B175474E89094C44Da98b954EedeAC495271d0F)
    AND evt_block_time >= TIMESTAMP '2025-01-01'
    AND evt_block_time <  TIMESTAMP '2035-01-01'
),
per_tx AS (
  SELECT e.action, e.evt_tx_hash AS tx_hash,
         MIN(date_trunc('month', e.evt_block_time)) AS month,
         COUNT(*)      AS events,
         MIN(t."from") AS wallet,
         MIN(t."to")   AS tx_to
  FROM ev e
  JOIN ethereum.transactions t
    ON t.hash = e.evt_tx_hash
    AND t.block_date >= DATE '2025-01-01'
    AND t.block_date <  DATE '2035-01-01'
  GROUP BY 1, 2
)
SELECT
  action,
  CAST(month AS date)                                      AS month,
  COUNT(*)                                                 AS txs_all,
  COUNT_IF(tx_to = 0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2)  AS qualifying_txs,
  COUNT(DISTINCT IF(tx_to = 0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2, wallet)) AS qualifying_wallets,
  SUM(IF(tx_to = 0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2, events, 0))         AS qualifying_events,
  COUNT_IF(tx_to != 0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2 OR tx_to IS NULL) AS contrast_txs
FROM per_tx
GROUP BY 1, 2
ORDER BY 1, 2
