-- Source: github.com/duneanalytics/skills, skills/dune/references/dunesql-cheatsheet.md@bb0c9fc (sql block 14, verbatim)
SELECT
  DATE_TRUNC('hour', block_time) AS hour,
  AVG(CAST(gas_price AS double)) / 1e9 AS avg_gwei,
  APPROX_PERCENTILE(CAST(gas_price AS double) / 1e9, 0.5) AS median_gwei,
  APPROX_PERCENTILE(CAST(gas_price AS double) / 1e9, 0.95) AS p95_gwei
FROM ethereum.transactions
WHERE block_time >= NOW() - INTERVAL '24' HOUR
GROUP BY 1
ORDER BY 1
