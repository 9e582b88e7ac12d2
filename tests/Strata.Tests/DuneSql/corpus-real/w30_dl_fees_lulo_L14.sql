-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/lulo.ts (template string at line 14; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT
      sum(CASE WHEN lm LIKE '%accrued_interest=%' AND lm LIKE '%protected_accumulated=%'
               THEN cast(regexp_extract(lm, 'accrued_interest=([0-9]+)', 1) AS double) ELSE 0 END) AS gross_yield
    FROM solana.transactions
    CROSS JOIN UNNEST(log_messages) AS u(lm)
    WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
      AND contains(account_keys, 'FL3X2pRsQ9zHENpZSKDRREtccwJuei8yg9fwDu9UN69Q')
      AND lm LIKE '%accrued_interest=%'
