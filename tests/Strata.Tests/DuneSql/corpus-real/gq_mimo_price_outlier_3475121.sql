-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/mimo_price_outlier_3475121.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: MIMO price outlier
-- query link: https://dune.com/queries/3475121


SELECT * FROM tokens.erc20