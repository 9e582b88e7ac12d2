-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/airdrops/ethereum/projects/safe_ethereum_airdrop_claims.sql (jinja adapted: config, incremental branch, set variables and source() expanded or removed)
WITH more_prices AS (
    SELECT MIN(hour) AS min_hour
    , MAX(hour) AS max_hour
    , MIN_BY(median_price, hour) AS min_price
    , MAX_BY(median_price, hour) AS max_price
    FROM dex.prices
    WHERE blockchain = 'ethereum'
    AND contract_address= 0x5afe3855358e112b5647b952709e6165e1c1eeee
    )

SELECT 'ethereum' AS blockchain
, CAST(date_trunc('month', t.evt_block_time) as date) as block_month
, t.evt_block_time AS block_time
, t.evt_block_number AS block_number
, 'safe' AS project
, 1 AS airdrop_number
, t.to AS recipient
, t.contract_address
, t.evt_tx_hash AS tx_hash
, t.value AS amount_raw
, CAST(t.value/POWER(10, 18) AS double) AS amount_original
, CASE WHEN t.evt_block_time >= (SELECT min_hour FROM more_prices) AND t.evt_block_time <= (SELECT max_hour FROM more_prices) THEN CAST(pu.median_price*t.value/POWER(10, 18) AS double)
    WHEN t.evt_block_time < (SELECT min_hour FROM more_prices) THEN CAST((SELECT min_price FROM more_prices)*t.value/POWER(10, 18) AS double)
    WHEN t.evt_block_time > (SELECT max_hour FROM more_prices) THEN CAST((SELECT max_price FROM more_prices)*t.value/POWER(10, 18) AS double)
    END AS amount_usd
, 0x5afe3855358e112b5647b952709e6165e1c1eeee AS token_address
, 'SAFE' AS token_symbol
, t.evt_index
FROM erc20_ethereum.evt_Transfer t
LEFT JOIN dex.prices pu ON pu.blockchain = 'ethereum'
    AND pu.contract_address= 0x5afe3855358e112b5647b952709e6165e1c1eeee
    AND pu.hour = date_trunc('hour', t.evt_block_time)
    
WHERE t.contract_address = 0x5afe3855358e112b5647b952709e6165e1c1eeee
AND t."from" = 0xa0b937d5c8e32a80e3a8ed4227cd020221544ee6
AND t.evt_block_time >= TIMESTAMP '2022-09-28'
