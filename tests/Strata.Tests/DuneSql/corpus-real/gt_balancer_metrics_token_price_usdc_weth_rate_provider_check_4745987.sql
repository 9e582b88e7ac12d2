-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/usdc_weth_rate_provider_check_4745987.sql@da8fdab (parameters {{Blockchain}} = ethereum, {{Function Name}} = ethereum, {{Contract Address}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{Start Block}} = 30; SQL otherwise verbatim)
-- part of a query repo
-- query name: USDC/WETH rate provider check
-- query link: https://dune.com/queries/4745987


SELECT
    block_time,
    LEAD(block_time) OVER (ORDER BY block_time) AS next_block_time,
    date_diff('minute', block_time, LEAD(block_time) OVER (ORDER BY block_time)) AS time_between_tx,
    CASE WHEN date_diff('minute', block_time, LEAD(block_time) OVER (ORDER BY block_time)) > 20
    THEN TRUE
    ELSE FALSE
    END AS more_than_10_min_lag,
    block_number,
    get_href(
        get_chain_explorer_tx_hash(
            'ethereum',
            tx_hash
        ),
        CAST(tx_hash AS VARCHAR)
    ) AS tx_hash,
    bytearray_to_uint256(output)/1e18 as rate,
    price,
    LEAD(price) OVER (ORDER BY block_time) AS next_price,
    price - LEAD(price) OVER (ORDER BY block_time) AS price_diff,
    (price - LEAD(price) OVER (ORDER BY block_time)) / LEAD(price) OVER (ORDER BY block_time) AS price_diff_pct,
    bytearray_to_uint256(output)/1e18 - price AS diff,
    (bytearray_to_uint256(output)/1e18 - price) / price AS diff_pct
FROM ethereum.traces
LEFT JOIN prices.usd p ON DATE_TRUNC('minute', block_time) = minute
AND p.symbol = 'WETH'
AND p.blockchain = 'ethereum'
WHERE input = bytearray_substring(keccak(cast(concat('ethereum', '()') as varbinary)), 1, 4)
AND to = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
AND block_number >= 30
AND success
ORDER BY 1
