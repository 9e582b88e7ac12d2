-- Source: github.com/duneanalytics/skills, skills/dune/references/dunesql-cheatsheet.md@bb0c9fc (sql block 10, verbatim)
SELECT
  DATE_TRUNC('day', block_time) AS day,
  COUNT(*) AS tx_count
FROM ethereum.transactions
WHERE block_time >= NOW() - INTERVAL '30' DAY
GROUP BY 1
ORDER BY 1
