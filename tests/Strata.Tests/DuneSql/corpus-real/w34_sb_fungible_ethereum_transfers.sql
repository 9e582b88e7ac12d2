-- Source: github.com/duneanalytics/spellbook @91dac121414fe46afdb47690ea5906871373dba5, dbt_subprojects/daily_spellbook/models/fungible/chains/fungible_ethereum_transfers.sql with dbt_subprojects/daily_spellbook/macros/sector/fungible/fungible_transfers.sql (jinja rendered: config empty, source() as schema.table)
WITH transfers AS (
    SELECT block_time
    , block_number
    , value AS amount_raw
    , value/1e18 AS amount
    , CAST(NULL AS varbinary) AS contract_address
    , 'ETH' AS symbol
    , 18 AS decimals
    , 'native' AS token_standard
    , "from"
    , to
    , tx_hash
    , NULL AS evt_index
    FROM ethereum.traces
    WHERE success
    AND (call_type NOT IN ('delegatecall', 'callcode', 'staticcall') OR call_type IS null)
    AND value > UINT256 '0'

    UNION ALL

    SELECT t.evt_block_time AS block_time
    , t.evt_block_number AS block_number
    , t.value AS amount_raw
    , t.value/POWER(10, tok.decimals) AS amount
    , t.contract_address
    , tok.symbol
    , tok.decimals
    , 'erc20' AS token_standard
    , t."from"
    , t.to
    , t.evt_tx_hash AS tx_hash
    , t.evt_index
    FROM erc20_ethereum.evt_Transfer t
    LEFT JOIN tokens_ethereum.erc20 tok ON tok.contract_address=t.contract_address
    )

SELECT 'ethereum' as blockchain
, t.block_time
, t.block_number
, t.amount_raw
, t.amount
, pu.price AS usd_price
, t.amount*pu.price AS usd_amount
, t.contract_address
, t.symbol
, t.decimals
, t.token_standard
, et."from" AS tx_from
, t."from"
, t.to
, t.tx_hash
, t.evt_index
FROM transfers t
INNER JOIN ethereum.transactions et ON et.block_number=t.block_number
    AND et.hash=t.tx_hash
LEFT JOIN prices.usd_forward_fill pu ON pu.blockchain = 'ethereum'
    AND (pu.contract_address=t.contract_address
        OR t.contract_address IS NULL AND pu.contract_address=(SELECT wrapped_native_token_address FROM evms.info WHERE blockchain='ethereum')
        )
    AND pu.minute = date_trunc('minute', t.block_time)
