-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/unpriced_trades_on_bv3_4445360.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: unpriced trades on bv3
-- query link: https://dune.com/queries/4445360


SELECT * FROM dex.trades
WHERE block_date = TIMESTAMP '2024-12-17'
AND project = 'balancer' AND version = '3'
AND amount_usd IS NULL
