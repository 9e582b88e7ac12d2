-- Source: github.com/duneanalytics/skills, skills/dune/references/dunesql-cheatsheet.md@bb0c9fc (sql block 11, verbatim)
SELECT
  contract_address AS token,
  "from",
  "to",
  CAST(value AS double) / POWER(10, 18) AS amount
FROM erc20_ethereum.evt_Transfer
WHERE evt_block_time >= NOW() - INTERVAL '24' HOUR
ORDER BY CAST(value AS double) DESC
LIMIT 100
