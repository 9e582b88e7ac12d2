-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/balancer_exchange_2414437.sql@da8fdab (parameters {{Aggregation}} = ethereum, {{4. Blockchain}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Balancer Exchange
-- query link: https://dune.com/queries/2414437


WITH
  swaps AS (
    SELECT
    CASE WHEN 'ethereum' = 'Daily' THEN date_trunc('day', block_time)
            WHEN 'ethereum' = 'Weekly' THEN date_trunc('week', block_time)
            end as "date",
      CONCAT('V', version) AS version,
      COUNT(*) AS transactions,
      SUM(CAST(amount_usd AS DOUBLE)) AS volume
    FROM
      dex.trades
    WHERE
      project = 'balancer' 
        AND ('ethereum' = 'All' OR blockchain = 'ethereum')
    GROUP BY
      1,
      2
  )
SELECT
  "date",
  version,
  transactions,
  volume,
  volume / transactions
FROM
  swaps