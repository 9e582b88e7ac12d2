-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/fees/protocol/current_treasury_share_on_protocol_fees_3266830.sql@da8fdab (verbatim)
-- part of a query repo
-- query name: Current Treasury Share on Protocol Fees
-- query link: https://dune.com/queries/3266830


SELECT treasury_share * 100
FROM balancer.protocol_fee
WHERE day = CURRENT_DATE
LIMIT 1