-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/airdrops/ethereum/projects/tornado_cash_ethereum_airdrop_claims.sql (jinja adapted: config, incremental branch, set variables and source() expanded or removed)
WITH early_price AS (
    SELECT MIN(minute) AS minute
    , MIN_BY(price, minute) AS price
    FROM prices.usd
    WHERE blockchain = 'ethereum'
    AND contract_address = 0x77777feddddffc19ff86db637967013e6c6a116c
    )

SELECT 'ethereum' AS blockchain
, t.evt_block_time AS block_time
, t.evt_block_number AS block_number
, 'tornado_cash' AS project
, 1 AS airdrop_number
, t."from" AS recipient
, t.contract_address
, t.evt_tx_hash AS tx_hash
, t.value AS amount_raw
, CAST(t.value/POWER(10, 18) AS double) AS amount_original
, CASE WHEN t.evt_block_time >= (SELECT minute FROM early_price) THEN CAST(pu.price*t.value/POWER(10, 18) AS double)
    ELSE CAST((SELECT price FROM early_price)*t.value/POWER(10, 18) AS double)
    END AS amount_usd
, from_hex('0x77777feddddffc19ff86db637967013e6c6a116c') AS token_address
, 'TORN' AS token_symbol
, t.evt_index
FROM erc20_ethereum.evt_Transfer t
LEFT JOIN prices.usd_forward_fill pu ON pu.blockchain = 'ethereum'
    AND pu.contract_address = 0x77777feddddffc19ff86db637967013e6c6a116c
    AND pu.minute=date_trunc('minute', t.evt_block_time)
WHERE t.evt_block_time BETWEEN TIMESTAMP '2020-12-18' AND TIMESTAMP '2021-12-13'
    AND t.contract_address = 0x77777feddddffc19ff86db637967013e6c6a116c
