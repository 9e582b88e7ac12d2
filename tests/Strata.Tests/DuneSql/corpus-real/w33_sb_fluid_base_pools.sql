-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/fluid/base/fluid_base_pools.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
with
decoded_events as (
    select 
        block_time,
        block_number,
        index as evt_index,
        tx_hash,
        contract_address as factory,
        substr(topic1, 13) as dex,
        substr(topic2, 13) as supplyToken,
        substr(topic3, 13) as borrowToken,
        bytearray_to_uint256(data) as dexId
    from 
    base.logs
    where block_time >= date '2024-09-01' -- dex launch month
    and topic0 = 0x3fecd5f7aca6136a20a999e7d11ff5dcea4bd675cb125f93ccd7d53f98ec57e4 
    -- DexT1Deployed -> sample tx: https://etherscan.io/tx/0xabf5c0e676e69de941c283400d7ac5f47b17a09d870f225b5240522f95da501c#eventlog
    
)

select 
    'base' as blockchain,
    'fluid' as project,
    '1' as version,
    block_time,
    block_number,
    evt_index,
    tx_hash,
    factory,
    dex,
    if (supplytoken = 0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee, 0x4200000000000000000000000000000000000006, supplyToken) as supply_token,
    if (borrowtoken = 0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee, 0x4200000000000000000000000000000000000006, borrowToken) as borrow_token,
    dexId as dex_id
from 
decoded_events
