-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/balancer_v3_trades_4415176.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: balancer_v3_trades
-- query link: https://dune.com/queries/4415176


SELECT *
FROM dex.trades
WHERE project = 'balancer'
AND version = '3'
ORDER BY amount_usd NULLS FIRST