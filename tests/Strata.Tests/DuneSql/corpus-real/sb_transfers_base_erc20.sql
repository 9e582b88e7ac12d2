-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/transfers/base/erc20/transfers_base_erc20.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
with
    sent_transfers as (
        select
            'send-' || cast(evt_tx_hash as varchar) || '-' || cast (evt_index as varchar) || '-' || CAST(to AS varchar) as unique_transfer_id,
            to as wallet_address,
            contract_address as token_address,
            evt_block_time,
            cast(value as double) as amount_raw
        from
            erc20_base.evt_Transfer
            where 1=1
            
    )

    ,
    received_transfers as (
        select
        'receive-' || cast(evt_tx_hash as varchar) || '-' || cast (evt_index as varchar) || '-' || CAST("from" AS varchar) as unique_transfer_id,
        "from" as wallet_address,
        contract_address as token_address,
        evt_block_time,
        (-1) * CAST(value AS double) as amount_raw
        from
            erc20_base.evt_Transfer
            where 1=1
            

    )

    ,
    deposited_weth as (
        select
            'deposit-' || cast(tx_hash as varchar) || '-' || cast (index as varchar) || '-' ||  CAST(bytearray_substring(topic1,13,20) AS varchar) as unique_transfer_id,
            bytearray_substring(topic1,13,20) as wallet_address,
            contract_address as token_address,
            block_time as evt_block_time,
            cast( bytearray_to_uint256(data) as double) as amount_raw
        from
            base.logs
            WHERE contract_address = 0x4200000000000000000000000000000000000006
            AND topic0 = 0xe1fffcc4923d04b559f4d29a8bfc6cda04eb5b0d3c460751c2402c5c5cc9109c --deposit
            
    )

    ,
    withdrawn_weth as (
        select
            'withdraw-' || cast(tx_hash as varchar) || '-' || cast (index as varchar) || '-' ||  CAST(bytearray_substring(topic1,13,20) AS varchar) as unique_transfer_id,
            bytearray_substring(topic1,13,20) as wallet_address,
            contract_address as token_address,
            block_time as evt_block_time,
            (-1)* cast( bytearray_to_uint256(data) as double) as amount_raw
        from
            base.logs
            WHERE contract_address = 0x4200000000000000000000000000000000000006
            AND topic0 = 0x7fcf532c15f0a6db0bd6d0e038bea71d30d808c7d98cb3bf7268a95bf5081b65 --withdrawal
            
    )

select unique_transfer_id, 'base' as blockchain, wallet_address, token_address, evt_block_time, CAST(amount_raw AS varchar) as amount_raw
from sent_transfers
union all
select unique_transfer_id, 'base' as blockchain, wallet_address, token_address, evt_block_time, CAST(amount_raw AS varchar) as amount_raw
from received_transfers
union all
select unique_transfer_id, 'base' as blockchain, wallet_address, token_address, evt_block_time, CAST(amount_raw AS varchar) as amount_raw
from deposited_weth
union all
select unique_transfer_id, 'base' as blockchain, wallet_address, token_address, evt_block_time, CAST(amount_raw AS varchar) as amount_raw
from withdrawn_weth
