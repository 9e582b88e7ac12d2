-- Source: github.com/xai-ctrl/safe-analytics, README.md "Dune Query Setup" (Dune query 5255316) (verbatim)
SELECT 
  t.to AS contract_address,
  COUNT(*) AS total_interactions,
  COUNT(DISTINCT t."from") AS unique_safe_users
FROM ethereum.traces t
JOIN safe_ethereum.safes safes ON t."from" = safes.address
WHERE t.block_time >= CAST('2023-01-01' as TIMESTAMP)
  AND t.to IS NOT NULL
  AND t.call_type IN ('call', 'delegatecall')
  AND t.success = true
GROUP BY t."to"
ORDER BY total_interactions DESC
LIMIT 200
