-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/transfers/arbitrum/erc20/transfers_arbitrum_erc20.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
WITH

erc20_transfers  as (
        SELECT
            'receive' as transfer_type,
            evt_tx_hash,
            evt_index,
            evt_block_time,
            to as wallet_address,
            contract_address as token_address,
            CAST(value as double) as amount_raw
        FROM
        erc20_arbitrum.evt_Transfer
        

        UNION ALL

        SELECT
            'send' as transfer_type,
            evt_tx_hash,
            evt_index,
            evt_block_time,
            "from" as wallet_address,
            contract_address as token_address,
            -CAST(value as double) as amount_raw
        FROM
        erc20_arbitrum.evt_Transfer
        
)

SELECT
    'arbitrum' as blockchain,
    transfer_type,
    evt_tx_hash,
    evt_index,
    evt_block_time,
    CAST(date_trunc('month', evt_block_time) as date) as block_month,
    wallet_address,
    token_address,
    amount_raw
FROM
erc20_transfers
