-- Source: github.com/gustavobftorres/dune-queries, balancer/support/legacy/dexs_3624916.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: dexs
-- query link: https://dune.com/queries/3624916


SELECT project, sum(amount_usd) 
FROM dex.trades
WHERE project != 'balancer'
GROUP BY 1
ORDER BY 2 DESC