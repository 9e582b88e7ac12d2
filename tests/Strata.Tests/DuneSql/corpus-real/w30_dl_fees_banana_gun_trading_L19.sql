-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/banana-gun-trading.ts (template string at line 19; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH
    allFeePayments AS (
      SELECT
        tx_id,
        balance_change / 1e9 AS fee_token_amount
      FROM
        solana.account_activity
      WHERE
        block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND tx_success
        AND (
          address = '47hEzz83VFR23rLTEeVm9A7eFzjJwjvdupPPmX3cePqF' 
          OR address = '4BBNEVRgrxVKv9f7pMNE788XM1tt379X9vNjpDH2KCL7'
          OR address = '8r2hZoDfk5hDWJ1sDujAi2Qr45ZyZw5EQxAXiMZWLKh2'
        )
        AND balance_change > 0 
    ),
    botTrades AS (
      SELECT 
        trades.tx_id,
        MAX(fee_token_amount) as fee
      FROM
        dex_solana.trades AS trades
        JOIN allFeePayments AS feePayments ON trades.tx_id = feePayments.tx_id
      WHERE
        block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND trades.trader_id NOT IN (
          '47hEzz83VFR23rLTEeVm9A7eFzjJwjvdupPPmX3cePqF',
          '4BBNEVRgrxVKv9f7pMNE788XM1tt379X9vNjpDH2KCL7',
          '8r2hZoDfk5hDWJ1sDujAi2Qr45ZyZw5EQxAXiMZWLKh2'
        )
      GROUP BY trades.tx_id
    )
    SELECT
      SUM(fee) AS fee
    FROM
      botTrades
