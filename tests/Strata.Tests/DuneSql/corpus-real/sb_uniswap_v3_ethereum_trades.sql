-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/uniswap/ethereum/uniswap_v3_ethereum_trades.sql (jinja rendered: config removed, source()/ref() -> table; SQL verbatim)


SELECT  
    dex.blockchain
    , dex.project
    , dex.version
    , dex.block_month
    , dex.block_date
    , dex.block_time
    , dex.block_number
    , dex.token_bought_symbol
    , dex.token_sold_symbol
    , dex.token_pair
    , dex.token_bought_amount
    , dex.token_sold_amount
    , dex.token_bought_amount_raw
    , dex.token_sold_amount_raw
    , dex.amount_usd
    , dex.token_bought_address
    , dex.token_sold_address
    , dex.taker
    , dex.maker
    , dex.project_contract_address
    , f.fee
    , dex.tx_hash
    , dex.tx_from
    , dex.tx_to
    , dex.evt_index
FROM
    dex.trades as dex
INNER JOIN
    uniswap_v3_ethereum.Factory_evt_PoolCreated as f
    ON f.pool = dex.project_contract_address
WHERE
    dex.project = 'uniswap'
    AND dex.version = '3'
