-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/volume/protocol/v3_trades_4383125.sql@da8fdab (verbatim)
-- part of a query repo
-- query name: V3 Trades
-- query link: https://dune.com/queries/4383125


SELECT * FROM balancer.trades
where version = '3'