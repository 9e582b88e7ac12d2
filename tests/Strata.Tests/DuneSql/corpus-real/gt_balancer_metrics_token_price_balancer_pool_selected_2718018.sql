-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/balancer_pool_selected_2718018.sql@da8fdab (parameters {{4. Blockchain}} = ethereum, {{1. Pool ID}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48; SQL otherwise verbatim)
-- part of a query repo
-- query name: Balancer Pool Selected
-- query link: https://dune.com/queries/2718018


WITH labels AS (
        SELECT * FROM (SELECT
            address,
            upper (name) as name,
            ROW_NUMBER() OVER (PARTITION BY address ORDER BY MAX(updated_at) DESC) AS num
        FROM labels.addresses
        WHERE category IN ('balancer_v1_pool', 'balancer_v2_pool', 'balancer_v3_pool')
        AND blockchain = 'ethereum'
        GROUP BY 1, 2) l
        WHERE num = 1
    )
    
SELECT name
FROM labels 
WHERE CAST(address as varchar) = SUBSTRING('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', 1, 42)