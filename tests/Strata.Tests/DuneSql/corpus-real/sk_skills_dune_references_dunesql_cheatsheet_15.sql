-- Source: github.com/duneanalytics/skills, skills/dune/references/dunesql-cheatsheet.md@bb0c9fc (sql block 15, verbatim)
SELECT
  topic0,
  COUNT(*) AS event_count
FROM ethereum.logs
WHERE contract_address = 0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984
  AND block_time >= NOW() - INTERVAL '7' DAY
GROUP BY 1
ORDER BY 2 DESC
