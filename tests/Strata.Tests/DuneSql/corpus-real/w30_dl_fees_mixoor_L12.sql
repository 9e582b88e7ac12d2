-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/mixoor/index.ts (template string at line 12; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT
    'So11111111111111111111111111111111111111112' AS token,
    COALESCE(SUM(balance_change), 0) AS total_fees
  FROM solana.account_activity
  WHERE address = '9qX97Bd8dvHAknHVjCxz4uEJcPSE3NGjjgniMVdDBu6d'
    AND balance_change > 0
    AND token_mint_address IS NULL
    AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)

  UNION ALL

  SELECT
    token_mint_address AS token,
    COALESCE(SUM(amount), 0) AS total_fees
  FROM tokens_solana.transfers
  WHERE to_owner = '9qX97Bd8dvHAknHVjCxz4uEJcPSE3NGjjgniMVdDBu6d'
    AND from_owner != '9qX97Bd8dvHAknHVjCxz4uEJcPSE3NGjjgniMVdDBu6d'
    AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
  GROUP BY token_mint_address
