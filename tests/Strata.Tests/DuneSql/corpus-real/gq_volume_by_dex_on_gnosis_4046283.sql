-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/volume/protocol/volume_by_dex_on_gnosis_4046283.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: Volume by DEX on Gnosis
-- query link: https://dune.com/queries/4046283


SELECT 
    DATE_TRUNC('month', block_date) AS month, 
    CASE WHEN (project='balancer') THEN 'Balancer' 
        ELSE 'Others' 
        END AS project, 
    SUM(amount_usd) AS volume
FROM dex.trades
WHERE blockchain = 'gnosis'
AND block_date > NOW() - INTERVAL '1' year
GROUP BY 1, 2