-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_projects/balancer/pools/balancer_pools_metrics_daily.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
WITH 
trades AS(
    SELECT 
        block_date,
        version,
        blockchain,
        pool_id,
        project_contract_address,
        sum(amount_usd) AS swap_amount_usd
    FROM balancer.trades
    
    GROUP BY 1, 2, 3, 4, 5
),

liquidity AS(
    SELECT
        day AS block_date,
        blockchain,
        version,
        pool_id,
        pool_address AS project_contract_address,
        pool_type,
        pool_symbol,
        sum(pool_liquidity_usd) AS tvl_usd,
        sum(pool_liquidity_eth) AS tvl_eth
    FROM balancer.liquidity
    
    GROUP BY 1, 2, 3, 4, 5, 6, 7
),

fees AS(
    SELECT
        day,
        version,
        blockchain,
        pool_id,
        pool_address,
        sum(protocol_fee_collected_usd) AS fee_amount_usd
    FROM balancer.protocol_fee
    
    GROUP BY 1, 2, 3, 4, 5
)

SELECT
    l.blockchain,
    'balancer' AS project,
    l.version,
    l.block_date,
    l.project_contract_address,
    COALESCE(l.pool_symbol, erc.symbol) AS pool_symbol,
    l.pool_type,
    COALESCE(t.swap_amount_usd, 0) AS swap_amount_usd,
    l.tvl_usd,
    l.tvl_eth,
    COALESCE(f.fee_amount_usd, 0) AS fee_amount_usd
FROM liquidity l
LEFT JOIN trades t ON l.block_date = t.block_date
AND l.blockchain = t.blockchain
AND l.version = t.version
-- v2/v3 use pool_id as the canonical join key across liquidity/trades
AND (
    l.pool_id = t.pool_id
    -- v1 trades do not always carry pool_id; fallback to address matching
    OR (l.pool_id IS NULL AND l.project_contract_address = t.project_contract_address)
)
LEFT JOIN fees f ON l.block_date = f.day
AND l.blockchain = f.blockchain
AND l.version = f.version
-- v2/v3 use pool_id as the canonical join key across liquidity/fees
AND (
    l.pool_id = f.pool_id
    -- v1 fees may only map by pool address
    OR (l.pool_id IS NULL AND l.project_contract_address = f.pool_address)
)
LEFT JOIN tokens.erc20 erc
    ON l.project_contract_address = erc.contract_address
    AND l.blockchain = erc.blockchain
ORDER BY 1 DESC, 7 DESC
