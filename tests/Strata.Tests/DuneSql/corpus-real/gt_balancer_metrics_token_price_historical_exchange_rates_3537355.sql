-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/historical_exchange_rates_3537355.sql@da8fdab (parameters {{Blockchain}} = ethereum, {{Function Name}} = ethereum, {{Contract Address}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{Start Block}} = 30; SQL otherwise verbatim)
-- part of a query repo
-- query name: Historical Exchange Rates
-- query link: https://dune.com/queries/3537355


SELECT
    block_time,
    block_number,
    get_href(
        get_chain_explorer_tx_hash(
            'ethereum',
            tx_hash
        ),
        CAST(tx_hash AS VARCHAR)
    ) AS tx_hash,
    bytearray_to_uint256(output)/1e18 as rate,
    CASE 
        WHEN output >= COALESCE(LAG(output) OVER (ORDER BY block_number, trace_address), 0x00) THEN 'UP' 
        ELSE 'DOWN'
    END AS diff,
    CASE 
        WHEN output >= COALESCE(LAG(output) OVER (ORDER BY block_number, trace_address), 0x00) THEN NULL 
        ELSE 1
    END AS flag
FROM ethereum.traces
WHERE input = bytearray_substring(keccak(cast(concat('ethereum', '()') as varbinary)), 1, 4)
AND to = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
AND block_number >= 30
AND success
ORDER BY 1
