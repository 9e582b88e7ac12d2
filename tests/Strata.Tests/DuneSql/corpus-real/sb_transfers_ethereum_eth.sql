-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/transfers/ethereum/transfers_ethereum_eth.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
select
    r."from"
    ,r.to
    --Using the ETH placeholder address to match with prices tables
    ,0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee as contract_address
    ,r.value AS value
    ,cast(r.value as double)/1e18 as value_decimal
    ,r.tx_hash
    ,r.trace_address
    ,r.block_time as tx_block_time
    ,r.block_number as tx_block_number
    ,bytearray_substring(t.data, 1, 4) as tx_method_id
    ,t.to AS tx_to
    ,t."from" AS tx_from
from ethereum.traces as r
join ethereum.transactions as t
    on r.tx_hash = t.hash
    and r.block_number = t.block_number
    
where
    (r.call_type not in ('delegatecall', 'callcode', 'staticcall') or r.call_type is null)
    and r.tx_success = true
    and r.success = true
    and r.value > uint256 '0'
    