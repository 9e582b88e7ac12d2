-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/nova/index.ts (template string at line 12; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH
    allFeePayments AS (
      SELECT
        tx_id,
        balance_change AS fee_token_amount
      FROM
        solana.account_activity
      WHERE
        block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND address = 'noVakKQGTTjpHARvecAUbVnc85AatCLm3ijDFk8JXZB'
        AND tx_success
        AND balance_change > 0 
    ),
    botTrades AS (
      SELECT
        trades.tx_id,
        MAX(fee_token_amount) AS fee
      FROM
        dex_solana.trades AS trades
        JOIN allFeePayments AS feePayments ON trades.tx_id = feePayments.tx_id
      WHERE
        block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND trades.trader_id != 'noVakKQGTTjpHARvecAUbVnc85AatCLm3ijDFk8JXZB'
      GROUP BY trades.tx_id
    )
    SELECT
      SUM(fee) AS fee
    FROM
      botTrades
