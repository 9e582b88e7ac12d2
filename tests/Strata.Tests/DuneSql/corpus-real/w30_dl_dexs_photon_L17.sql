-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/photon.ts (template string at line 17; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH feeWalletActivity AS (
      SELECT tx_id
      FROM solana.account_activity
      WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND tx_success
        AND address = 'AVUCZyuT35YSuj4RH7fwiyPu82Djn2Hfg7y2ND2XcnZH'
        AND balance_change > 0
    ),
    botTrades AS (
      SELECT
        t.tx_id,
        t.trader_id,
        t.amount_usd,
        ROW_NUMBER() OVER (
          PARTITION BY t.tx_id, t.trader_id
          ORDER BY t.amount_usd DESC
        ) AS row_num
      FROM dex_solana.trades t
      JOIN feeWalletActivity a ON t.tx_id = a.tx_id
      WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND t.trader_id != 'AVUCZyuT35YSuj4RH7fwiyPu82Djn2Hfg7y2ND2XcnZH'
    )
    SELECT COALESCE(SUM(amount_usd), 0) AS daily_volume
    FROM botTrades
    WHERE row_num = 1
