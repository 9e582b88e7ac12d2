-- Source: github.com/duneanalytics/skills, skills/dune/references/dunesql-cheatsheet.md@bb0c9fc (sql block 13, verbatim)
SELECT
  COUNT(*) AS tx_count,
  MIN(block_time) AS first_seen,
  MAX(block_time) AS last_seen,
  COUNT(DISTINCT DATE_TRUNC('day', block_time)) AS active_days
FROM ethereum.transactions
WHERE "from" = 0xd8da6bf26964af9d7eed9e03e53415d37aa96045
  AND block_time >= NOW() - INTERVAL '90' DAY
