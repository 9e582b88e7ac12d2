-- Source: public GitHub file found with find_string on "FROM ethereum.withdrawals" (the index names no repository nor path; read_file id 60584083134), daily beacon deposit inflow and withdrawal outflow (the SQL of a JavaScript template with ${DEPOSIT_CONTRACT} = 0x00000000219ab540356cBB839Cbe05303d7705Fa, verbatim)
WITH deposits AS (
  SELECT date_trunc('day', block_time) AS day, sum(value) / 1e18 AS inflow
  FROM ethereum.traces
  WHERE "to" = 0x00000000219ab540356cBB839Cbe05303d7705Fa
    AND success AND value > 0
    AND block_time >= date '2020-11-01'
  GROUP BY 1
),
withdrawals AS (
  SELECT date_trunc('day', block_time) AS day, sum(amount) / 1e9 AS outflow
  FROM ethereum.withdrawals
  WHERE block_time >= date '2023-04-01'
  GROUP BY 1
)
SELECT
  coalesce(d.day, w.day)        AS day,
  coalesce(d.inflow, 0)         AS inflow,
  coalesce(w.outflow, 0)        AS outflow
FROM deposits d
FULL OUTER JOIN withdrawals w ON d.day = w.day
ORDER BY 1
