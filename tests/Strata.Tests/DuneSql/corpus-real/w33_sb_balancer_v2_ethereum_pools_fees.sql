-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/balancer/pools/ethereum/balancer_v2_ethereum_pools_fees.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
WITH registered_pools AS (
    SELECT
        DISTINCT poolAddress AS pool_address
    FROM
        balancer_v2_ethereum.Vault_evt_PoolRegistered
)
SELECT
    'ethereum' AS blockchain,
    '2' AS version, 
    logs.contract_address,
    logs.tx_hash,
    logs.tx_index,
    logs.index,
    logs.block_time,
    logs.block_number,
    CAST(bytearray_to_uint256(bytearray_ltrim(logs.data)) AS DOUBLE) AS swap_fee_percentage
FROM
    ethereum.logs
    INNER JOIN registered_pools ON registered_pools.pool_address = logs.contract_address
WHERE logs.topic0 = 0xa9ba3ffe0b6c366b81232caab38605a0699ad5398d6cce76f91ee809e322dafc
    
    AND logs.block_time >= TIMESTAMP '2021-04-20'
