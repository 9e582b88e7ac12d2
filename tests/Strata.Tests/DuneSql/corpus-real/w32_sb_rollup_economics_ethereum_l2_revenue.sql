-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/rollup_economics/ethereum/rollup_economics_ethereum_l2_revenue.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
SELECT
    date_trunc('day', block_time) AS day
    , CASE
        WHEN blockchain = 'zksync' THEN 'zksync era'
        WHEN blockchain = 'zkevm' THEN 'polygon zkevm'
        WHEN blockchain = 'optimism' THEN 'op mainnet'
        ELSE blockchain
    END AS name
    , SUM(tx_fee) AS l2_rev
    , SUM(tx_fee_usd) AS l2_rev_usd
FROM gas.fees
WHERE blockchain IN ('arbitrum', 'base', 'blast', 'linea', 'mantle', 'optimism', 'scroll', 'zksync', 'zkevm', 'zora')

GROUP BY 1, 2
