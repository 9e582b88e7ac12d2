-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/airdrops/ethereum/projects/dydx_ethereum_airdrop_claims.sql (jinja adapted: config, incremental branch, set variables and source() expanded or removed)
WITH early_price AS (
    SELECT MIN(minute) AS minute
    , MIN_BY(price, minute) AS price
    FROM prices.usd
    WHERE blockchain = 'ethereum'
    AND contract_address= 0x92d6c1e31e14520e676a687f0a93788b716beff5
    )

SELECT 'ethereum' AS blockchain
, t.evt_block_time AS block_time
, t.evt_block_number AS block_number
, 'dydx' AS project
, 1 AS airdrop_number
, t.to AS recipient
, t.contract_address
, t.evt_tx_hash AS tx_hash
, t.value AS amount_raw
, CAST(t.value/POWER(10, 18) AS double) AS amount_original
, CASE WHEN t.evt_block_time >= (SELECT minute FROM early_price) THEN CAST(pu.price*t.value/POWER(10, 18) AS double)
    ELSE CAST((SELECT price FROM early_price)*t.value/POWER(10, 18) AS double)
    END AS amount_usd
, 0x92d6c1e31e14520e676a687f0a93788b716beff5 AS token_address
, 'DYDX' AS token_symbol
, t.evt_index
FROM erc20_ethereum.evt_Transfer t
LEFT JOIN prices.usd_forward_fill pu ON pu.blockchain = 'ethereum'
    AND pu.contract_address= 0x92d6c1e31e14520e676a687f0a93788b716beff5
    AND pu.minute=date_trunc('minute', t.evt_block_time)
    
WHERE t.contract_address = 0x92d6c1e31e14520e676a687f0a93788b716beff5
AND t."from" = 0x639192d54431f8c816368d3fb4107bc168d0e871
AND t.evt_block_time > timestamp '2021-09-08'
