-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/token-transfers/evm/token-transfers.mdx, sql block 4 (SQL verbatim)
WITH tx AS (
    SELECT
        DATE_TRUNC('hour', evt_block_time) AS event_hour,
        value / 1e18 AS tokens_delta
    FROM erc20_ethereum.evt_transfer
    WHERE contract_address = 0x5bae9a5d67d1ca5b09b14c91935f635cfbf3b685
      AND "from" = 0x0000000000000000000000000000000000000000

    UNION ALL

    SELECT
        DATE_TRUNC('hour', evt_block_time) AS event_hour,
        -value / 1e18 AS tokens_delta
    FROM erc20_ethereum.evt_transfer
    WHERE contract_address = 0x5bae9a5d67d1ca5b09b14c91935f635cfbf3b685
      AND "to" = 0x0000000000000000000000000000000000000000
),
tx_hourly AS (
    SELECT
        event_hour,
        SUM(tokens_delta) AS net_tokens
    FROM tx
    GROUP BY event_hour
    ORDER BY event_hour DESC
)
SELECT
    event_hour,
    SUM(net_tokens) OVER (ORDER BY event_hour) AS circulating_supply
FROM tx_hourly
ORDER BY event_hour DESC
