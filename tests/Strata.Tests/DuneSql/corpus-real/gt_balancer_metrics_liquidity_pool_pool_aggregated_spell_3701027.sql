-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/liquidity/pool/pool_aggregated_spell_3701027.sql@da8fdab (verbatim)
-- part of a query repo
-- query name: Pool Aggregated Spell
-- query link: https://dune.com/queries/3701027


WITH 
trades AS(
    SELECT 
        block_date,
        version,
        blockchain,
        project_contract_address,
        sum(amount_usd) AS swap_amount_usd
    FROM balancer.trades
    GROUP BY 1, 2, 3, 4
),

liquidity AS(
    SELECT
        day AS block_date,
        blockchain,
        version,
        pool_address AS project_contract_address,
        pool_type,
        pool_symbol,
        sum(pool_liquidity_usd) AS tvl_usd,
        sum(pool_liquidity_eth) AS tvl_eth
    FROM balancer.liquidity
    GROUP BY 1, 2, 3, 4, 5, 6
),

fees AS(
    SELECT
        day,
        version,
        blockchain,
        pool_address,
        sum(protocol_fee_collected_usd) AS fee_amount_usd
    FROM balancer.protocol_fee
    GROUP BY 1, 2, 3, 4
)

SELECT
    l.blockchain,
    'balancer' AS project,
    l.version,
    l.block_date,
    l.project_contract_address,
    l.pool_symbol,
    l.pool_type,
    t.swap_amount_usd,
    l.tvl_usd,
    l.tvl_eth,
    f.fee_amount_usd
FROM liquidity l
LEFT JOIN trades t ON l.block_date = t.block_date
AND l.project_contract_address = t.project_contract_address 
AND l.blockchain = t.blockchain
LEFT JOIN fees f ON l.block_date = f.day
AND l.project_contract_address = f.pool_address 
AND l.blockchain = f.blockchain
ORDER BY 1 DESC, 7 DESC
