-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/balancer_all_time_volume_by_blockchain_2617534.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: Balancer all-time volume by blockchain
-- query link: https://dune.com/queries/2617534


   SELECT sum(amount_usd) as amount_usd, blockchain
        FROM dex.trades d
        WHERE project = 'balancer'
        GROUP BY 2
        ORDER BY 1 ASC