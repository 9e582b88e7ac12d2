-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/airdrops/ethereum/projects/ampleforth_ethereum_airdrop_claims.sql (jinja adapted: config, incremental branch, set variables and source() expanded or removed)
WITH early_price AS (
    SELECT MIN(minute) AS minute
    , MIN_BY(price, minute) AS price
    FROM prices.usd
    WHERE blockchain = 'ethereum'
    AND contract_address= 0x77fba179c79de5b7653f68b5039af940ada60ce0
    )

SELECT 'ethereum' AS blockchain
, t.evt_block_time AS block_time
, t.evt_block_number AS block_number
, 'ampleforth' AS project
, 1 AS airdrop_number
, t.to AS recipient
, t.contract_address
, t.evt_tx_hash AS tx_hash
, t.value AS amount_raw
, CAST(t.value/POWER(10, 18) AS double) AS amount_original
, CASE WHEN t.evt_block_time >= (SELECT minute FROM early_price) THEN CAST(pu.price*t.value/POWER(10, 18) AS double)
    ELSE CAST((SELECT price FROM early_price)*t.value/POWER(10, 18) AS double)
    END AS amount_usd
, 0x77fba179c79de5b7653f68b5039af940ada60ce0 AS token_address
, 'FORTH' AS token_symbol
, t.evt_index
FROM erc20_ethereum.evt_Transfer t
LEFT JOIN prices.usd_forward_fill pu ON pu.blockchain = 'ethereum'
    AND pu.contract_address= 0x77fba179c79de5b7653f68b5039af940ada60ce0
    AND pu.minute=date_trunc('minute', t.evt_block_time)
WHERE t.evt_block_time BETWEEN CAST('2021-04-20' as timestamp) AND CAST('2022-04-16' as timestamp)
    AND t.contract_address = 0x77fba179c79de5b7653f68b5039af940ada60ce0
