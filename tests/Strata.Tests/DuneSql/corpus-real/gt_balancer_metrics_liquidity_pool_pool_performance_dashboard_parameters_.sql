-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/liquidity/pool/pool_performance_dashboard_parameters_4529501.sql@da8fdab (parameters {{blockchain}} = ethereum, {{balancer pool}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{token 1}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{token 2}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48; SQL otherwise verbatim)
-- part of a query repo
-- query name: Pool Performance Dashboard Parameters
-- query link: https://dune.com/queries/4529501


SELECT 
    l.name AS b_pool_selected,
    'ethereum' AS blockchain,
    t1.symbol AS symbol1,
    t2.symbol AS symbol2
FROM labels.addresses l
CROSS JOIN tokens.erc20 t1
CROSS JOIN tokens.erc20 t2
WHERE l.category IN ('balancer_v1_pool', 'balancer_v2_pool','balancer_v3_pool')
AND l.blockchain = 'ethereum'
AND t1.blockchain = 'ethereum'
AND t2.blockchain = 'ethereum'
AND l.address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
AND t1.contract_address =0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
AND t2.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
