-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/volume/source/cow_volume_on_arbitrum_by_protocol_3908658.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: CoW volume on arbitrum by protocol
-- query link: https://dune.com/queries/3908658


SELECT project, sum(amount_usd) AS volume FROM dex.trades
WHERE tx_to = 0x9008D19f58AAbD9eD0D60971565AA8510560ab41
AND blockchain = 'arbitrum'
GROUP BY 1