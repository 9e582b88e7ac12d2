-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/balancer_exchange_v2_gas_costs_2435889.sql@da8fdab (parameters {{Blockchain}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Balancer Exchange V2 Gas Costs
-- query link: https://dune.com/queries/2435889


WITH prices AS (
    SELECT date_trunc('day', minute) AS day, AVG(price) AS price 
    FROM prices.usd
    GROUP BY 1
)

SELECT date_trunc('day', s.block_time) AS day,
        MIN(t.gas_price * t.gas_used * 1e-18 * p.price) AS "Min",
        MAX(t.gas_price * t.gas_used * 1e-18 * p.price) AS "Max",
       AVG(t.gas_price * t.gas_used * 1e-18 * p.price) AS "Avg"
FROM dex.trades s
LEFT JOIN ethereum.transactions t ON t.hash = s.tx_hash AND t.block_time > now() - interval '14' day
LEFT JOIN prices p ON p.day = date_trunc('day', s.block_time)
WHERE s.block_time > now() - interval '14' day
AND project = 'balancer'
AND version = '2'
GROUP BY 1